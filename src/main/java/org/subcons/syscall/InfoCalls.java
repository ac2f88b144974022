package org.subcons.syscall;

import java.nio.charset.StandardCharsets;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.Process;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** Time, identity, limits and system information. */
final class InfoCalls {
    private static final int GRND_NONBLOCK = 1, GRND_RANDOM = 2, GRND_INSECURE = 4;
    private static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4,
            PR_SET_NAME = 15, PR_GET_NAME = 16, PR_SET_NO_NEW_PRIVS = 38, PR_GET_NO_NEW_PRIVS = 39, PR_SET_VMA = 0x53564d41;
    private final Kernel k;

    private InfoCalls(Kernel k) {
        this.k = k;
    }

    static void register(Syscalls s, Kernel k) {
        InfoCalls i = new InfoCalls(k);
        s.add(113, "clock_gettime", "dp", (t, a, b, c, d, e, f) -> i.clockGettime(t, (int) a, b));
        s.add(114, "clock_getres", "dp", (t, a, b, c, d, e, f) -> i.clockGetres(t, (int) a, b));
        s.add(169, "gettimeofday", "pp", (t, a, b, c, d, e, f) -> i.gettimeofday(t, a, b));
        s.add(153, "times", "p", (t, a, b, c, d, e, f) -> i.times(t, a));
        s.add(165, "getrusage", "dp", (t, a, b, c, d, e, f) -> i.getrusage(t, (int) a, b));
        s.add(160, "uname", "p", (t, a, b, c, d, e, f) -> i.uname(t, a));
        s.add(179, "sysinfo", "p", (t, a, b, c, d, e, f) -> i.sysinfo(t, a));
        s.add(278, "getrandom", "pux", (t, a, b, c, d, e, f) -> i.getrandom(t, a, b, (int) c));
        s.add(261, "prlimit64", "ddpp", (t, a, b, c, d, e, f) -> i.prlimit(t, (int) a, (int) b, c, d));
        s.add(163, "getrlimit", "dp", (t, a, b, c, d, e, f) -> i.prlimit(t, 0, (int) a, 0, b));
        s.add(164, "setrlimit", "dp", (t, a, b, c, d, e, f) -> i.prlimit(t, 0, (int) a, b, 0));
        s.add(172, "getpid", "", (t, a, b, c, d, e, f) -> t.process().pid());
        s.add(173, "getppid", "", (t, a, b, c, d, e, f) -> t.process().ppid());
        s.add(178, "gettid", "", (t, a, b, c, d, e, f) -> t.tid());
        s.add(174, "getuid", "", (t, a, b, c, d, e, f) -> Host.getuid());
        s.add(175, "geteuid", "", (t, a, b, c, d, e, f) -> Host.geteuid());
        s.add(176, "getgid", "", (t, a, b, c, d, e, f) -> Host.getgid());
        s.add(177, "getegid", "", (t, a, b, c, d, e, f) -> Host.getegid());
        s.add(148, "getresuid", "ppp", (t, a, b, c, d, e, f) -> i.three(t, a, b, c, Host.getuid(), Host.geteuid()));
        s.add(150, "getresgid", "ppp", (t, a, b, c, d, e, f) -> i.three(t, a, b, c, Host.getgid(), Host.getegid()));
        s.add(158, "getgroups", "dp", (t, a, b, c, d, e, f) -> i.getgroups(t, (int) a, b));
        s.add(146, "setuid", "d", (t, a, b, c, d, e, f) -> (int) a == Host.geteuid() ? 0 : -Errno.EPERM);
        s.add(144, "setgid", "d", (t, a, b, c, d, e, f) -> (int) a == Host.getegid() ? 0 : -Errno.EPERM);
        s.add(166, "umask", "o", (t, a, b, c, d, e, f) -> t.process().setUmask((int) a));
        s.add(167, "prctl", "dxxxx", (t, a, b, c, d, e, f) -> i.prctl(t, (int) a, b));
        s.add(123, "sched_getaffinity", "dup", (t, a, b, c, d, e, f) -> i.getaffinity(t, b, c));
        s.add(122, "sched_setaffinity", "dup", (t, a, b, c, d, e, f) -> 0);
        s.add(124, "sched_yield", "", (t, a, b, c, d, e, f) -> {
            Thread.yield();
            return 0;
        });
        s.add(168, "getcpu", "ppp", (t, a, b, c, d, e, f) -> i.getcpu(t, a, b));
        s.add(258, "riscv_hwprobe", "pudpx", (t, a, b, c, d, e, f) -> i.hwprobe(t, a, b, c, d, e));
        s.add(283, "membarrier", "dxd", (t, a, b, c, d, e, f) -> a == 0 ? 0 : -Errno.EINVAL);
        s.add(293, "rseq", "pdxx", (t, a, b, c, d, e, f) -> -Errno.ENOSYS);
    }

