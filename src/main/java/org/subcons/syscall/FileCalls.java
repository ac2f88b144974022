package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.kernel.FdTable;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.StatBuf;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** Calls on file descriptors: read/write in all forms, lseek, dup, fcntl, ioctl, fstat, getdents64. */
final class FileCalls {
    /** The most one read or write moves (larger requests return short, as Linux's MAX_RW_COUNT does). */
    static final int MAX_RW = 1 << 26;
    private static final int IOV_MAX = 1024;
    private static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6,
            F_SETLKW = 7, F_SETOWN = 8, F_GETOWN = 9, F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38,
            F_DUPFD_CLOEXEC = 1030, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;
    private static final int FD_CLOEXEC = 1;
    private static final int FIONCLEX = 0x5450, FIOCLEX = 0x5451, FIONBIO = 0x5421;

    private FileCalls() {
    }

    static void register(Syscalls s, Kernel k) {
        s.add(63, "read", "fpu", (t, a, b, c, d, e, f) -> read(t, (int) a, b, c));
        s.add(64, "write", "fpu", (t, a, b, c, d, e, f) -> write(t, (int) a, b, c));
        s.add(65, "readv", "fpd", (t, a, b, c, d, e, f) -> readv(t, (int) a, b, (int) c, -1));
        s.add(66, "writev", "fpd", (t, a, b, c, d, e, f) -> writev(t, (int) a, b, (int) c, -1));
        s.add(67, "pread64", "fpul", (t, a, b, c, d, e, f) -> pread(t, (int) a, b, c, d));
        s.add(68, "pwrite64", "fpul", (t, a, b, c, d, e, f) -> pwrite(t, (int) a, b, c, d));
        s.add(69, "preadv", "fpdl", (t, a, b, c, d, e, f) -> d < 0 ? -Errno.EINVAL : readv(t, (int) a, b, (int) c, d));
        s.add(70, "pwritev", "fpdl", (t, a, b, c, d, e, f) -> d < 0 ? -Errno.EINVAL : writev(t, (int) a, b, (int) c, d));
        s.add(62, "lseek", "fld", (t, a, b, c, d, e, f) -> lseek(t, (int) a, b, (int) c));
        s.add(57, "close", "f", (t, a, b, c, d, e, f) -> t.process().fds().close((int) a));
        s.add(436, "close_range", "ddx", (t, a, b, c, d, e, f) -> closeRange(t, a, b, c));
        s.add(23, "dup", "f", (t, a, b, c, d, e, f) -> dup(t, (int) a, 0, false));
        s.add(24, "dup3", "ffx", (t, a, b, c, d, e, f) -> dup3(t, (int) a, (int) b, (int) c));
        s.add(25, "fcntl", "fdx", (t, a, b, c, d, e, f) -> fcntl(t, (int) a, (int) b, c));
        s.add(29, "ioctl", "fxx", (t, a, b, c, d, e, f) -> ioctl(t, (int) a, (int) b, c));
        s.add(80, "fstat", "fp", (t, a, b, c, d, e, f) -> fstat(t, (int) a, b));
        s.add(46, "ftruncate", "fl", (t, a, b, c, d, e, f) -> withFile(t, a, file -> b < 0 ? -Errno.EINVAL : file.truncate(b)));
        s.add(82, "fsync", "f", (t, a, b, c, d, e, f) -> withFile(t, a, OpenFile::sync));
        s.add(83, "fdatasync", "f", (t, a, b, c, d, e, f) -> withFile(t, a, OpenFile::sync));
        s.add(81, "sync", "", (t, a, b, c, d, e, f) -> 0);
        s.add(61, "getdents64", "fpu", (t, a, b, c, d, e, f) -> getdents(t, (int) a, b, c));
        s.add(52, "fchmod", "fo", (t, a, b, c, d, e, f) -> withHostFd(t, a, fd -> Host.fchmod(fd, (int) b)));
        s.add(55, "fchown", "fdd", (t, a, b, c, d, e, f) -> withHostFd(t, a, fd -> Host.fchown(fd, (int) b, (int) c)));
        s.add(32, "flock", "fd", (t, a, b, c, d, e, f) -> withFile(t, a, file -> 0));
        s.add(223, "fadvise64", "flld", (t, a, b, c, d, e, f) -> withFile(t, a, file -> 0));
        s.add(47, "fallocate", "fdll", (t, a, b, c, d, e, f) -> withFile(t, a, file -> -Errno.EOPNOTSUPP));
        s.add(59, "pipe2", "px", (t, a, b, c, d, e, f) -> pipe2(t, k, a, (int) b));
        s.add(71, "sendfile", "ffpu", (t, a, b, c, d, e, f) -> sendfile(t, (int) a, (int) b, c, d));
    }

