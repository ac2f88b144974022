package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.SigInfo;
import org.subcons.kernel.Signals;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** Signal dispositions, masks, the alternate stack, waiting for and sending signals. */
final class SignalCalls {
    private static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    private static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;
    private static final long MINSIGSTKSZ = 2048;
    private final Kernel k;

    private SignalCalls(Kernel k) {
        this.k = k;
    }

    static void register(Syscalls s, Kernel k) {
        SignalCalls c = new SignalCalls(k);
        s.add(134, "rt_sigaction", "dppu", (t, a, b, cc, d, e, f) -> c.sigaction(t, (int) a, b, cc, d));
        s.add(135, "rt_sigprocmask", "dppu", (t, a, b, cc, d, e, f) -> c.sigprocmask(t, (int) a, b, cc, d));
        s.add(136, "rt_sigpending", "pu", (t, a, b, cc, d, e, f) -> c.sigpending(t, a, b));
        s.add(133, "rt_sigsuspend", "pu", (t, a, b, cc, d, e, f) -> c.sigsuspend(t, a, b));
        s.add(137, "rt_sigtimedwait", "pppu", (t, a, b, cc, d, e, f) -> c.sigtimedwait(t, a, b, cc, d));
        s.add(139, "rt_sigreturn", "", (t, a, b, cc, d, e, f) -> k.sigreturn(t));
        s.add(132, "sigaltstack", "pp", (t, a, b, cc, d, e, f) -> c.sigaltstack(t, a, b));
        s.add(129, "kill", "dd", (t, a, b, cc, d, e, f) -> c.kill(t, (int) a, (int) b));
        s.add(130, "tkill", "dd", (t, a, b, cc, d, e, f) -> c.tgkill(t, -1, (int) a, (int) b));
        s.add(131, "tgkill", "ddd", (t, a, b, cc, d, e, f) -> c.tgkill(t, (int) a, (int) b, (int) cc));
        s.add(138, "rt_sigqueueinfo", "ddp", (t, a, b, cc, d, e, f) -> c.sigqueue(t, (int) a, -1, (int) b, cc));
        s.add(240, "rt_tgsigqueueinfo", "dddp", (t, a, b, cc, d, e, f) -> c.sigqueue(t, (int) a, (int) b, (int) cc, d));
    }

    private static boolean validSignal(int sig) {
        return sig >= 1 && sig <= Signals.NSIG;
    }

    private long sigaction(Task t, int sig, long act, long oact, long size) {
        if (size != 8 || !validSignal(sig)) return -Errno.EINVAL;
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
        if (next != null) k.setAction(t.process(), sig, next);
        return 0;
    }

    private long sigprocmask(Task t, int how, long set, long oset, long size) {
        if (size != 8) return -Errno.EINVAL;
        long old = t.sigMask();
        long next = old;
        if (set != 0) {
            if (how < SIG_BLOCK || how > SIG_SETMASK) return -Errno.EINVAL;
            long[] ok = new long[1];
            long v = t.mem().readLong(set, ok);
            if (ok[0] == 0) return -Errno.EFAULT;
            next = how == SIG_BLOCK ? old | v : how == SIG_UNBLOCK ? old & ~v : v;
        }
        if (oset != 0 && !t.mem().writeLong(oset, old)) return -Errno.EFAULT;
        if (set != 0) t.setSigMask(next);
        return 0;
    }

    private long sigpending(Task t, long set, long size) {
        if (size != 8) return -Errno.EINVAL;
        return t.mem().writeLong(set, k.pendingSignals(t) & t.sigMask()) ? 0 : -Errno.EFAULT;
    }

    private long sigsuspend(Task t, long set, long size) {
        if (size != 8) return -Errno.EINVAL;
        long[] ok = new long[1];
        long mask = t.mem().readLong(set, ok);
        if (ok[0] == 0) return -Errno.EFAULT;
        return t.suspend(mask);
    }