    private long clockGettime(Task t, int clock, long tp) {
        long[] ts = new long[2];
        int r = clock < 0 ? -Errno.EINVAL : Host.clock_gettime(clock, ts);
        if (r < 0) return r;
        return writeTimespec(t, tp, ts[0], ts[1]);
    }

    private long clockGetres(Task t, int clock, long tp) {
        long[] ts = new long[2];
        int r = clock < 0 ? -Errno.EINVAL : Host.clock_getres(clock, ts);
        if (r < 0 || tp == 0) return r;
        return writeTimespec(t, tp, ts[0], ts[1]);
    }

    static long writeTimespec(Task t, long ptr, long sec, long nsec) {
        byte[] b = new byte[16];
        UserMemory.putLong(b, 0, sec);
        UserMemory.putLong(b, 8, nsec);
        return t.mem().write(ptr, b) ? 0 : -Errno.EFAULT;
    }

    private long gettimeofday(Task t, long tv, long tz) {
        long[] ts = new long[2];
        Host.clock_gettime(0, ts);
        if (tv != 0 && writeTimespec(t, tv, ts[0], ts[1] / 1000) < 0) return -Errno.EFAULT;
        if (tz != 0 && !t.mem().write(tz, new byte[8])) return -Errno.EFAULT;
        return 0;
    }

    /** CPU time of the calling guest thread, which is the host thread running it. */
    private static long threadCpuNanos() {
        long[] ts = new long[2];
        Host.clock_gettime(3, ts);
        return ts[0] * 1_000_000_000L + ts[1];
    }

    private long times(Task t, long buf) {
        long ticks = threadCpuNanos() / 10_000_000L;
        if (buf != 0) {
            byte[] b = new byte[32];
            UserMemory.putLong(b, 0, ticks);
            if (!t.mem().write(buf, b)) return -Errno.EFAULT;
        }
        long[] ts = new long[2];
        Host.clock_gettime(1, ts);
        return ts[0] * 100 + ts[1] / 10_000_000L;
    }

    private long getrusage(Task t, int who, long buf) {
        if (who != 0 && who != -1 && who != 1) return -Errno.EINVAL;     // SELF, CHILDREN, THREAD
        byte[] b = new byte[144];
        if (who != -1) {
            long ns = threadCpuNanos();
            UserMemory.putLong(b, 0, ns / 1_000_000_000L);
            UserMemory.putLong(b, 8, ns / 1000 % 1_000_000L);
        }
        return t.mem().write(buf, b) ? 0 : -Errno.EFAULT;
    }

    private long uname(Task t, long buf) {
        byte[] u = new byte[Linux.SIZEOF_UTSNAME];
        int r = Host.uname(u);
        if (r < 0) return r;
        byte[] machine = "riscv64".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(u, 4 * 65, 5 * 65, (byte) 0);
        System.arraycopy(machine, 0, u, 4 * 65, machine.length);
        return t.mem().write(buf, u) ? 0 : -Errno.EFAULT;
    }

    private long sysinfo(Task t, long buf) {
        byte[] b = new byte[112];
        long[] ts = new long[2];
        Host.clock_gettime(7, ts);
        UserMemory.putLong(b, 0, ts[0]);
        long total = k.config.memLimit();
        UserMemory.putLong(b, 32, total);
        UserMemory.putLong(b, 40, Math.max(0, total - k.mm.bytesInUse()));
        UserMemory.putShort(b, 80, k.processCount());
        UserMemory.putInt(b, 104, 1);
        return t.mem().write(buf, b) ? 0 : -Errno.EFAULT;
    }

