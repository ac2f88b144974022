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
        s.add(220, "clone", "xpppp", (t, a, b, c, d, e, f) -> k.clone(t, a & ~0xffL, b, c, d, e, (int) (a & 0xff)));
        s.add(435, "clone3", "pu", (t, a, b, c, d, e, f) -> p.clone3(t, a, b));
        s.add(221, "execve", "spp", (t, a, b, c, d, e, f) -> p.execve(t, a, b, c));
        s.add(260, "wait4", "dpxp", (t, a, b, c, d, e, f) -> p.wait4(t, (int) a, b, (int) c, d));
        s.add(95, "waitid", "ddpxp", (t, a, b, c, d, e, f) -> p.waitid(t, (int) a, (int) b, c, (int) d, e));
        s.add(98, "futex", "pdxpxx", (t, a, b, c, d, e, f) -> p.futex(t, a, (int) b, (int) c, d, e, (int) f));
        s.add(100, "get_robust_list", "dpp", (t, a, b, c, d, e, f) -> p.getRobustList(t, (int) a, b, c));
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

    private long clone3(Task t, long args, long size) {
        if (size < 64 || size > 4096) return -Errno.EINVAL;
        byte[] b = t.mem().read(args, (int) Math.min(size, 88));
        if (b == null) return -Errno.EFAULT;
        long flags = UserMemory.getLong(b, 0), childTid = UserMemory.getLong(b, 16), parentTid = UserMemory.getLong(b, 24);
        long exitSignal = UserMemory.getLong(b, 32), stack = UserMemory.getLong(b, 40), stackSize = UserMemory.getLong(b, 48);
        long tls = UserMemory.getLong(b, 56);
        if (size >= 80 && (UserMemory.getLong(b, 64) != 0 || UserMemory.getLong(b, 72) != 0)) return -Errno.EINVAL;  // set_tid
        if (exitSignal < 0 || exitSignal > 64 || (stack == 0) != (stackSize == 0)) return -Errno.EINVAL;
        // clone3 gives the stack's lowest address and size; clone wants its top.
        return k.clone(t, flags, stack == 0 ? 0 : stack + stackSize, parentTid, tls, childTid, (int) exitSignal);
    }

    private long execve(Task t, long pathPtr, long argvPtr, long envpPtr) {
        String[] path = new String[1];
        int r = t.mem().readPath(pathPtr, org.subcons.host.Linux.PATH_MAX - 1, path);
        if (r < 0) return r;
        if (path[0].isEmpty()) return -Errno.ENOENT;
        long[] err = new long[1];
        int[] total = new int[1];
        java.util.List<String> argv = org.subcons.kernel.Kernel.execArgs(t, argvPtr, err, total);
        if (argv == null) return err[0];
        java.util.List<String> envp = org.subcons.kernel.Kernel.execArgs(t, envpPtr, err, total);
        if (envp == null) return err[0];
        return k.execve(t, path[0], argv, envp);
    }

    private static final int WALL = 0x40000000, WCLONE = 0x80000000, WNOTHREAD = 0x20000000;

    private long wait4(Task t, int pid, long statusPtr, int options, long rusage) {
        if ((options & ~(Kernel.WNOHANG | Kernel.WUNTRACED | Kernel.WCONTINUED | WALL | WCLONE | WNOTHREAD)) != 0) {
            return -Errno.EINVAL;
        }
        org.subcons.kernel.Process me = t.process();
        java.util.function.Predicate<org.subcons.kernel.Process> select = pid > 0 ? c -> c.pid() == pid
                : pid == 0 ? c -> c.pgid() == me.pgid() : pid == -1 ? c -> true : c -> c.pgid() == -pid;
        long[] err = new long[1];
        Kernel.Reaped r = k.waitChild(t, select, options | Kernel.WEXITED, err);
        if (r == null) return err[0];
        if (statusPtr != 0 && !t.mem().writeInt(statusPtr, r.status())) return -Errno.EFAULT;
        if (rusage != 0 && !t.mem().write(rusage, new byte[144])) return -Errno.EFAULT;
        return r.child().pid();
    }

    private static final int P_ALL = 0, P_PID = 1, P_PGID = 2;

    private long waitid(Task t, int idtype, int id, long infop, int options, long rusage) {
        int valid = Kernel.WNOHANG | Kernel.WUNTRACED | Kernel.WEXITED | Kernel.WCONTINUED | Kernel.WNOWAIT | WALL | WCLONE | WNOTHREAD;
        if ((options & ~valid) != 0 || (options & (Kernel.WEXITED | Kernel.WUNTRACED | Kernel.WCONTINUED)) == 0) {
            return -Errno.EINVAL;
        }
        org.subcons.kernel.Process me = t.process();
        java.util.function.Predicate<org.subcons.kernel.Process> select = switch (idtype) {
            case P_ALL -> c -> true;
            case P_PID -> c -> c.pid() == id;
            case P_PGID -> c -> c.pgid() == (id == 0 ? me.pgid() : id);
            default -> null;
        };
        if (select == null) return -Errno.EINVAL;
        long[] err = new long[1];
        Kernel.Reaped r = k.waitChild(t, select, options, err);
        if (r == null && err[0] < 0) return err[0];
        byte[] info = new byte[org.subcons.kernel.SigInfo.SIZE];
        if (r != null) {
            int ws = r.status();
            int status = r.code() == org.subcons.kernel.SigInfo.CLD_EXITED ? (ws >> 8) & 0xff
                    : r.code() == org.subcons.kernel.SigInfo.CLD_STOPPED ? (ws >> 8) & 0xff
                    : r.code() == org.subcons.kernel.SigInfo.CLD_CONTINUED ? 18 : ws & 0x7f;
            info = org.subcons.kernel.SigInfo.child(r.code(), r.child().pid(), org.subcons.host.Host.getuid(), status).toBytes();
        }
        if (infop != 0 && !t.mem().write(infop, info)) return -Errno.EFAULT;
        if (rusage != 0 && !t.mem().write(rusage, new byte[144])) return -Errno.EFAULT;
        return 0;
    }

    private static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5,
            FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10, FUTEX_PRIVATE = 128, FUTEX_CLOCK_REALTIME = 256;

    private long futex(Task t, long addr, int op, int val, long timeout, long addr2, int val3) {
        boolean priv = (op & FUTEX_PRIVATE) != 0;
        boolean realtime = (op & FUTEX_CLOCK_REALTIME) != 0;
        int cmd = op & ~(FUTEX_PRIVATE | FUTEX_CLOCK_REALTIME);
        if (realtime && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT) return -Errno.ENOSYS;
        switch (cmd) {
            case FUTEX_WAIT, FUTEX_WAIT_BITSET -> {
                long deadline = Long.MAX_VALUE;
                if (timeout != 0) {
                    byte[] ts = t.mem().read(timeout, 16);
                    if (ts == null) return -Errno.EFAULT;
                    long sec = UserMemory.getLong(ts, 0), nsec = UserMemory.getLong(ts, 8);
                    if (sec < 0 || nsec < 0 || nsec > 999_999_999L) return -Errno.EINVAL;
                    long ns = Math.min(sec, 1L << 32) * 1_000_000_000L + nsec;
                    if (cmd == FUTEX_WAIT) {
                        deadline = System.nanoTime() + ns;                     // relative
                    } else {
                        long[] now = new long[2];                             // absolute on its clock
                        org.subcons.host.Host.clock_gettime(realtime ? 0 : 1, now);
                        deadline = System.nanoTime() + (ns - (now[0] * 1_000_000_000L + now[1]));
                    }
                }
                return k.futexes.await(t, addr, val, cmd == FUTEX_WAIT ? -1 : val3, deadline, priv);
            }
            case FUTEX_WAKE, FUTEX_WAKE_BITSET -> {
                return k.futexes.wake(t, addr, val, cmd == FUTEX_WAKE ? -1 : val3, priv);
            }
            case FUTEX_REQUEUE, FUTEX_CMP_REQUEUE -> {
                return k.futexes.requeue(t, addr, val, (int) timeout, addr2, cmd == FUTEX_CMP_REQUEUE, val3, priv);
            }
            case FUTEX_WAKE_OP -> {
                return k.futexes.wakeOp(t, addr, val, (int) timeout, addr2, val3, priv);
            }
            default -> {
                return -Errno.ENOSYS;          // PI futexes and the rest are not offered
            }
        }
    }

    private long getRobustList(Task t, int tid, long headPtr, long lenPtr) {
        org.subcons.kernel.Task target = tid == 0 ? t : k.task(tid);
        if (target == null) return -Errno.ESRCH;
        long[] rl = target.robustList();
        if (!t.mem().writeLong(headPtr, rl[0]) || !t.mem().writeLong(lenPtr, rl[1])) return -Errno.EFAULT;
        return 0;
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
