package org.subcons.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subcons bench [SUITE...]}: the project's benchmarks, each program in a fresh
 * process. Suites: compute (the guest/bench programs under Subcons and qemu-riscv64: MIPS
 * and time ratio), threads (parallel speedup), subcons (cross-subcontext calls and mapping
 * into shared subcontexts, both back-ends), syscalls (system-call redirection). Default:
 * all of them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks and print MIPS, ratios to qemu-riscv64 and ns per operation.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SUITE", description = "compute, threads, subcons, syscalls (default: all)")
    List<String> suites = new ArrayList<>();

    @Option(names = "--only", paramLabel = "NAME", description = "Only these programs of the compute suite.")
    List<String> only = new ArrayList<>();

    record Run(String out, String err, double seconds, long instructions, double guestSeconds, int status) {
    }

    @Override
    public Integer call() throws Exception {
        List<String> all = List.of("compute", "threads", "subcons", "syscalls");
        List<String> chosen = suites.isEmpty() ? all : suites;
        for (String s : chosen) {
            if (!all.contains(s)) {
                System.err.println("subcons: unknown benchmark suite '" + s + "' (use " + String.join(", ", all) + ")");
                return 2;
            }
        }
        int status = 0;
        for (String s : chosen) {
            System.out.println();
            System.out.println("== " + s);
            status |= switch (s) {
                case "compute" -> compute();
                case "threads" -> threads();
                case "subcons" -> subcons();
                default -> syscalls();
            };
        }
        return status;
    }

    private int compute() throws Exception {
        List<Path> programs = new ArrayList<>();
        for (Path p : GuestPrograms.all("bench")) {
            String name = p.getFileName().toString();
            if (name.equals("threads_bench")) continue;
            if (only.isEmpty() || only.contains(name)) programs.add(p);
        }
        if (programs.isEmpty()) return missing("bench");
        System.out.println("benchmark        instructions   subcons(s)  guest(s)    MIPS   qemu(s)  qemu MIPS   ratio  output");
        double sumLog = 0;
        for (Path p : programs) {
            Run q = time(List.of("qemu-riscv64", p.toString()), false);
            Run s = subcons(p, List.of());
            boolean same = q.out.equals(s.out) && q.status == s.status;
            double ratio = s.seconds / q.seconds;
            sumLog += Math.log(ratio);
            System.out.printf(Locale.ROOT, "%-14s %14d %11.2f %9.2f %7.1f %9.2f %10.1f %7.2f  %s%n", p.getFileName(),
                    s.instructions, s.seconds, s.guestSeconds, s.instructions / s.guestSeconds / 1e6, q.seconds,
                    s.instructions / q.seconds / 1e6, ratio, same ? "same" : "DIFFERS");
        }
        System.out.printf(Locale.ROOT, "geometric mean ratio (subcons/qemu wall time): %.2f%n", Math.exp(sumLog / programs.size()));
        return 0;
    }

    private int threads() throws Exception {
        Path p = GuestPrograms.program("bench", "threads_bench");
        if (!Files.isExecutable(p)) return missing("bench/threads_bench");
        Run one = subcons(p, List.of("1")), two = subcons(p, List.of("2"));
        Run qone = time(List.of("qemu-riscv64", p.toString(), "1"), false);
        Run qtwo = time(List.of("qemu-riscv64", p.toString(), "2"), false);
        System.out.printf(Locale.ROOT, "threads_bench 1 thread:  subcons %.2f s (guest %.2f s), qemu %.2f s%n", one.seconds,
                one.guestSeconds, qone.seconds);
        System.out.printf(Locale.ROOT, "threads_bench 2 threads: subcons %.2f s (guest %.2f s), qemu %.2f s%n", two.seconds,
                two.guestSeconds, qtwo.seconds);
        System.out.printf(Locale.ROOT, "speedup with 2 threads: subcons %.2fx (guest time %.2fx), qemu %.2fx; outputs %s%n",
                one.seconds / two.seconds, one.guestSeconds / two.guestSeconds, qone.seconds / qtwo.seconds,
                one.out.equals(two.out) && one.out.equals(qone.out) ? "agree" : "DIFFER");
        return 0;
    }

    private int subcons() throws Exception {
        Path calls = GuestPrograms.program("sc", "scbench"), maps = GuestPrograms.program("sc", "scmapbench");
        if (!Files.isExecutable(calls) || !Files.isExecutable(maps)) return missing("sc");
        Map<String, Map<String, String>> byMode = new LinkedHashMap<>();
        for (String mode : new String[] {"tagged", "views"}) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Run r : new Run[] {subcons(calls, List.of("1000000"), mode), subcons(maps, List.of("1000"), mode)}) {
                for (String line : r.out.split("\n")) {
                    int sp = line.lastIndexOf(' ');
                    if (sp > 0) values.put(line.substring(0, sp), line.substring(sp + 1));
                }
            }
            byMode.put(mode, values);
        }
        System.out.println("measure (ns)                      tagged       views");
        for (String key : byMode.get("tagged").keySet()) {
            System.out.printf(Locale.ROOT, "%-28s %11s %11s%n", key, byMode.get("tagged").get(key), byMode.get("views").getOrDefault(key, "?"));
        }
        for (String mode : byMode.keySet()) {
            Map<String, String> v = byMode.get(mode);
            double plain = Double.parseDouble(v.getOrDefault("plain_call_ns", "NaN"));
            System.out.printf(Locale.ROOT, "%s: cross call and return = %.2f plain calls through the scrt entry stub, %.2f through a leaf entry%n",
                    mode, Double.parseDouble(v.getOrDefault("cross_call_stub_ns", "NaN")) / plain,
                    Double.parseDouble(v.getOrDefault("cross_call_leaf_ns", "NaN")) / plain);
        }
        return 0;
    }

    /**
     * System-call redirection (issue 5): ns per getppid (a) handled by the kernel, (b)
     * redirected to a server that answers at once, (c) served by a server process over a
     * pipe pair, (d) through one more layer (a pass-through server over the answering one).
     */
    private int syscalls() throws Exception {
        Path p = GuestPrograms.program("sc", "syscallbench"), answer = GuestPrograms.program("sc", "answer.server");
        Path passthru = GuestPrograms.program("servers", "passthru");
        if (!Files.isExecutable(p) || !Files.isRegularFile(answer) || !Files.isRegularFile(passthru)) return missing("sc");
        String[][] cases = {
            {"(a) kernel", "direct"},
            {"(b) server answers", "direct", answer.toString()},
            {"(c) server process, pipes", "pipe"},
            {"(d) one more layer", "direct", passthru.toString(), answer.toString()},
        };
        Map<String, double[]> ns = new LinkedHashMap<>();
        String[] modes = {"tagged", "views"};
        for (int m = 0; m < modes.length; m++) {
            for (String[] c : cases) {
                List<String> opts = new ArrayList<>();
                for (int i = 2; i < c.length; i++) opts.addAll(List.of("--serve", c[i]));
                Run r = subconsWith(p, opts, List.of(c[1]), modes[m]);
                ns.computeIfAbsent(c[0], k -> new double[modes.length])[m] = nsPerCall(r);
            }
        }
        System.out.println("getppid, ns per call                tagged       views");
        for (Map.Entry<String, double[]> e : ns.entrySet()) {
            System.out.printf(Locale.ROOT, "%-30s %11.1f %11.1f%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        for (int m = 0; m < modes.length; m++) {
            double a = ns.get("(a) kernel")[m], b = ns.get("(b) server answers")[m], c = ns.get("(c) server process, pipes")[m];
            double d = ns.get("(d) one more layer")[m];
            System.out.printf(Locale.ROOT, "%s: (b)/(a) = %.2f (goal <= 2 in tagged), (c)/(b) = %.1f (goal >= 10), (d)-(b) = %.0f ns per layer%n",
                    modes[m], b / a, c / b, d - b);
        }
        return 0;
    }

    /** The "N ns per call" figure syscallbench prints, or NaN (with the run's output shown). */
    private static double nsPerCall(Run r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) ns per call").matcher(r.out);
        if (m.find()) return Double.parseDouble(m.group(1));
        System.out.print("  (no figure: exit " + r.status + ")\n" + r.out + r.err);
        return Double.NaN;
    }

    private static int missing(String what) {
        System.err.println("subcons: benchmark programs missing in " + GuestPrograms.dir().resolve(what) + " (run scripts/setup)");
        return 1;
    }

    private Run subcons(Path p, List<String> args) throws IOException, InterruptedException {
        return subcons(p, args, "tagged");
    }

    private Run subcons(Path p, List<String> args, String enforce) throws IOException, InterruptedException {
        return subconsWith(p, List.of(), args, enforce);
    }

    private Run subconsWith(Path p, List<String> options, List<String> args, String enforce) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(GuestPrograms.javaCommand());
        cmd.addAll(List.of("run", "--stats", "--enforce=" + enforce));
        cmd.addAll(options);
        cmd.add(p.toString());
        cmd.addAll(args);
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
        String errText = new String(err[0], StandardCharsets.UTF_8);
        long insns = 0;
        double guest = seconds;
        if (stats) {
            for (String line : errText.split("\n")) {
                String[] w = line.split(" ");
                if (w.length == 4 && w[1].equals("stat") && w[2].equals("instructions")) insns = Long.parseLong(w[3]);
                if (w.length == 4 && w[1].equals("stat") && w[2].equals("seconds")) guest = Double.parseDouble(w[3]);
            }
        }
        return new Run(out, errText, seconds, insns, guest, status);
    }
}
