package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** Process and thread lifetime, signal dispositions and masks, and sleeping. */
final class ProcessCalls {
    private final Kernel k;

    private ProcessCalls(Kernel k) {
        this.k = k;
    }

    static void register(Syscalls s, Kernel k) {
        ProcessCalls p = new ProcessCalls(k);
        s.add(93, "exit", "d", (t, a, b, c, d, e, f) -> {
            k.exitThread(t, (int) a);
            return Syscalls.NO_RETURN;
        });
        s.add(94, "exit_group", "d", (t, a, b, c, d, e, f) -> {
            k.exitGroup(t, (int) a);
            return Syscalls.NO_RETURN;
        });
        s.add(96, "set_tid_address", "p", (t, a, b, c, d, e, f) -> {
            t.setClearChildTid(a);
            return t.tid();
        });
        s.add(99, "set_robust_list", "pu", (t, a, b, c, d, e, f) -> {
            if (b != 24) return -Errno.EINVAL;
            t.setRobustList(a, b);
            return 0;
        });
        s.add(155, "getpgid", "d", (t, a, b, c, d, e, f) -> p.getpgid(t, (int) a));
        s.add(154, "setpgid", "dd", (t, a, b, c, d, e, f) -> p.setpgid(t, (int) a, (int) b));
        s.add(156, "getsid", "d", (t, a, b, c, d, e, f) -> p.getsid(t, (int) a));
        s.add(157, "setsid", "", (t, a, b, c, d, e, f) -> k.setsid(t.process()));
        s.add(101, "nanosleep", "pp", (t, a, b, c, d, e, f) -> p.nanosleep(t, 1, 0, a, b));
        s.add(115, "clock_nanosleep", "dxpp", (t, a, b, c, d, e, f) -> p.nanosleep(t, (int) a, (int) b, c, d));
    }

    private long nanosleep(Task t, int clock, int flags, long req, long rem) {
        byte[] b = t.mem().read(req, 16);
        if (b == null) return -Errno.EFAULT;
        long sec = UserMemory.getLong(b, 0), nsec = UserMemory.getLong(b, 8);
        if (sec < 0 || nsec < 0 || nsec > 999_999_999L) return -Errno.EINVAL;
        if (clock < 0 || clock > 11 || clock == 2 || clock == 3) return -Errno.EINVAL;
        boolean absolute = (flags & 1) != 0;
        long[] now = new long[2];
        org.subcons.host.Host.clock_gettime(clock, now);
        long nowNs = now[0] * 1_000_000_000L + now[1];
        long reqNs = sec > Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE / 2 : sec * 1_000_000_000L + nsec;
        long left = t.sleepUntil(clock, absolute ? reqNs : nowNs + reqNs);
        if (left == 0) return 0;
        // Interrupted: report what is left, and let delivery decide between EINTR and a restart.
        if (!absolute && rem != 0 && InfoCalls.writeTimespec(t, rem, left / 1_000_000_000L, left % 1_000_000_000L) < 0) {
            return -Errno.EFAULT;
        }
        return -Errno.ERESTARTNOHAND;
    }

    private long getpgid(Task t, int pid) {
        org.subcons.kernel.Process p = pid == 0 ? t.process() : k.process(pid);
        return p == null ? -Errno.ESRCH : p.pgid();
    }

    private long getsid(Task t, int pid) {
        org.subcons.kernel.Process p = pid == 0 ? t.process() : k.process(pid);
        return p == null ? -Errno.ESRCH : p.sid();
    }

    private long setpgid(Task t, int pid, int pgid) {
        if (pgid < 0) return -Errno.EINVAL;
        org.subcons.kernel.Process p = pid == 0 ? t.process() : k.process(pid);
        if (p == null) return -Errno.ESRCH;
        if (p != t.process() && p.parentProcess() != t.process()) return -Errno.ESRCH;
        return k.setpgid(p, pgid == 0 ? p.pid() : pgid);
    }
}