    private long getrandom(Task t, long buf, long len, int flags) {
        if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0) return -Errno.EINVAL;
        if ((flags & GRND_RANDOM) != 0 && (flags & GRND_INSECURE) != 0) return -Errno.EINVAL;
        int n = (int) Math.min(Math.max(len, 0), 1 << 25);
        byte[] b = new byte[n];
        int r = Host.getrandom(b, n, 0);
        if (r < 0) return r;
        return t.mem().write(buf, b, 0, r) ? r : -Errno.EFAULT;
    }

    private long prlimit(Task t, int pid, int resource, long newPtr, long oldPtr) {
        Process p = t.process();
        if (pid != 0 && pid != p.pid()) return k.process(pid) == null ? -Errno.ESRCH : -Errno.EPERM;
        if (resource < 0 || resource >= Process.RLIM_NLIMITS) return -Errno.EINVAL;
        long[] next = null;
        if (newPtr != 0) {
            byte[] b = t.mem().read(newPtr, 16);
            if (b == null) return -Errno.EFAULT;
            next = new long[] {UserMemory.getLong(b, 0), UserMemory.getLong(b, 8)};
            if (Long.compareUnsigned(next[0], next[1]) > 0) return -Errno.EINVAL;
        }
        long[] old = p.rlimit(resource);
        if (oldPtr != 0) {
            byte[] b = new byte[16];
            UserMemory.putLong(b, 0, old[0]);
            UserMemory.putLong(b, 8, old[1]);
            if (!t.mem().write(oldPtr, b)) return -Errno.EFAULT;
        }
        if (next != null) {
            if (Long.compareUnsigned(next[1], old[1]) > 0) return -Errno.EPERM;
            p.setRlimit(resource, next);
        }
        return 0;
    }

    private long three(Task t, long a, long b, long c, int real, int eff) {
        return t.mem().writeInt(a, real) && t.mem().writeInt(b, eff) && t.mem().writeInt(c, eff) ? 0 : -Errno.EFAULT;
    }

    private long getgroups(Task t, int size, long list) {
        if (size < 0) return -Errno.EINVAL;
        if (size == 0) return 1;
        return t.mem().writeInt(list, Host.getgid()) ? 1 : -Errno.EFAULT;
    }

    private long prctl(Task t, int option, long arg) {
        switch (option) {
            case PR_SET_NAME -> {
                String name = t.mem().readString(arg, 4096);
                if (name == null) return -Errno.EFAULT;
                t.setComm(name.length() > 15 ? name.substring(0, 15) : name);
                return 0;
            }
            case PR_GET_NAME -> {
                byte[] b = java.util.Arrays.copyOf(t.comm().getBytes(StandardCharsets.ISO_8859_1), 16);
                b[15] = 0;
                return t.mem().write(arg, b) ? 0 : -Errno.EFAULT;
            }
            case PR_GET_DUMPABLE -> {
                return 1;
            }
            case PR_GET_PDEATHSIG -> {
                return t.mem().writeInt(arg, 0) ? 0 : -Errno.EFAULT;
            }
            case PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_VMA -> {
                return 0;
            }
            case PR_GET_NO_NEW_PRIVS -> {
                return 0;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
    }

    private long getaffinity(Task t, long len, long mask) {
        int cpus = Runtime.getRuntime().availableProcessors();
        int bytes = Math.max(8, (cpus + 63) / 64 * 8);
        if (len < bytes || (len & 7) != 0) return -Errno.EINVAL;
        byte[] b = new byte[bytes];
        for (int c = 0; c < cpus; c++) b[c / 8] |= (byte) (1 << (c % 8));
        return t.mem().write(mask, b) ? bytes : -Errno.EFAULT;
    }

    private long getcpu(Task t, long cpu, long node) {
        if (cpu != 0 && !t.mem().writeInt(cpu, 0)) return -Errno.EFAULT;
        if (node != 0 && !t.mem().writeInt(node, 0)) return -Errno.EFAULT;
        return 0;
    }

    /** riscv_hwprobe: answers for this machine (RV64IMAFDC, fast misaligned accesses). */
    private long hwprobe(Task t, long pairs, long count, long cpusetsize, long cpus, long flags) {
        if (flags != 0) return -Errno.EINVAL;
        if (count < 0 || count > 1024) return -Errno.EINVAL;
        byte[] b = t.mem().read(pairs, (int) count * 16);
        if (b == null) return -Errno.EFAULT;
        for (int i = 0; i < count; i++) {
            long key = UserMemory.getLong(b, i * 16);
            long value = switch ((int) key) {
                case 0, 1, 2 -> 0;          // vendor, architecture and implementation ids
                case 3 -> 1;                // BASE_BEHAVIOR: IMA
                case 4 -> 1 | 2;            // IMA_EXT_0: FD, C
                case 5 -> 3;                // CPUPERF_0: misaligned accesses are fast
                case 6 -> 0;                // no Zicboz
                default -> -1;
            };
            if (key < 0 || key > 6) {
                UserMemory.putLong(b, i * 16, -1);
                value = 0;
            }
            UserMemory.putLong(b, i * 16 + 8, value);
        }
        return t.mem().write(pairs, b) ? 0 : -Errno.EFAULT;
    }
}
