package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** Interval timers (setitimer/getitimer; glibc's alarm is setitimer on riscv64). */
final class TimerCalls {
    private static final int ITIMER_REAL = 0, ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;

    private TimerCalls() {
    }

    static void register(Syscalls s, Kernel k) {
        s.add(103, "setitimer", "dpp", (t, a, b, c, d, e, f) -> setitimer(t, (int) a, b, c));
        s.add(102, "getitimer", "dp", (t, a, b, c, d, e, f) -> getitimer(t, (int) a, b));
    }

    private static long setitimer(Task t, int which, long newPtr, long oldPtr) {
        if (which < ITIMER_REAL || which > ITIMER_PROF) return -Errno.EINVAL;
        long[] next = null;
        if (newPtr != 0) {
            byte[] b = t.mem().read(newPtr, 32);
            if (b == null) return -Errno.EFAULT;
            long isec = UserMemory.getLong(b, 0), iusec = UserMemory.getLong(b, 8);
            long vsec = UserMemory.getLong(b, 16), vusec = UserMemory.getLong(b, 24);
            if (isec < 0 || vsec < 0 || iusec < 0 || iusec > 999_999 || vusec < 0 || vusec > 999_999) return -Errno.EINVAL;
            next = new long[] {isec * 1_000_000 + iusec, vsec * 1_000_000 + vusec};
        }
        long[] old = which == ITIMER_REAL ? t.process().realTimer().set(next) : new long[2];
        if (oldPtr != 0 && !t.mem().write(oldPtr, itimerval(old))) return -Errno.EFAULT;
        return 0;
    }

    private static long getitimer(Task t, int which, long ptr) {
        if (which < ITIMER_REAL || which > ITIMER_PROF) return -Errno.EINVAL;
        long[] cur = which == ITIMER_REAL ? t.process().realTimer().get() : new long[2];
        return t.mem().write(ptr, itimerval(cur)) ? 0 : -Errno.EFAULT;
    }

    /** struct itimerval from {interval, value} in microseconds. */
    private static byte[] itimerval(long[] v) {
        byte[] b = new byte[32];
        UserMemory.putLong(b, 0, v[0] / 1_000_000);
        UserMemory.putLong(b, 8, v[0] % 1_000_000);
        UserMemory.putLong(b, 16, v[1] / 1_000_000);
        UserMemory.putLong(b, 24, v[1] % 1_000_000);
        return b;
    }
}
