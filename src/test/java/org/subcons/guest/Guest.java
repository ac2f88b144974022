package org.subcons.guest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.subcons.elf.ElfException;
import org.subcons.kernel.Config;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.StreamFile;

/**
 * Runs guest programs for tests: under Subcons in-process (stdio captured) and under
 * qemu-riscv64 as the oracle, both with the corpus conventions: a fresh empty working
 * directory, a fixed environment, argv[0] the absolute path of the binary.
 */
public final class Guest {
    public static final List<String> ENV = List.of("PATH=/usr/bin:/bin", "HOME=/tmp", "LANG=C", "TZ=UTC", "SUBCONS_TEST=1");
    static final long TIMEOUT_MS = 120_000;

    /** What a run produced. */
    public record Result(byte[] stdout, String stderr, int status) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private Guest() {
    }

    /** Where the build put the guest programs (make -C guest OUT=target/guest). */
    public static Path dir() {
        return Paths.get(System.getProperty("subcons.guest", "target/guest")).toAbsolutePath();
    }

    /** A built guest program; fails the test with a clear message when the corpus was not built. */
    public static Path binary(String kind, String name) {
        Path p = dir().resolve(kind).resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("guest program " + p + " is missing: build the corpus first (make -C guest OUT=" + dir() + ")");
        }
        return p;
    }

    public static Result subcons(Path binary, List<String> args, byte[] stdin, Config config) throws IOException {
        Path cwd = Files.createTempDirectory("subcons-guest");
        try {
            return subconsIn(cwd, binary, args, stdin, config);
        } finally {
            deleteTree(cwd);
        }
    }

    /** Like {@link #subcons}, in working directory {@code cwd} (which the caller owns). */
    public static Result subconsIn(Path cwd, Path binary, List<String> args, byte[] stdin, Config config) throws IOException {
        {
            ByteArrayOutputStream out = new CappedStream(), err = new CappedStream();
            OpenFile[] stdio = {
                new StreamFile(new ByteArrayInputStream(stdin), null, "stdin"),
                new StreamFile(null, out, "stdout"),
                new StreamFile(null, err, "stderr"),
            };
            PrintStream diag = new PrintStream(err, true, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>();
            argv.add(binary.toString());
            argv.addAll(args);
            int status;
            try {
                status = new Kernel(config, stdio, diag).run(binary.toString(), argv, ENV, cwd.toString(), TIMEOUT_MS);
            } catch (ElfException e) {
                diag.println("subcons: " + e.getMessage());
                status = e.exitStatus;
            }
            return new Result(out.toByteArray(), err.toString(StandardCharsets.UTF_8), status);
        }
    }

    /** Keeps the first 8 MiB a guest writes (a runaway program must not exhaust the test JVM). */
    static final class CappedStream extends ByteArrayOutputStream {
        static final int CAP = 8 << 20;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = CAP - count;
            if (room > 0) super.write(b, off, Math.min(len, room));
        }

        @Override
        public synchronized void write(int b) {
            if (count < CAP) super.write(b);
        }
    }

    private static final java.util.Map<String, Result> QEMU_RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #qemu}, run once per program, arguments and input in this JVM. */
    public static Result qemuOnce(Path binary, List<String> args, byte[] stdin) throws IOException, InterruptedException {
        String key = binary + "\0" + String.join("\0", args) + "\0" + java.util.Arrays.hashCode(stdin) + "/" + stdin.length;
        Result r = QEMU_RUNS.get(key);
        if (r == null) {
            r = qemu(binary, args, stdin);
            QEMU_RUNS.put(key, r);
        }
        return r;
    }

    public static Result qemu(Path binary, List<String> args, byte[] stdin) throws IOException, InterruptedException {
        Path cwd = Files.createTempDirectory("qemu-guest");
        Path in = Files.createTempFile("qemu-stdin", "");
        try {
            Files.write(in, stdin);
            List<String> cmd = new ArrayList<>(List.of("qemu-riscv64", binary.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectInput(in.toFile());
            pb.environment().clear();
            for (String e : ENV) pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
            Process p = pb.start();
            byte[][] streams = new byte[2][];
            Thread outReader = Thread.ofPlatform().daemon().start(() -> streams[0] = drain(p.getInputStream()));
            Thread errReader = Thread.ofPlatform().daemon().start(() -> streams[1] = drain(p.getErrorStream()));
            // The whole tree within the time limit: a grandchild holding stdout must not hang the test.
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("qemu-riscv64 timed out on " + binary);
            }
            outReader.join(TIMEOUT_MS);
            errReader.join(TIMEOUT_MS);
            if (outReader.isAlive() || errReader.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                throw new AssertionError("qemu-riscv64's output stayed open after it exited on " + binary);
            }
            return new Result(streams[0], new String(streams[1], StandardCharsets.UTF_8), p.exitValue());
        } finally {
            deleteTree(cwd);
            Files.deleteIfExists(in);
        }
    }

    private static byte[] drain(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Arguments from NAME.args beside the test's source, if any. */
    public static List<String> args(Path source) throws IOException {
        Path a = source.resolveSibling(stem(source) + ".args");
        if (!Files.exists(a)) return List.of();
        String line = Files.readString(a).strip();
        return line.isEmpty() ? List.of() : Arrays.asList(line.split(" "));
    }

    public static byte[] stdin(Path source) throws IOException {
        Path s = source.resolveSibling(stem(source) + ".stdin");
        return Files.exists(s) ? Files.readAllBytes(s) : new byte[0];
    }

    static String stem(Path source) {
        String f = source.getFileName().toString();
        for (String ext : new String[] {".pie.S", ".S", ".c"}) if (f.endsWith(ext)) return f.substring(0, f.length() - ext.length());
        return f;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                q.toFile().setWritable(true);
                Files.deleteIfExists(q);
            }
        }
    }

    /**
     * The end of a (possibly huge) stderr, for a failure message: a program that loops under
     * a tracer writes hundreds of megabytes in its time limit, too much for a message.
     */
    public static String tail(String stderr) {
        int max = 64 * 1024;
        return stderr.length() <= max ? stderr
                : "[... " + (stderr.length() - max) + " characters before ...]\n" + stderr.substring(stderr.length() - max);
    }
}
