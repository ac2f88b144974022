package org.subcons.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.subcons.kernel.Config;

/**
 * Every program of the guest corpus (guest/tests) runs under Subcons, under each
 * enforcement back-end and with every block compiled eagerly, and must give the same
 * stdout and exit status as under
 * qemu-riscv64 (or as guest/tests/expected/NAME.out for the few listed in
 * QEMU_DIFFERS.txt, where qemu 7.2 is not Linux).
 */
class GuestCorpusTest {
    static final Path SOURCES = Paths.get("guest/tests").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Map<String, String> differs = qemuDiffers();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path src : sources()) {
            String name = Guest.stem(src);
            boolean hand = differs.containsKey(name);
            for (Config.Enforcement e : Config.Enforcement.values()) {
                Config c = Config.defaults().withEnforce(e);
                tests.add(DynamicTest.dynamicTest(name + " [" + e.name().toLowerCase() + "]", () -> check(src, name, c, hand)));
            }
            // Every executed block compiled to bytecode at once: the compiler must agree too.
            Config eager = Config.defaults().withJit(Config.JitMode.EAGER);
            tests.add(DynamicTest.dynamicTest(name + " [tagged, jit=eager]", () -> check(src, name, eager, hand)));
            // Served (SPEC 12): unchanged under the tracer, and under three nested layers of one pass-through build.
            for (Config.Enforcement e : Config.Enforcement.values()) {
                Config traced = Config.defaults().withEnforce(e).withServe(List.of(server("tracer")));
                tests.add(DynamicTest.dynamicTest(name + " [" + e.name().toLowerCase() + ", --serve tracer]",
                        () -> check(src, name, traced, hand)));
                String p = server("passthru");
                Config nested = Config.defaults().withEnforce(e).withServe(List.of(p, p, p));
                tests.add(DynamicTest.dynamicTest(name + " [" + e.name().toLowerCase() + ", --serve passthru x3]",
                        () -> check(src, name, nested, hand)));
            }
        }
        assertFalse(tests.isEmpty(), "no corpus sources under " + SOURCES);
        return tests.stream();
    }

    private static void check(Path src, String name, Config config, boolean handWritten) throws Exception {
        Path bin = Guest.binary("tests", name);
        List<String> args = Guest.args(src);
        byte[] stdin = Guest.stdin(src);
        Guest.Result want = handWritten
                ? new Guest.Result(Files.readAllBytes(SOURCES.resolve("expected").resolve(name + ".out")), "", 0)
                : Guest.qemuOnce(bin, args, stdin);
        Guest.Result got = Guest.subcons(bin, args, stdin, config);
        String context = name + " stderr:\n" + Guest.tail(got.stderr());
        assertEquals(new String(want.stdout(), StandardCharsets.ISO_8859_1), new String(got.stdout(), StandardCharsets.ISO_8859_1),
                "stdout of " + context);
        assertEquals(want.status(), got.status(), "exit status of " + context);
    }

    /** A shipped server (guest/servers), as a --serve value. */
    static String server(String name) {
        return Guest.binary("servers", name).toString();
    }

    static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : new String[] {"c", "asm"}) {
            try (var s = Files.list(SOURCES.resolve(dir))) {
                s.filter(p -> {
                    String f = p.getFileName().toString();
                    return (f.endsWith(".c") && !f.endsWith(".main.c")) || f.endsWith(".S");
                }).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static Map<String, String> qemuDiffers() throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(SOURCES.resolve("QEMU_DIFFERS.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int c = line.indexOf(':');
            m.put(line.substring(0, c).trim(), line.substring(c + 1).trim());
        }
        return m;
    }
}
