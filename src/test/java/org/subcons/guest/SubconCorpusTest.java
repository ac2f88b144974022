package org.subcons.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.subcons.kernel.Config;

/**
 * The subcontext programs (guest/tests/sc/NAME.c, with a server NAME.server.c when they need
 * one). qemu knows nothing of subcontexts, so each has its expectations beside it:
 * NAME.expected (stdout), NAME.status (exit status, 0 when absent), NAME.fault (a regular
 * expression the `subcons: fault:` line on stderr must match, when the program must be
 * stopped), NAME.args. Every program runs under both back-ends, and with every block
 * compiled, and must behave identically.
 */
class SubconCorpusTest {
    static final Path SOURCES = Paths.get("guest/tests/sc").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> subcontexts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> sources;
        try (var s = Files.list(SOURCES)) {
            sources = s.filter(p -> p.toString().endsWith(".c") && !p.toString().endsWith(".server.c")).sorted().toList();
        }
        for (Path src : sources) {
            String name = Guest.stem(src);
            for (Config c : new Config[] {Config.defaults(), Config.defaults().withEnforce(Config.Enforcement.VIEWS),
                Config.defaults().withJit(Config.JitMode.EAGER)}) {
                String mode = c.enforce().name().toLowerCase() + (c.jit() == Config.JitMode.EAGER ? ", jit=eager" : "");
                tests.add(DynamicTest.dynamicTest(name + " [" + mode + "]", () -> check(src, name, c)));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void check(Path src, String name, Config config) throws Exception {
        Path bin = Guest.binary("sc", name);
        Guest.Result r = Guest.subcons(bin, Guest.args(src), Guest.stdin(src), config);
        String expected = Files.readString(SOURCES.resolve(name + ".expected"));
        Path statusFile = SOURCES.resolve(name + ".status");
        int status = Files.exists(statusFile) ? Integer.parseInt(Files.readString(statusFile).strip()) : 0;
        assertEquals(expected, r.out(), "stdout of " + name + "; stderr:\n" + r.stderr());
        assertEquals(status, r.status(), "exit status of " + name + "; stderr:\n" + r.stderr());
        Path faultFile = SOURCES.resolve(name + ".fault");
        List<String> faults = r.stderr().lines().filter(l -> l.startsWith("subcons: fault:")).toList();
        if (Files.exists(faultFile)) {
            Pattern p = Pattern.compile(Files.readString(faultFile).strip());
            assertEquals(1, faults.size(), "one fault line expected in:\n" + r.stderr());
            assertTrue(p.matcher(faults.get(0)).matches(), "fault line\n" + faults.get(0) + "\ndoes not match\n" + p);
        } else {
            assertTrue(faults.isEmpty(), "unexpected fault:\n" + r.stderr());
        }
    }
}