    private long sigtimedwait(Task t, long set, long info, long timeout, long size) {
        if (size != 8) return -Errno.EINVAL;
        long[] ok = new long[1];
        long wanted = t.mem().readLong(set, ok) & ~Signals.UNBLOCKABLE;
        if (ok[0] == 0) return -Errno.EFAULT;
        long deadline = Long.MAX_VALUE;
        if (timeout != 0) {
            byte[] ts = t.mem().read(timeout, 16);
            if (ts == null) return -Errno.EFAULT;
            long sec = UserMemory.getLong(ts, 0), nsec = UserMemory.getLong(ts, 8);
            if (sec < 0 || nsec < 0 || nsec > 999_999_999L) return -Errno.EINVAL;
            deadline = System.nanoTime() + Math.min(sec, 1L << 31) * 1_000_000_000L + nsec;
        }
        SigInfo si = k.waitForSignal(t, wanted, deadline);
        if (si == null) return t.signalPending() ? -Errno.EINTR : -Errno.EAGAIN;
        if (info != 0 && !t.mem().write(info, si.toBytes())) return -Errno.EFAULT;
        return si.signo();
    }

    private long sigaltstack(Task t, long ss, long oss) {
        long sp = t.callRegs()[2];
        if (oss != 0) {
            byte[] b = new byte[24];
            long[] cur = t.altStack();
            UserMemory.putLong(b, 0, cur[0]);
            UserMemory.putInt(b, 8, (int) (t.onAltStackNow(sp) ? SS_ONSTACK : cur[1]));
            UserMemory.putLong(b, 16, cur[2]);
            if (!t.mem().write(oss, b)) return -Errno.EFAULT;
        }
        if (ss != 0) {
            byte[] b = t.mem().read(ss, 24);
            if (b == null) return -Errno.EFAULT;
            long base = UserMemory.getLong(b, 0), size = UserMemory.getLong(b, 16);
            int flags = UserMemory.getInt(b, 8);
            if (t.onAltStackNow(sp)) return -Errno.EPERM;
            int mode = flags & ~SS_AUTODISARM;
            if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK) return -Errno.EINVAL;
            if (mode != SS_DISABLE && size < MINSIGSTKSZ) return -Errno.ENOMEM;
            t.altStackSet(base, mode == SS_DISABLE ? SS_DISABLE : flags & SS_AUTODISARM, size);
        }
        return 0;
    }

    private long kill(Task t, int pid, int sig) {
        if (sig != 0 && !validSignal(sig)) return -Errno.EINVAL;
        SigInfo si = SigInfo.user(sig, SigInfo.SI_USER, t.process().pid(), Host.getuid());
        return k.kill(t.process(), pid, si);
    }

    /** rt_(tg)sigqueueinfo: a signal with caller-supplied siginfo (si_code must be negative, as Linux demands). */
    private long sigqueue(Task t, int tgid, int tid, int sig, long infoPtr) {
        if (sig == 0) {                                  // existence check only
            if (tid >= 0) return k.task(tid) != null && k.task(tid).process().pid() == tgid ? 0 : -Errno.ESRCH;
            return k.process(tgid) != null ? 0 : -Errno.ESRCH;
        }
        if (!validSignal(sig)) return -Errno.EINVAL;
        byte[] b = t.mem().read(infoPtr, SigInfo.SIZE);
        if (b == null) return -Errno.EFAULT;
        int code = UserMemory.getInt(b, 8);
        boolean self = tgid == t.process().pid();
        if ((code >= 0 || code == SigInfo.SI_TKILL) && !self) return -Errno.EPERM;
        SigInfo si = new SigInfo(sig, code, UserMemory.getInt(b, 4), UserMemory.getInt(b, 16), UserMemory.getInt(b, 20), 0,
                0, UserMemory.getLong(b, 24));
        if (tid < 0) {
            org.subcons.kernel.Process p = k.process(tgid);
            if (p == null) return -Errno.ESRCH;
            k.sendToProcess(p, si);
            return 0;
        }
        Task target = k.task(tid);
        if (target == null || target.process().pid() != tgid) return -Errno.ESRCH;
        k.sendToThread(target, si);
        return 0;
    }

    private long tgkill(Task t, int tgid, int tid, int sig) {
        if (tid <= 0 || (tgid != -1 && tgid <= 0)) return -Errno.EINVAL;
        if (sig != 0 && !validSignal(sig)) return -Errno.EINVAL;
        Task target = k.task(tid);
        if (target == null || (tgid != -1 && target.process().pid() != tgid)) return -Errno.ESRCH;
        if (sig != 0) k.sendToThread(target, SigInfo.user(sig, SigInfo.SI_TKILL, t.process().pid(), Host.getuid()));
        return 0;
    }
}
