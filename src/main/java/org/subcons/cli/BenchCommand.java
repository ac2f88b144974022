package org.subcons.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code subcons bench}: runs each benchmark program (target/guest/bench) under Subcons and
 * under qemu-riscv64, one after the other, each in a fresh process, checks their outputs
 * agree, and prints instructions, MIPS and the time ratio Subcons/qemu.
 */
@Command(name = "bench", description = "Run the compute benchmarks under Subcons and qemu-riscv64; print MIPS and time ratios.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--only", paramLabel = "NAME", description = "Run only these benchmarks.")
    List<String> only = new ArrayList<>();

    @Option(names = "--enforce", description = "Enforcement back-end for the Subcons runs (default tagged).")
    String enforce = "tagged";

    record Run(String out, double seconds, long instructions, double guestSeconds, int status) {
    }

    @Override
    public Integer call() throws Exception {
        List<Path> programs = GuestPrograms.all("bench");
        if (programs.isEmpty()) {
            System.err.println("subcons: no benchmark programs in " + GuestPrograms.dir().resolve("bench") + " (run scripts/setup)");
            return 1;
        }
        System.out.println("benchmark        instructions   subcons(s)  guest(s)    MIPS   qemu(s)  qemu MIPS   ratio  output");
        double sumRatio = 0;
        int n = 0;
        for (Path p : programs) {
            String name = p.getFileName().toString();
            if (!only.isEmpty() && !only.contains(name)) continue;
            Run q = qemu(p);
            Run s = subcons(p);
            boolean same = q.out.equals(s.out) && q.status == s.status;
            double mips = s.instructions / s.guestSeconds / 1e6;
            double qmips = s.instructions / q.seconds / 1e6;
            double ratio = s.seconds / q.seconds;
            sumRatio += Math.log(ratio);
            n++;
            System.out.printf(Locale.ROOT, "%-14s %14d %11.2f %9.2f %7.1f %9.2f %10.1f %7.2f  %s%n", name, s.instructions,
                    s.seconds, s.guestSeconds, mips, q.seconds, qmips, ratio, same ? "same" : "DIFFERS");
            if (!same) {
                System.out.println("  qemu:    " + q.out.strip() + " (exit " + q.status + ")");
                System.out.println("  subcons: " + s.out.strip() + " (exit " + s.status + ")");
            }
        }
        if (n > 0) System.out.printf(Locale.ROOT, "geometric mean ratio (subcons/qemu wall time): %.2f%n", Math.exp(sumRatio / n));
        return 0;
    }

    private static Run qemu(Path p) throws IOException, InterruptedException {
        return time(List.of("qemu-riscv64", p.toString()), false);
    }

    private Run subcons(Path p) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(GuestPrograms.javaCommand());
        cmd.addAll(List.of("run", "--stats", "--enforce=" + enforce, p.toString()));
        return time(cmd, true);
    }

    private static Run time(List<String> cmd, boolean stats) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process proc = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[][] err = new byte[1][];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                err[0] = proc.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = new byte[0];
            }
        });
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = proc.waitFor();
        t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long insns = 0;
        double guest = seconds;
        if (stats) {
            for (String line : new String(err[0], StandardCharsets.UTF_8).split("\n")) {
                String[] w = line.split(" ");
                if (w.length == 4 && w[1].equals("stat") && w[2].equals("instructions")) insns = Long.parseLong(w[3]);
                if (w.length == 4 && w[1].equals("stat") && w[2].equals("seconds")) guest = Double.parseDouble(w[3]);
            }
        }
        return new Run(out, seconds, insns, guest, status);
    }
}
