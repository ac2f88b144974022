package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.Signals;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** Process and thread lifetime, signal dispositions and masks, and sleeping. */
final class ProcessCalls {
    private static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
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
        s.add(134, "rt_sigaction", "dppu", (t, a, b, c, d, e, f) -> p.sigaction(t, (int) a, b, c, d));
        s.add(135, "rt_sigprocmask", "dppu", (t, a, b, c, d, e, f) -> p.sigprocmask(t, (int) a, b, c, d));
        s.add(101, "nanosleep", "pp", (t, a, b, c, d, e, f) -> p.nanosleep(t, 1, 0, a, b));
        s.add(115, "clock_nanosleep", "dxpp", (t, a, b, c, d, e, f) -> p.nanosleep(t, (int) a, (int) b, c, d));
    }

    private long sigaction(Task t, int sig, long act, long oact, long size) {
        if (size != 8 || sig < 1 || sig > Signals.NSIG) return -Errno.EINVAL;
        if (act != 0 && (sig == Signals.SIGKILL || sig == Signals.SIGSTOP)) return -Errno.EINVAL;
        Signals.Action next = null;
        if (act != 0) {
            byte[] b = t.mem().read(act, 24);
            if (b == null) return -Errno.EFAULT;
            next = new Signals.Action(UserMemory.getLong(b, 0), UserMemory.getLong(b, 8),
                    UserMemory.getLong(b, 16) & ~Signals.UNBLOCKABLE);
        }
        Signals.Action old = t.process().actions().get(sig);
        if (oact != 0) {
            byte[] b = new byte[24];
            UserMemory.putLong(b, 0, old.handler());
            UserMemory.putLong(b, 8, old.flags());
            UserMemory.putLong(b, 16, old.mask());
            if (!t.mem().write(oact, b)) return -Errno.EFAULT;
        }
        if (next != null) t.process().actions().set(sig, next);
        return 0;
    }

    private long sigprocmask(Task t, int how, long set, long oset, long size) {
        if (size != 8) return -Errno.EINVAL;
        long old = t.sigMask();
        long next = old;
        if (set != 0) {
            long[] ok = new long[1];
            long v = t.mem().readLong(set, ok);
            if (ok[0] == 0) return -Errno.EFAULT;
            next = switch (how) {
                case SIG_BLOCK -> old | v;
                case SIG_UNBLOCK -> old & ~v;
                case SIG_SETMASK -> v;
                default -> -1;
            };
            if (how < SIG_BLOCK || how > SIG_SETMASK) return -Errno.EINVAL;
        }
        if (oset != 0 && !t.mem().writeLong(oset, old)) return -Errno.EFAULT;
        t.setSigMask(next & ~Signals.UNBLOCKABLE);
        return 0;
    }

    private long nanosleep(Task t, int clock, int flags, long req, long rem) {
        byte[] b = t.mem().read(req, 16);
        if (b == null) return -Errno.EFAULT;
        long sec = UserMemory.getLong(b, 0), nsec = UserMemory.getLong(b, 8);
        if (sec < 0 || nsec < 0 || nsec > 999_999_999L) return -Errno.EINVAL;
        if (clock < 0 || clock > 11 || clock == 2 || clock == 3) return -Errno.EINVAL;
        long deadline;
        long[] now = new long[2];
        org.subcons.host.Host.clock_gettime(clock, now);
        long nowNs = now[0] * 1_000_000_000L + now[1];
        long reqNs = sec > Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE / 2 : sec * 1_000_000_000L + nsec;
        deadline = (flags & 1) != 0 ? reqNs : nowNs + reqNs;
        return t.sleepUntil(clock, deadline);
    }
}
