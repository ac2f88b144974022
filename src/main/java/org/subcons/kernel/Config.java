package org.subcons.kernel;

import java.util.List;

/**
 * How a kernel is set up: everything the command line controls.
 *
 * @param root      the guest's "/" as a host directory, or null for the host's "/"
 * @param maxInsns  stop the guest after this many instructions (0: no limit)
 * @param memLimit  the most memory the guest may commit, in bytes (--mem)
 * @param maxProcs  the most guest processes alive at once (--max-procs)
 * @param enforce   the enforcement back-end (SPEC section 10)
 * @param serve     the --serve server command lines, innermost first
 */
public record Config(String root, boolean traceSyscalls, boolean traceSubcons, boolean stats, long maxInsns,
                     long memLimit, int maxProcs, Enforcement enforce, List<String> serve, JitMode jit) {
    public static final long DEFAULT_MEM = 2L << 30;

    public enum Enforcement { TAGGED, VIEWS }

    /** The compiler to JVM bytecode: off, on for hot code (default), or eager (everything, for tests). */
    public enum JitMode { OFF, ON, EAGER }

    public static Config defaults() {
        return new Config(null, false, false, false, 0, DEFAULT_MEM, 4096, Enforcement.TAGGED, List.of(), JitMode.ON);
    }

    /** The --serve servers (each "PATH [ARGS...]"), innermost first. */
    public Config withServe(List<String> servers) {
        return new Config(root, traceSyscalls, traceSubcons, stats, maxInsns, memLimit, maxProcs, enforce, List.copyOf(servers), jit);
    }

    public Config withTrace(boolean syscalls, boolean subcons) {
        return new Config(root, syscalls, subcons, stats, maxInsns, memLimit, maxProcs, enforce, serve, jit);
    }

    public Config withEnforce(Enforcement e) {
        return new Config(root, traceSyscalls, traceSubcons, stats, maxInsns, memLimit, maxProcs, e, serve, jit);
    }

    public Config withMaxInsns(long n) {
        return new Config(root, traceSyscalls, traceSubcons, stats, n, memLimit, maxProcs, enforce, serve, jit);
    }

    public Config withStats(boolean on) {
        return new Config(root, traceSyscalls, traceSubcons, on, maxInsns, memLimit, maxProcs, enforce, serve, jit);
    }

    public Config withJit(JitMode mode) {
        return new Config(root, traceSyscalls, traceSubcons, stats, maxInsns, memLimit, maxProcs, enforce, serve, mode);
    }

    public Config withRoot(String dir) {
        return new Config(dir, traceSyscalls, traceSubcons, stats, maxInsns, memLimit, maxProcs, enforce, serve, jit);
    }

    public Config withMaxProcs(int n) {
        return new Config(root, traceSyscalls, traceSubcons, stats, maxInsns, memLimit, n, enforce, serve, jit);
    }

    public Config withMemLimit(long bytes) {
        return new Config(root, traceSyscalls, traceSubcons, stats, maxInsns, bytes, maxProcs, enforce, serve, jit);
    }
}
