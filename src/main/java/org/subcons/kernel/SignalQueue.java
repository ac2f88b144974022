package org.subcons.kernel;

import java.util.ArrayDeque;

/**
 * Pending signals of a thread or a process: a bit per signal and the queued siginfo
 * (one for a standard signal, any number for a real-time one). Guarded by the owner.
 */
final class SignalQueue {
    private long bits;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<SigInfo>[] queues = new ArrayDeque[Signals.NSIG + 1];

    long bits() {
        return bits;
    }

    void add(SigInfo si) {
        int s = si.signo();
        if (s < Signals.SIGRTMIN && (bits & Signals.bit(s)) != 0) return;   // standard signals do not queue
        if (queues[s] == null) queues[s] = new ArrayDeque<>(1);
        queues[s].add(si);
        bits |= Signals.bit(s);
    }

    /** Removes and returns the next signal in {@code allowed}: lowest number first, as Linux. */
    SigInfo take(long allowed) {
        long ready = bits & allowed;
        if (ready == 0) return null;
        int s = Long.numberOfTrailingZeros(ready) + 1;
        SigInfo si = queues[s].poll();
        if (queues[s].isEmpty()) bits &= ~Signals.bit(s);
        return si;
    }

    void remove(int sig) {
        bits &= ~Signals.bit(sig);
        if (queues[sig] != null) queues[sig].clear();
    }

    void clear() {
        for (int s = 1; s <= Signals.NSIG; s++) remove(s);
    }
}