    interface FileOp {
        long apply(OpenFile f);
    }

    interface FdOp {
        long apply(int hostFd);
    }

    static long withFile(Task t, long fd, FileOp op) {
        OpenFile f = t.process().fds().get((int) fd);
        return f == null ? -Errno.EBADF : op.apply(f);
    }

    static long withHostFd(Task t, long fd, FdOp op) {
        OpenFile f = t.process().fds().get((int) fd);
        if (f == null) return -Errno.EBADF;
        return f.hostFd() < 0 ? -Errno.EINVAL : op.apply(f.hostFd());
    }

    static long read(Task t, int fd, long buf, long count) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (count < 0) return -Errno.EINVAL;
        int n = (int) Math.min(count, MAX_RW);
        if (n > 0 && !t.mem().writable(buf, n)) return -Errno.EFAULT;
        byte[] tmp = new byte[n];
        long r = f.read(t, tmp, 0, n);
        if (r > 0 && !t.mem().write(buf, tmp, 0, (int) r)) return -Errno.EFAULT;
        return r;
    }

    static long write(Task t, int fd, long buf, long count) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (count < 0) return -Errno.EINVAL;
        int n = (int) Math.min(count, MAX_RW);
        byte[] tmp = t.mem().read(buf, n);
        if (tmp == null) return -Errno.EFAULT;
        return f.write(t, tmp, 0, n);
    }

    private static long pread(Task t, int fd, long buf, long count, long pos) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (count < 0 || pos < 0) return -Errno.EINVAL;
        int n = (int) Math.min(count, MAX_RW);
        if (n > 0 && !t.mem().writable(buf, n)) return -Errno.EFAULT;
        byte[] tmp = new byte[n];
        long r = f.pread(tmp, 0, n, pos);
        if (r > 0 && !t.mem().write(buf, tmp, 0, (int) r)) return -Errno.EFAULT;
        return r;
    }

    private static long pwrite(Task t, int fd, long buf, long count, long pos) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (count < 0 || pos < 0) return -Errno.EINVAL;
        int n = (int) Math.min(count, MAX_RW);
        byte[] tmp = t.mem().read(buf, n);
        if (tmp == null) return -Errno.EFAULT;
        return f.pwrite(tmp, 0, n, pos);
    }

    /** The iovec array as (base, length) pairs, or null with err[0] set. */
    private static long[] iovecs(Task t, long iov, int cnt, long[] err) {
        if (cnt < 0 || cnt > IOV_MAX) {
            err[0] = -Errno.EINVAL;
            return null;
        }
        byte[] raw = t.mem().read(iov, cnt * 16);
        if (raw == null) {
            err[0] = -Errno.EFAULT;
            return null;
        }
        long[] v = new long[cnt * 2];
        long total = 0;
        for (int i = 0; i < cnt * 2; i++) v[i] = UserMemory.getLong(raw, i * 8);
        for (int i = 0; i < cnt; i++) {
            if (v[2 * i + 1] < 0 || (total += v[2 * i + 1]) < 0) {
                err[0] = -Errno.EINVAL;
                return null;
            }
        }
        return v;
    }

    private static long readv(Task t, int fd, long iov, int cnt, long pos) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        long[] err = new long[1];
        long[] v = iovecs(t, iov, cnt, err);
        if (v == null) return err[0];
        long total = 0;
        for (int i = 0; i < cnt; i++) total += v[2 * i + 1];
        int n = (int) Math.min(total, MAX_RW);
        byte[] tmp = new byte[n];
        long r = pos < 0 ? f.read(t, tmp, 0, n) : f.pread(tmp, 0, n, pos);
        long done = 0;
        for (int i = 0; i < cnt && done < r; i++) {
            int len = (int) Math.min(v[2 * i + 1], r - done);
            if (!t.mem().write(v[2 * i], tmp, (int) done, len)) return -Errno.EFAULT;
            done += len;
        }
        return r;
    }

    private static long writev(Task t, int fd, long iov, int cnt, long pos) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        long[] err = new long[1];
        long[] v = iovecs(t, iov, cnt, err);
        if (v == null) return err[0];
        long total = 0;
        for (int i = 0; i < cnt; i++) total += v[2 * i + 1];
        int n = (int) Math.min(total, MAX_RW);
        byte[] tmp = new byte[n];
        int done = 0;
        for (int i = 0; i < cnt && done < n; i++) {
            int len = (int) Math.min(v[2 * i + 1], n - done);
            if (!t.mem().read(v[2 * i], tmp, done, len)) return -Errno.EFAULT;
            done += len;
        }
        return pos < 0 ? f.write(t, tmp, 0, n) : f.pwrite(tmp, 0, n, pos);
    }

    private static long lseek(Task t, int fd, long off, int whence) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (whence < 0 || whence > Linux.SEEK_HOLE) return -Errno.EINVAL;
        return f.seek(off, whence);
    }

    private static long dup(Task t, int fd, int min, boolean cloexec) {
        FdTable fds = t.process().fds();
        OpenFile f = fds.get(fd);
        if (f == null) return -Errno.EBADF;
        f.retain();
        int r = fds.install(f, cloexec, min);
        if (r < 0) f.release();
        return r;
    }

    private static long dup3(Task t, int oldFd, int newFd, int flags) {
        if (oldFd == newFd || (flags & ~Linux.O_CLOEXEC) != 0) return -Errno.EINVAL;
        FdTable fds = t.process().fds();
        OpenFile f = fds.get(oldFd);
        if (f == null) return -Errno.EBADF;
        if (newFd < 0 || newFd >= fds.limit()) return -Errno.EBADF;
        f.retain();
        return fds.installAt(newFd, f, (flags & Linux.O_CLOEXEC) != 0);
    }

    private static long closeRange(Task t, long first, long last, long flags) {
        if (first < 0 || Long.compareUnsigned(first, last) > 0 || (flags & ~6) != 0) return -Errno.EINVAL;
        FdTable fds = t.process().fds();
        for (int fd : fds.open()) {
            if (fd < first || Long.compareUnsigned(fd, last) > 0) continue;
            if ((flags & 4) != 0) fds.setCloseOnExec(fd, true);      // CLOSE_RANGE_CLOEXEC
            else fds.close(fd);
        }
        return 0;
    }

    private static long fcntl(Task t, int fd, int cmd, long arg) {
        FdTable fds = t.process().fds();
        OpenFile f = fds.get(fd);
        if (f == null) return -Errno.EBADF;
        switch (cmd) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                if (arg < 0 || arg >= fds.limit()) return -Errno.EINVAL;
                return dup(t, fd, (int) arg, cmd == F_DUPFD_CLOEXEC);
            }
            case F_GETFD -> {
                return fds.closeOnExec(fd) ? FD_CLOEXEC : 0;
            }
            case F_SETFD -> {
                return fds.setCloseOnExec(fd, (arg & FD_CLOEXEC) != 0);
            }
            case F_GETFL -> {
                return f.hostFd() >= 0 ? Host.fcntl(f.hostFd(), F_GETFL, 0) : f.flags();
            }
            case F_SETFL -> {
                f.setStatusFlags((int) arg);
                return 0;
            }
            case F_GETLK, F_SETLK, F_SETLKW, F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW -> {
                return lock(t, f, cmd, arg);
            }
            case F_SETOWN, F_GETOWN -> {
                return 0;
            }
            case F_GETPIPE_SZ, F_SETPIPE_SZ -> {
                return f.hostFd() >= 0 ? Host.fcntl(f.hostFd(), cmd, arg) : 65536;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
    }

    /** Record locks on host files go to the host (struct flock has the same layout on both). */
    private static long lock(Task t, OpenFile f, int cmd, long arg) {
        if (f.hostFd() < 0) return -Errno.EINVAL;
        byte[] fl = t.mem().read(arg, Linux.SIZEOF_FLOCK);
        if (fl == null) return -Errno.EFAULT;
        int r = Host.fcntl(f.hostFd(), cmd, fl);
        if (r >= 0 && (cmd == F_GETLK || cmd == F_OFD_GETLK) && !t.mem().write(arg, fl)) return -Errno.EFAULT;
        return r;
    }

    private static long ioctl(Task t, int fd, int req, long arg) {
        FdTable fds = t.process().fds();
        OpenFile f = fds.get(fd);
        if (f == null) return -Errno.EBADF;
        switch (req) {
            case FIOCLEX -> {
                return fds.setCloseOnExec(fd, true);
            }
            case FIONCLEX -> {
                return fds.setCloseOnExec(fd, false);
            }
            case FIONBIO -> {
                long[] ok = new long[1];
                long on = t.mem().readLong(arg, ok) & 0xffffffffL;
                if (ok[0] == 0) return -Errno.EFAULT;
                f.setStatusFlags(on != 0 ? f.flags() | Linux.O_NONBLOCK : f.flags() & ~Linux.O_NONBLOCK);
                return 0;
            }
            default -> {
                return f.ioctl(t, req, arg);
            }
        }
    }

    static long fstat(Task t, int fd, long buf) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        byte[] sx = new byte[Linux.SIZEOF_STATX];
        int r = f.stat(sx);
        if (r < 0) return r;
        return t.mem().write(buf, StatBuf.toStat(sx)) ? 0 : -Errno.EFAULT;
    }

    private static long getdents(Task t, int fd, long buf, long count) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        int n = (int) Math.min(count, 1 << 20);
        if (n < 0) return -Errno.EINVAL;
        byte[] tmp = new byte[n];
        int r = f.getdents(tmp, n);
        if (r > 0 && !t.mem().write(buf, tmp, 0, r)) return -Errno.EFAULT;
        return r;
    }

    private static long pipe2(Task t, Kernel k, long fdsPtr, int flags) {
        if ((flags & ~(Linux.O_CLOEXEC | Linux.O_NONBLOCK | Linux.O_DIRECT)) != 0) return -Errno.EINVAL;
        OpenFile[] ends = org.subcons.kernel.Pipe.create(k.nextInode(), flags);
        FdTable fds = t.process().fds();
        boolean cloexec = (flags & Linux.O_CLOEXEC) != 0;
        int r = fds.install(ends[0], cloexec, 0);
        if (r < 0) {
            ends[0].release();
            ends[1].release();
            return r;
        }
        int w = fds.install(ends[1], cloexec, 0);
        if (w < 0) {
            fds.close(r);
            ends[1].release();
            return w;
        }
        byte[] b = new byte[8];
        UserMemory.putInt(b, 0, r);
        UserMemory.putInt(b, 4, w);
        if (!t.mem().write(fdsPtr, b)) {
            fds.close(r);
            fds.close(w);
            return -Errno.EFAULT;
        }
        return 0;
    }

    private static long sendfile(Task t, int out, int in, long offPtr, long count) {
        OpenFile src = t.process().fds().get(in), dst = t.process().fds().get(out);
        if (src == null || dst == null) return -Errno.EBADF;
        if (!src.readable() || !dst.writable()) return -Errno.EBADF;
        int n = (int) Math.min(Math.max(count, 0), 1 << 20);
        byte[] tmp = new byte[n];
        long r;
        if (offPtr != 0) {
            long[] ok = new long[1];
            long pos = t.mem().readLong(offPtr, ok);
            if (ok[0] == 0) return -Errno.EFAULT;
            r = src.pread(tmp, 0, n, pos);
            if (r > 0 && !t.mem().writeLong(offPtr, pos + r)) return -Errno.EFAULT;
        } else {
            r = src.read(t, tmp, 0, n);
        }
        return r <= 0 ? r : dst.write(t, tmp, 0, (int) r);
    }
}
