package org.subcons.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.subcons.kernel.Config;

/**
 * Served programs (SPEC sections 6 and 12): guest/tests/serve/CASE.serve names the servers,
 * one --serve value per line, innermost first (a first word without a slash is a shipped
 * server, guest/servers; otherwise a path under the guest build directory, e.g.
 * {@code serve/echo.server}). Beside it:
 * <ul>
 * <li>CASE.program: the client (a name under serve/, or tests/NAME, cli/NAME); default CASE;</li>
 * <li>CASE.args: its arguments;</li>
 * <li>CASE.expected: its stdout (exact); CASE.status: its exit status (0 when absent);</li>
 * <li>CASE.stderr: regular expressions, one per line: each must match some line of stderr;
 *     a line starting with {@code !} must match none.</li>
 * </ul>
 * In .serve and .args files, {@code $CWD} is the run's working directory (a fresh one).
 * Every case runs under both back-ends and must behave identically.
 */
class ServedCorpusTest {
    static final Path SOURCES = Paths.get("guest/tests/serve").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> served() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> cases;
        try (var s = Files.list(SOURCES)) {
            cases = s.filter(p -> p.toString().endsWith(".serve")).sorted().toList();
        }
        for (Path c : cases) {
            String name = c.getFileName().toString().replaceFirst("\\.serve$", "");
            for (Config.Enforcement e : Config.Enforcement.values()) {
                tests.add(DynamicTest.dynamicTest(name + " [" + e.name().toLowerCase() + "]", () -> check(name, e)));
            }
        }
        assertFalse(tests.isEmpty(), "no cases under " + SOURCES);
        return tests.stream();
    }

    private static void check(String name, Config.Enforcement enforce) throws Exception {
        Path cwd = Files.createTempDirectory("subcons-served");
        try {
            List<String> servers = new ArrayList<>();
            for (String line : Files.readAllLines(SOURCES.resolve(name + ".serve"))) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                servers.add(serverValue(subst(l, cwd)));
            }
            Path bin = program(optional(name + ".program", name).strip());
            String argLine = subst(optional(name + ".args", "").strip(), cwd);
            List<String> args = argLine.isEmpty() ? List.of() : Arrays.asList(argLine.split(" "));
            byte[] stdin = Files.exists(SOURCES.resolve(name + ".stdin")) ? Files.readAllBytes(SOURCES.resolve(name + ".stdin")) : new byte[0];
            Config config = Config.defaults().withEnforce(enforce).withServe(servers);
            Guest.Result r = Guest.subconsIn(cwd, bin, args, stdin, config);
            String context = name + "; stderr:\n" + Guest.tail(r.stderr());
            assertEquals(subst(optional(name + ".expected", ""), cwd), r.out(), "stdout of " + context);
            assertEquals(Integer.parseInt(optional(name + ".status", "0").strip()), r.status(), "exit status of " + context);
            for (String line : optional(name + ".stderr", "").lines().toList()) {
                if (line.isBlank()) continue;
                boolean negate = line.startsWith("!");
                Pattern p = Pattern.compile(subst(negate ? line.substring(1) : line, cwd));
                boolean found = r.stderr().lines().anyMatch(l -> p.matcher(l).matches());
                assertTrue(found != negate, (negate ? "stderr has a line matching " : "no stderr line matches ") + p + " in " + context);
            }
        } finally {
            Guest.deleteTree(cwd);
        }
    }

    /** A --serve value with its first word made a path. */
    private static String serverValue(String line) {
        int sp = line.indexOf(' ');
        String first = sp < 0 ? line : line.substring(0, sp), rest = sp < 0 ? "" : line.substring(sp);
        Path p = first.contains("/") ? Guest.dir().resolve(first) : Guest.binary("servers", first);
        if (!Files.isRegularFile(p)) throw new AssertionError("server " + p + " is missing: build the corpus first");
        return p + rest;
    }

    private static Path program(String name) {
        return name.contains("/") ? Guest.binary(name.substring(0, name.indexOf('/')), name.substring(name.indexOf('/') + 1))
                : Guest.binary("serve", name);
    }

    private static String optional(String file, String otherwise) throws IOException {
        Path p = SOURCES.resolve(file);
        return Files.exists(p) ? Files.readString(p) : otherwise;
    }

    private static String subst(String s, Path cwd) {
        return s.replace("$CWD", cwd.toString());
    }
}
