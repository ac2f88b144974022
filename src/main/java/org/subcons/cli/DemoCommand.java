package org.subcons.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.subcons.kernel.Config;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.StreamFile;

import picocli.CommandLine.Command;

/**
 * {@code subcons demo}: runs the built-in example programs (guest/examples) and shows what
 * the system does with them: their output, the system calls they make, the counters, and
 * that qemu-riscv64 agrees.
 */
@Command(name = "demo", description = "Run the built-in examples and show traces, counters and the qemu comparison.")
public final class DemoCommand implements Callable<Integer> {
    record Outcome(String out, String diag, int status) {
    }

    @Override
    public Integer call() throws Exception {
        Path hello = GuestPrograms.program("examples", "hello");
        Path primes = GuestPrograms.program("examples", "primes");
        if (!Files.isExecutable(hello) || !Files.isExecutable(primes)) {
            System.err.println("subcons: the examples are not built (run scripts/setup): " + hello.getParent());
            return 1;
        }
        banner("1. An unmodified static glibc program, run by the emulated RV64GC machine");
        Outcome h = run(Config.defaults(), hello, "one", "two");
        System.out.print(indent(h.out));
        System.out.println("   exit status " + h.status);

        banner("2. The Linux system calls it made (--trace=syscalls), served by the kernel in Java");
        Outcome traced = run(Config.defaults().withTrace(true, false), hello, "one", "two");
        System.out.print(indent(traced.diag));

        banner("3. A compute job with the counters of --stats");
        Outcome p = run(Config.defaults().withStats(true), primes, "3000000");
        System.out.print(indent(p.out));
        System.out.print(indent(p.diag));

        banner("4. The same programs under qemu-riscv64, the reference");
        boolean same = compare(hello, h, "one", "two") & compare(primes, p, "3000000");
        System.out.println(same ? "   outputs and exit statuses identical" : "   DIFFERENT from qemu");
        return same ? 0 : 1;
    }

    private static void banner(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) if (!line.isEmpty()) sb.append("   ").append(line).append('\n');
        return sb.toString();
    }

    static Outcome run(Config config, Path program, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), diag = new ByteArrayOutputStream();
        OpenFile[] stdio = {
            new StreamFile(new ByteArrayInputStream(new byte[0]), null, "stdin"),
            new StreamFile(null, out, "stdout"),
            new StreamFile(null, diag, "stderr"),
        };
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(List.of(args));
        PrintStream ps = new PrintStream(diag, true, StandardCharsets.UTF_8);
        int status = new Kernel(config, stdio, ps).run(program.toString(), argv, List.of("LANG=C", "PATH=/usr/bin:/bin"));
        return new Outcome(out.toString(StandardCharsets.UTF_8), diag.toString(StandardCharsets.UTF_8), status);
    }

    private static boolean compare(Path program, Outcome ours, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("qemu-riscv64", program.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().clear();
        pb.environment().put("LANG", "C");
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process q;
        try {
            q = pb.start();
        } catch (java.io.IOException e) {
            System.out.println("   qemu-riscv64 not available: " + e.getMessage());
            return false;
        }
        String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = q.waitFor();
        // The pid differs between the two systems by nature; compare the rest.
        boolean same = out.replaceAll("pid \\d+", "pid N").equals(ours.out.replaceAll("pid \\d+", "pid N")) && status == ours.status;
        System.out.printf("   %-8s qemu: exit %d, %d bytes of output; subcons: exit %d, %d bytes: %s%n",
                program.getFileName(), status, out.length(), ours.status, ours.out.length(), same ? "same" : "different");
        return same;
    }
}
