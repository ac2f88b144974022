package org.subcons.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.subcons.elf.ElfException;
import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.kernel.Config;
import org.subcons.kernel.HostFile;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code subcons run [options] PROGRAM [ARGS...]} (SPEC section 11). */
@Command(name = "run", description = "Run a static RV64 Linux program.", sortOptions = false, mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--stats", description = "Print 'subcons: stat NAME VALUE' lines to stderr at exit.")
    boolean stats;

    @Option(names = "--trace", split = ",", paramLabel = "WHAT",
            description = "Trace to stderr: syscalls, subcons (comma-separated).")
    List<String> trace = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "The guest's / (confined: no escape through .. or links).")
    String root;

    @Option(names = "--max-insns", paramLabel = "N", description = "Stop the guest after N instructions (exit status 152).")
    long maxInsns;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory the guest may commit, e.g. 512M or 4G (default 2G).")
    String mem;

    @Option(names = "--max-procs", paramLabel = "N", description = "Most guest processes alive at once (default 4096).")
    int maxProcs = 4096;

    @Option(names = "--enforce", paramLabel = "MODE", description = "Enforcement back-end: tagged (default) or views.")
    String enforce = "tagged";

    @Option(names = "--jit", paramLabel = "MODE", description = "Compiler to JVM bytecode: on (default), off, eager.")
    String jit = "on";

    @Option(names = "--serve", paramLabel = "'SERVER [ARGS]'", description = "Serve the program's system calls with a user-level service: a static-pie server ELF, or a shipped one by name (tracer, policy, memfs, passthru), and its arguments. Repeat to nest, innermost first.")
    List<String> serve = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "The program to run.")
    String program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments.")
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Config config = config();
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(args);
        List<String> envp = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) envp.add(e.getKey() + "=" + e.getValue());
        try {
            Kernel k = new Kernel(config, hostStdio(), System.err);
            forwardHostSignals(k);
            return k.run(program, argv, envp);
        } catch (ElfException e) {
            System.err.println("subcons: " + e.getMessage());
            return e.exitStatus;
        } catch (IllegalArgumentException e) {
            System.err.println("subcons: " + e.getMessage());
            return 125;
        }
    }

    private Config config() {
        boolean traceSyscalls = false, traceSubcons = false;
        for (String t : trace) {
            switch (t) {
                case "syscalls" -> traceSyscalls = true;
                case "subcons" -> traceSubcons = true;
                default -> throw bad("unknown --trace value '" + t + "' (use syscalls, subcons)");
            }
        }
        Config.Enforcement e = switch (enforce) {
            case "tagged" -> Config.Enforcement.TAGGED;
            case "views" -> Config.Enforcement.VIEWS;
            default -> throw bad("unknown --enforce mode '" + enforce + "' (use tagged or views)");
        };
        if (maxInsns < 0) throw bad("--max-insns must not be negative");
        if (maxProcs < 1) throw bad("--max-procs must be at least 1");
        long memLimit = mem == null ? Config.DEFAULT_MEM : parseSize(mem);
        Config.JitMode jitMode = switch (jit) {
            case "on" -> Config.JitMode.ON;
            case "off" -> Config.JitMode.OFF;
            case "eager" -> Config.JitMode.EAGER;
            default -> throw bad("unknown --jit mode '" + jit + "' (use on, off, eager)");
        };
        List<String> servers = new ArrayList<>();
        for (String s : serve) servers.add(resolveServer(s));
        return new Config(root, traceSyscalls, traceSubcons, stats, maxInsns, memLimit, maxProcs, e, servers, jitMode);
    }

    /**
     * A --serve value with its server found: a path as given, or the name of a server
     * shipped with Subcons (tracer, policy, memfs, passthru, ...) when no such file exists.
     */
    static String resolveServer(String spec) {
        String t = spec.strip();
        int sp = t.indexOf(' ');
        String name = sp < 0 ? t : t.substring(0, sp);
        if (name.isEmpty() || name.contains("/") || java.nio.file.Files.exists(java.nio.file.Path.of(name))) return t;
        java.nio.file.Path shipped = GuestPrograms.program("servers", name);
        return java.nio.file.Files.isRegularFile(shipped) ? shipped + (sp < 0 ? "" : t.substring(sp)) : t;
    }

    private long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K")) unit = 1L << 10;
        else if (t.endsWith("M")) unit = 1L << 20;
        else if (t.endsWith("G")) unit = 1L << 30;
        if (unit > 1) t = t.substring(0, t.length() - 1);
        try {
            long v = Long.parseLong(t);
            if (v <= 0 || v > (1L << 40) / unit) throw bad("--mem out of range: " + s);
            return v * unit;
        } catch (NumberFormatException ex) {
            throw bad("bad --mem size '" + s + "' (e.g. 512M, 4G)");
        }
    }

    private CommandLine.ParameterException bad(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    /** Ctrl-C (and SIGTERM, SIGHUP) on the host go to the guest's foreground process group. */
    @SuppressWarnings("restriction")
    private static void forwardHostSignals(Kernel k) {
        for (String name : new String[] {"INT", "TERM", "HUP", "QUIT"}) {
            int number = switch (name) {
                case "INT" -> org.subcons.kernel.Signals.SIGINT;
                case "TERM" -> org.subcons.kernel.Signals.SIGTERM;
                case "HUP" -> org.subcons.kernel.Signals.SIGHUP;
                default -> org.subcons.kernel.Signals.SIGQUIT;
            };
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> k.hostSignal(number));
            } catch (IllegalArgumentException e) {
                // the JVM keeps some signals to itself (e.g. QUIT with -Xrs off); those stay the JVM's
            }
        }
    }

    /** The guest's stdin, stdout and stderr: duplicates of the host's own. */
    static OpenFile[] hostStdio() {
        OpenFile[] files = new OpenFile[3];
        for (int fd = 0; fd < 3; fd++) {
            int dup = Host.dup(fd);
            if (dup < 0) dup = Host.openat(Linux.AT_FDCWD, "/dev/null", fd == 0 ? Linux.O_RDONLY : Linux.O_WRONLY, 0);
            int flags = Host.fcntl(dup, Linux.F_GETFL, 0);
            files[fd] = new HostFile(dup, flags < 0 ? Linux.O_RDWR : flags, hostName(fd), null, true, null);
        }
        return files;
    }

    private static String hostName(int fd) {
        byte[] b = new byte[4096];
        int n = Host.readlinkat(Linux.AT_FDCWD, "/proc/self/fd/" + fd, b);
        return n > 0 ? new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1) : "/dev/null";
    }
}
