package org.subcons.kernel;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;

/**
 * Waiting for several files at once (ppoll, pselect6). When every file is a host file the
 * wait is one host poll, woken by the task's wake descriptor for signals; otherwise the
 * files are re-checked whenever a kernel object (a pipe) changes, and every 10 ms for host
 * files among them.
 */
public final class Poller {
    private static final Object KERNEL_IO = new Object();
    private static final long RECHECK_NANOS = 10_000_000L;

    private Poller() {
    }

    /** A kernel object changed state (data, space, hang-up): pollers re-check. */
    static void changed() {
        synchronized (KERNEL_IO) {
            KERNEL_IO.notifyAll();
        }
    }

    /**
     * Polls {@code files} for {@code events}, writing {@code revents}; returns the number of
     * ready entries, 0 at the deadline (System.nanoTime; Long.MAX_VALUE: none), or
     * -ERESTARTNOHAND when a signal comes first. A null file is a bad descriptor (POLLNVAL).
     */
    public static long poll(Task t, OpenFile[] files, short[] events, short[] revents, long deadline) {
        boolean allHost = true;
        for (OpenFile f : files) if (f != null && f.hostFd() < 0) allHost = false;
        while (true) {
            int ready = check(files, events, revents);
            if (ready > 0 || deadline <= System.nanoTime()) return ready;
            if (t.signalPending()) return -Errno.ERESTARTNOHAND;
            if (allHost) {
                long r = t.waitHostPoll(files, events, deadline);
                if (r < 0) return r;
            } else {
                long wait = Math.min(RECHECK_NANOS, deadline - System.nanoTime());
                synchronized (KERNEL_IO) {
                    try {
                        if (check(files, events, revents) == 0 && wait > 0) {
                            KERNEL_IO.wait(wait / 1_000_000L, (int) (wait % 1_000_000L));
                        }
                    } catch (InterruptedException e) {
                        // a signal: the loop looks
                    }
                }
            }
        }
    }

    private static int check(OpenFile[] files, short[] events, short[] revents) {
        int ready = 0;
        for (int i = 0; i < files.length; i++) {
            OpenFile f = files[i];
            int ev = events[i] | Linux.POLLERR | Linux.POLLHUP;
            int r = f == null ? Linux.POLLNVAL : f.poll(ev) & ev;
            revents[i] = (short) r;
            if (r != 0) ready++;
        }
        return ready;
    }

    /** Host-only waits: one host poll including the task's wake descriptor. */
    static long hostPoll(int wakeFd, OpenFile[] files, short[] events, long deadline) {
        int[] fds = new int[files.length + 1];
        short[] ev = new short[fds.length], rev = new short[fds.length];
        for (int i = 0; i < files.length; i++) {
            fds[i] = files[i] == null ? -1 : files[i].hostFd();
            ev[i] = (short) (events[i] | Linux.POLLERR | Linux.POLLHUP);
        }
        fds[files.length] = wakeFd;
        ev[files.length] = Linux.POLLIN;
        long left = deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
        int r = Host.poll(fds, ev, rev, (int) Math.min(left, Integer.MAX_VALUE));
        if ((rev[files.length] & Linux.POLLIN) != 0) Host.eventfd_read(wakeFd, new long[1]);
        return r < 0 && r != -Errno.EINTR ? r : 0;
    }
}
