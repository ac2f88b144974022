package org.subcons.kernel;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;


/** A process's ITIMER_REAL: SIGALRM when it expires, then every interval. */
public final class RealTimer {
    private final Kernel kernel;
    private final Process process;
    private ScheduledFuture<?> pending;
    private long intervalMicros, expiresAtNanos;

    RealTimer(Kernel kernel, Process process) {
        this.kernel = kernel;
        this.process = process;
    }

    /** Arms ({interval, value} µs; null or value 0 disarms); returns the old setting. */
    public synchronized long[] set(long[] next) {
        long[] old = get();
        if (next == null) return old;
        if (pending != null) pending.cancel(false);
        pending = null;
        intervalMicros = next[0];
        if (next[1] > 0) schedule(next[1]);
        return old;
    }

    public synchronized long[] get() {
        long left = pending == null ? 0 : Math.max(1, (expiresAtNanos - System.nanoTime()) / 1000);
        return new long[] {intervalMicros, pending == null ? 0 : left};
    }

    private void schedule(long micros) {
        expiresAtNanos = System.nanoTime() + micros * 1000;
        pending = kernel.timers().schedule(this::fire, micros, TimeUnit.MICROSECONDS);
    }

    private void fire() {
        synchronized (this) {
            pending = null;
            if (process.exiting) return;
            if (intervalMicros > 0) schedule(intervalMicros);
        }
        kernel.sendToProcess(process, SigInfo.kernel(Signals.SIGALRM));
    }

    synchronized void cancel() {
        if (pending != null) pending.cancel(false);
        pending = null;
    }
}
