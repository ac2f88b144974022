package org.subcons.kernel;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Kernel-wide counters for {@code --stats} (SPEC section 11). Harts keep their own
 * counters while running and add them here when they stop, so nothing contends on the
 * hot path.
 */
public final class Stats {
    public final LongAdder instructions = new LongAdder();
    public final LongAdder syscalls = new LongAdder();
    public final LongAdder upcalls = new LongAdder();
    public final LongAdder transfers = new LongAdder();
    public final LongAdder faults = new LongAdder();
    public final LongAdder tlbFlushes = new LongAdder();
    public final LongAdder viewSwitches = new LongAdder();
    public final LongAdder traps = new LongAdder();
    public final LongAdder processes = new LongAdder();
    public final LongAdder threads = new LongAdder();
    public final LongAdder jitUnits = new LongAdder();
    private final long startNanos = System.nanoTime();

    public void print(PrintStream err, long peakMemory) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long insns = instructions.sum();
        line(err, "instructions", Long.toString(insns));
        line(err, "seconds", String.format(Locale.ROOT, "%.3f", seconds));
        line(err, "mips", String.format(Locale.ROOT, "%.1f", seconds > 0 ? insns / seconds / 1e6 : 0));
        line(err, "syscalls", Long.toString(syscalls.sum()));
        line(err, "upcalls", Long.toString(upcalls.sum()));
        line(err, "transfers", Long.toString(transfers.sum()));
        line(err, "faults", Long.toString(faults.sum()));
        line(err, "tlb_flushes", Long.toString(tlbFlushes.sum()));
        line(err, "view_switches", Long.toString(viewSwitches.sum()));
        line(err, "traps", Long.toString(traps.sum()));
        line(err, "processes", Long.toString(processes.sum()));
        line(err, "threads", Long.toString(threads.sum()));
        line(err, "jit_units", Long.toString(jitUnits.sum()));
        line(err, "peak_memory_bytes", Long.toString(peakMemory));
    }

    private static void line(PrintStream err, String name, String value) {
        err.println("subcons: stat " + name + " " + value);
    }
}
