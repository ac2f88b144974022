package org.subcons.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.subcons.kernel.Config;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.StreamFile;

import picocli.CommandLine.Command;

/**
 * {@code subcons demo}, the flagship (issue 5): an ordinary program (guest/examples/notes)
 * run alone, then served by the tracer with the policy server under it (SPEC 12), then a
 * hostile program (guest/examples/sc/escape) trying to get out from under the same
 * services, the counters of both enforcement back-ends, qemu-riscv64's agreement, and a
 * report of what was served, denied and counted. Every figure comes from the runs it makes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the built-in examples under user-level services (tracer, policy) and show the trace, an escape attempt stopped, the counters and a report.")
public final class DemoCommand implements Callable<Integer> {
    record Outcome(String out, String diag, int status) {
        /** The value of a {@code subcons: stat NAME VALUE} line, or -1. */
        double stat(String name) {
            for (String line : diag.split("\n")) {
                if (line.startsWith("subcons: stat " + name + " ")) return Double.parseDouble(line.substring(15 + name.length()));
            }
            return -1;
        }

        List<String> lines(String prefix) {
            return diag.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private static final String NOTE = "subcontexts are fun";

    @Override
    public Integer call() throws Exception {
        Path notes = GuestPrograms.program("examples", "notes");
        Path escape = GuestPrograms.program("sc", "escape");
        Path tracer = GuestPrograms.program("servers", "tracer"), policy = GuestPrograms.program("servers", "policy");
        for (Path p : List.of(notes, escape, tracer, policy)) {
            if (!Files.isExecutable(p)) {
                System.err.println("subcons: the examples are not built (run scripts/setup): " + p + " is missing");
                return 1;
            }
        }
        Path work = Files.createTempDirectory("subcons-demo");
        try {
            return show(notes, escape, tracer, policy, work);
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int show(Path notes, Path escape, Path tracer, Path policy, Path work) throws Exception {
        String secret = "/etc/passwd";
        List<String> serve = List.of(tracer.toString(), policy + " -c rw:" + work);
        String serveFlags = "--serve tracer --serve 'policy -c rw:" + work + "'";

        banner("1. An ordinary program, unmodified: notes (static glibc, RV64GC), run alone");
        command("notes notes.txt '" + NOTE + "'");
        Outcome alone = notes(Config.defaults(), work, notes);
        System.out.print(indent(alone.out));
        System.out.println("   exit status " + alone.status);

        banner("2. The same program served by user-level services (SPEC 12)");
        System.out.println("   The tracer serves the program: each of its system calls becomes an upcall into the");
        System.out.println("   tracer's subcontext, which logs it and passes it on (sc_pass). The policy server");
        System.out.println("   serves the tracer: what the tracer passes must stay under " + work + ".");
        command(serveFlags + " notes notes.txt '" + NOTE + "'");
        Outcome served = notes(Config.defaults().withStats(true).withServe(serve), work, notes);
        System.out.print(indent(served.out));
        System.out.println("   exit status " + served.status + (served.out.equals(alone.out) && served.status == alone.status
                ? ", the same output as alone" : ", DIFFERENT from the run alone"));
        List<String> trace = served.lines("[pid ");
        System.out.println("   the tracer's log (stderr), " + trace.size() + " lines:");
        System.out.print(indent(String.join("\n", trace), 6));
        System.out.print(indent(String.join("\n", served.lines("policy:")), 3));

        banner("3. A hostile program under the same services: escape tries to get out");
        command(serveFlags + " escape " + secret);
        Outcome esc = run(Config.defaults().withStats(true).withServe(serve), work, escape, secret);
        System.out.print(indent(esc.out));
        System.out.println("   what the services and the kernel said (stderr):");
        List<String> escLog = esc.diag.lines()
                .filter(l -> l.startsWith("policy:") || l.startsWith("subcons: fault") || l.contains("EACCES") || l.contains("EPERM ("))
                .toList();
        System.out.print(indent(String.join("\n", escLog), 6));
        System.out.println("   exit status " + esc.status + (esc.status == 139 ? " (killed by SIGSEGV: the MMU stopped the write)" : ""));

        banner("4. Both enforcement back-ends (SPEC 10), the served notes run of section 2");
        Map<String, Outcome> byBackEnd = new LinkedHashMap<>();
        for (Config.Enforcement e : Config.Enforcement.values()) {
            Config c = Config.defaults().withEnforce(e).withStats(true).withServe(serve);
            byBackEnd.put(e.name().toLowerCase(), notes(c, work, notes));
        }
        System.out.printf("   %-14s %12s %12s%n", "counter", "tagged", "views");
        for (String s : List.of("instructions", "syscalls", "upcalls", "view_switches", "traps", "transfers", "faults")) {
            System.out.printf("   %-14s %12.0f %12.0f%n", s, byBackEnd.get("tagged").stat(s), byBackEnd.get("views").stat(s));
        }
        boolean backEndsAgree = byBackEnd.values().stream().allMatch(o -> o.out.equals(served.out) && o.status == served.status);
        System.out.println("   outputs and exit statuses " + (backEndsAgree ? "identical" : "DIFFERENT"));

        banner("5. The reference: notes under qemu-riscv64");
        Outcome qemu = qemu(work, notes, "notes.txt", NOTE);
        boolean qemuAgrees = qemu != null && qemu.out.equals(alone.out) && qemu.status == alone.status;
        System.out.println(qemu == null ? "   qemu-riscv64 is not available"
                : "   qemu: exit " + qemu.status + ", " + qemu.out.length() + " bytes of output: " + (qemuAgrees ? "the same" : "DIFFERENT"));

        banner("Report");
        long denied = served.lines("policy: denied").size() + esc.lines("policy: denied").size();
        long refused = esc.out.lines().filter(l -> l.contains("refused:")).count();
        long attempts = esc.out.lines().filter(l -> l.contains("refused:") || l.contains("succeeded (")).count() + 1;
        boolean stopped = esc.status == 139 && !esc.out.contains("was overwritten") && !esc.lines("subcons: fault:").isEmpty();
        System.out.printf("   served:  %.0f upcalls: the system calls of notes and escape to the tracer, and the tracer's to the%n"
                + "            policy server; the kernel served %.0f calls, the servers' sc_pass included%n",
                served.stat("upcalls") + esc.stat("upcalls"), served.stat("syscalls") + esc.stat("syscalls"));
        System.out.printf("   denied:  %d calls by the policy server; of escape's %d attempts, %d refused by the services and the kernel,%n",
                denied, attempts, refused);
        System.out.println("            and the write to server memory " + (stopped ? "stopped by the MMU (subcons: fault, exit 139)" : "NOT STOPPED"));
        System.out.printf("   counted: %.0f instructions in the served notes run (%.0f tagged, %.0f views); trace %d lines%n",
                served.stat("instructions"), byBackEnd.get("tagged").stat("instructions"), byBackEnd.get("views").stat("instructions"),
                trace.size());
        boolean ok = alone.status == 0 && served.out.equals(alone.out) && served.status == 0 && backEndsAgree
                && refused == attempts - 1 && stopped && qemuAgrees;
        System.out.println("   " + (ok ? "all as expected" : "SOMETHING DIFFERED (see above)"));
        return ok ? 0 : 1;
    }

    /** notes adding NOTE to WORK/notes.txt, which it leaves as it found it (absent). */
    private static Outcome notes(Config config, Path work, Path notes) throws Exception {
        Outcome o = run(config, work, notes, "notes.txt", NOTE);
        Files.deleteIfExists(work.resolve("notes.txt"));
        return o;
    }

    private static void banner(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void command(String args) {
        System.out.println("   $ subcons run " + args);
    }

    private static String indent(String s) {
        return indent(s, 3);
    }

    private static String indent(String s, int n) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) if (!line.isEmpty()) sb.append(" ".repeat(n)).append(line).append('\n');
        return sb.toString();
    }

    static Outcome run(Config config, Path cwd, Path program, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), diag = new ByteArrayOutputStream();
        OpenFile[] stdio = {
            new StreamFile(new ByteArrayInputStream(new byte[0]), null, "stdin"),
            new StreamFile(null, out, "stdout"),
            new StreamFile(null, diag, "stderr"),
        };
        List<String> argv = new ArrayList<>();
        argv.add(program.getFileName().toString());
        argv.addAll(List.of(args));
        PrintStream ps = new PrintStream(diag, true, StandardCharsets.UTF_8);
        int status = new Kernel(config, stdio, ps).run(program.toString(), argv, List.of("LANG=C", "PATH=/usr/bin:/bin"),
                cwd.toString(), 0);
        return new Outcome(out.toString(StandardCharsets.UTF_8), diag.toString(StandardCharsets.UTF_8), status);
    }

    /** The program under qemu-riscv64 in {@code cwd}; null when qemu cannot be started. */
    private static Outcome qemu(Path cwd, Path program, String... args) throws InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("qemu-riscv64", "-0", program.getFileName().toString(), program.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("LANG", "C");
        pb.environment().put("PATH", "/usr/bin:/bin");
        try {
            Process q = pb.start();
            q.getOutputStream().close();
            String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(out, "", q.waitFor());
        } catch (IOException e) {
            return null;
        }
    }
}
