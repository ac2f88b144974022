package org.subcons.syscall;

import java.nio.charset.StandardCharsets;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.host.RootFs;
import org.subcons.kernel.HostFile;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.ProcFs;
import org.subcons.kernel.StatBuf;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/**
 * Calls that take paths: open, stat, the directory operations, links, access, cwd. Paths
 * resolve inside the guest root ({@link RootFs}); the process's own /proc entries are
 * served by the kernel ({@link ProcFs}).
 */
final class PathCalls {
    private final Kernel k;
    private final RootFs fs;

    private PathCalls(Kernel k) {
        this.k = k;
        this.fs = k.fs();
    }

    static void register(Syscalls s, Kernel k) {
        PathCalls p = new PathCalls(k);
        s.add(56, "openat", "fsOo", (t, a, b, c, d, e, f) -> p.openat(t, (int) a, b, (int) c, (int) d));
        s.add(437, "openat2", "fspu", (t, a, b, c, d, e, f) -> p.openat2(t, (int) a, b, c, d));
        s.add(79, "newfstatat", "fspx", (t, a, b, c, d, e, f) -> p.fstatat(t, (int) a, b, c, (int) d));
        s.add(291, "statx", "fsxxp", (t, a, b, c, d, e, f) -> p.statx(t, (int) a, b, (int) c, (int) d, e));
        s.add(34, "mkdirat", "fso", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.mkdir(p.dir(t, (int) a), path, (int) c & ~t.process().umask())));
        s.add(33, "mknodat", "fsox", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.mknod(p.dir(t, (int) a), path, (int) c & ~t.process().umask() | (int) c & Linux.S_IFMT, d)));
        s.add(35, "unlinkat", "fsx", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.unlink(p.dir(t, (int) a), path, (int) c)));
        s.add(36, "symlinkat", "sfs", (t, a, b, c, d, e, f) -> p.withPath(t, a, target -> p.withPath(t, c, path ->
                p.fs.symlink(target, p.dir(t, (int) b), path))));
        s.add(37, "linkat", "fsfsx", (t, a, b, c, d, e, f) -> p.withPath(t, b, from -> p.withPath(t, d, to ->
                p.fs.link(p.dir(t, (int) a), from, p.dir(t, (int) c), to, (int) e))));
        s.add(38, "renameat", "fsfs", (t, a, b, c, d, e, f) -> p.rename(t, a, b, c, d, 0));
        s.add(276, "renameat2", "fsfsx", (t, a, b, c, d, e, f) -> p.rename(t, a, b, c, d, (int) e));
        s.add(78, "readlinkat", "fspu", (t, a, b, c, d, e, f) -> p.readlinkat(t, (int) a, b, c, d));
        s.add(48, "faccessat", "fso", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.access(p.dir(t, (int) a), path, (int) c, 0)));
        s.add(439, "faccessat2", "fsox", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.access(p.dir(t, (int) a), path, (int) c, (int) d)));
        s.add(53, "fchmodat", "fso", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.chmod(p.dir(t, (int) a), path, (int) c, 0)));
        s.add(54, "fchownat", "fsddx", (t, a, b, c, d, e, f) -> p.withPath(t, b, path ->
                p.fs.chown(p.dir(t, (int) a), path, (int) c, (int) d, (int) e)));
        s.add(88, "utimensat", "fspx", (t, a, b, c, d, e, f) -> p.utimensat(t, (int) a, b, c, (int) d));
        s.add(17, "getcwd", "pu", (t, a, b, c, d, e, f) -> p.getcwd(t, a, b));
        s.add(49, "chdir", "s", (t, a, b, c, d, e, f) -> p.withPath(t, a, path -> p.chdir(t, p.fs.chdir(t.process().cwdFd(), path))));
        s.add(50, "fchdir", "f", (t, a, b, c, d, e, f) -> p.fchdir(t, (int) a));
        s.add(51, "chroot", "s", (t, a, b, c, d, e, f) -> -Errno.EPERM);
        s.add(45, "truncate", "sl", (t, a, b, c, d, e, f) -> p.withPath(t, a, path -> p.truncate(t, path, b)));
        s.add(43, "statfs", "sp", (t, a, b, c, d, e, f) -> p.withPath(t, a, path -> p.statfs(t, path, b)));
        s.add(44, "fstatfs", "fp", (t, a, b, c, d, e, f) -> FileCalls.withHostFd(t, a, fd -> p.fstatfs(t, fd, b)));
    }

    interface PathOp {
        long apply(String path);
    }

    /** Reads a path argument and runs {@code op} on it; EFAULT, ENAMETOOLONG and ENOENT ("") as Linux. */
    long withPath(Task t, long ptr, PathOp op) {
        String[] out = new String[1];
        int r = t.mem().readPath(ptr, Linux.PATH_MAX - 1, out);
        if (r < 0) return r;
        if (out[0].isEmpty()) return -Errno.ENOENT;
        return op.apply(out[0]);
    }

    /** The host directory descriptor a dirfd argument stands for, or -errno. */
    int dir(Task t, int dirfd) {
        if (dirfd == Linux.AT_FDCWD) return t.process().cwdFd();
        OpenFile f = t.process().fds().get(dirfd);
        if (f == null) return -Errno.EBADF;
        return f.hostFd() >= 0 ? f.hostFd() : -Errno.ENOTDIR;
    }

    private long openat(Task t, int dirfd, long pathPtr, int flags, int mode) {
        String[] out = new String[1];
        int r = t.mem().readPath(pathPtr, Linux.PATH_MAX - 1, out);
        if (r < 0) return r;
        String path = out[0];
        if (path.isEmpty()) return -Errno.ENOENT;
        Object special = ProcFs.open(t, path, flags);
        if (special instanceof Integer err) return err;
        OpenFile file;
        if (special instanceof OpenFile f) {
            file = f;
        } else {
            int dir = path.startsWith("/") ? fs.rootFd() : dir(t, dirfd);
            if (dir < 0) return dir;
            int fd = fs.open(dir, path, flags, mode & ~t.process().umask());
            if (fd < 0) return fd;
            file = new HostFile(fd, flags & ~Linux.O_CLOEXEC, null, fs, true, k.sharedObjects());
        }
        int gfd = t.process().fds().install(file, (flags & Linux.O_CLOEXEC) != 0, 0);
        if (gfd < 0) file.release();
        return gfd;
    }

    private long openat2(Task t, int dirfd, long pathPtr, long howPtr, long size) {
        if (size < 24) return -Errno.EINVAL;
        byte[] how = t.mem().read(howPtr, 24);
        if (how == null) return -Errno.EFAULT;
        long flags = UserMemory.getLong(how, 0), mode = UserMemory.getLong(how, 8), resolve = UserMemory.getLong(how, 16);
        if (resolve != 0) return -Errno.EINVAL;       // RESOLVE_* restrictions are not offered to guests
        return openat(t, dirfd, pathPtr, (int) flags, (int) mode);
    }

    /** statx into {@code sx}: 0 or -errno. Handles AT_EMPTY_PATH and our /proc entries. */
    private int statInto(Task t, int dirfd, long pathPtr, int flags, int mask, byte[] sx) {
        String[] out = new String[1];
        int r = t.mem().readPath(pathPtr, Linux.PATH_MAX - 1, out);
        if (r < 0) return r;
        String path = out[0];
        if (path.isEmpty()) {
            if ((flags & Linux.AT_EMPTY_PATH) == 0) return -Errno.ENOENT;
            if (dirfd == Linux.AT_FDCWD) return Host.statx(t.process().cwdFd(), "", Linux.AT_EMPTY_PATH, mask, sx);
            OpenFile f = t.process().fds().get(dirfd);
            return f == null ? -Errno.EBADF : f.stat(sx);
        }
        Integer special = ProcFs.stat(t, path, (flags & Linux.AT_SYMLINK_NOFOLLOW) == 0, sx);
        if (special != null) return special;
        int dir = path.startsWith("/") ? fs.rootFd() : dir(t, dirfd);
        if (dir < 0) return dir;
        return fs.stat(dir, path, flags & (Linux.AT_SYMLINK_NOFOLLOW | Linux.AT_NO_AUTOMOUNT), mask, sx);
    }

    private long fstatat(Task t, int dirfd, long pathPtr, long buf, int flags) {
        if ((flags & ~(Linux.AT_SYMLINK_NOFOLLOW | Linux.AT_EMPTY_PATH | Linux.AT_NO_AUTOMOUNT)) != 0) return -Errno.EINVAL;
        byte[] sx = new byte[Linux.SIZEOF_STATX];
        int r = statInto(t, dirfd, pathPtr, flags, Linux.STATX_BASIC_STATS, sx);
        if (r < 0) return r;
        return t.mem().write(buf, StatBuf.toStat(sx)) ? 0 : -Errno.EFAULT;
    }

    private long statx(Task t, int dirfd, long pathPtr, int flags, int mask, long buf) {
        if ((flags & ~(Linux.AT_SYMLINK_NOFOLLOW | Linux.AT_EMPTY_PATH | Linux.AT_NO_AUTOMOUNT
                | Linux.AT_STATX_SYNC_TYPE)) != 0 || (flags & Linux.AT_STATX_SYNC_TYPE) == Linux.AT_STATX_SYNC_TYPE) {
            return -Errno.EINVAL;
        }
        if ((mask & 0x80000000) != 0) return -Errno.EINVAL;      // STATX__RESERVED
        byte[] sx = new byte[Linux.SIZEOF_STATX];
        int r = statInto(t, dirfd, pathPtr, flags, mask, sx);
        if (r < 0) return r;
        return t.mem().write(buf, sx) ? 0 : -Errno.EFAULT;
    }

    private long rename(Task t, long oldDir, long oldPtr, long newDir, long newPtr, int flags) {
        return withPath(t, oldPtr, from -> withPath(t, newPtr, to ->
                fs.rename(dir(t, (int) oldDir), from, dir(t, (int) newDir), to, flags)));
    }

    private long readlinkat(Task t, int dirfd, long pathPtr, long buf, long size) {
        if (size <= 0) return -Errno.EINVAL;
        return withPath(t, pathPtr, path -> {
            byte[] target;
            Object special = ProcFs.readlink(t, path);
            if (special instanceof Integer err) return err;
            if (special instanceof String link) {
                target = link.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                int dir = path.startsWith("/") ? fs.rootFd() : dir(t, dirfd);
                if (dir < 0) return dir;
                byte[] tmp = new byte[Linux.PATH_MAX];
                int n = fs.readlink(dir, path, tmp);
                if (n < 0) return n;
                target = java.util.Arrays.copyOf(tmp, n);
            }
            int n = (int) Math.min(size, target.length);
            return t.mem().write(buf, target, 0, n) ? n : -Errno.EFAULT;
        });
    }

    private long utimensat(Task t, int dirfd, long pathPtr, long timesPtr, int flags) {
        long[] times = null;
        if (timesPtr != 0) {
            byte[] raw = t.mem().read(timesPtr, 32);
            if (raw == null) return -Errno.EFAULT;
            times = new long[] {UserMemory.getLong(raw, 0), UserMemory.getLong(raw, 8), UserMemory.getLong(raw, 16),
                UserMemory.getLong(raw, 24)};
        }
        long[] ts = times;
        if (pathPtr == 0) {          // futimens: the descriptor itself
            return FileCalls.withHostFd(t, dirfd, fd -> Host.utimensat(fd, "", ts, flags | Linux.AT_EMPTY_PATH));
        }
        return withPath(t, pathPtr, path -> fs.utimens(dir(t, dirfd), path, ts, flags));
    }

    private long getcwd(Task t, long buf, long size) {
        byte[] sx = new byte[Linux.SIZEOF_STATX];
        int cwdFd = t.process().cwdFd();
        if (Host.statx(cwdFd, "", Linux.AT_EMPTY_PATH, Linux.STATX_NLINK, sx) == 0 && org.subcons.host.Statx.nlink(sx) == 0) {
            return -Errno.ENOENT;            // the working directory was removed
        }
        String cwd = fs.guestPathOf(cwdFd);
        if (cwd == null) return -Errno.ENOENT;
        byte[] b = (cwd + "\0").getBytes(StandardCharsets.ISO_8859_1);
        if (size < b.length) return -Errno.ERANGE;
        return t.mem().write(buf, b) ? b.length : -Errno.EFAULT;
    }

    private long chdir(Task t, int newFd) {
        if (newFd < 0) return newFd;
        t.process().setCwd(newFd);
        return 0;
    }

    private long fchdir(Task t, int fd) {
        OpenFile f = t.process().fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (f.hostFd() < 0) return -Errno.ENOTDIR;
        return chdir(t, fs.chdir(f.hostFd(), "."));
    }

    private long truncate(Task t, String path, long len) {
        if (len < 0) return -Errno.EINVAL;
        int dir = path.startsWith("/") ? fs.rootFd() : t.process().cwdFd();
        int fd = fs.open(dir, path, Linux.O_WRONLY, 0);
        if (fd < 0) return fd;
        HostFile f = new HostFile(fd, Linux.O_WRONLY, null, fs, true, k.sharedObjects());
        int r = f.truncate(len);           // through the file: its shared mappings see the new end
        f.release();
        return r;
    }

    private long statfs(Task t, String path, long buf) {
        byte[] out = new byte[Linux.SIZEOF_STATFS];
        int r = fs.statfs(path.startsWith("/") ? fs.rootFd() : t.process().cwdFd(), path, out);
        if (r < 0) return r;
        return t.mem().write(buf, out) ? 0 : -Errno.EFAULT;
    }

    private long fstatfs(Task t, int hostFd, long buf) {
        byte[] out = new byte[Linux.SIZEOF_STATFS];
        int r = Host.fstatfs(hostFd, out);
        if (r < 0) return r;
        return t.mem().write(buf, out) ? 0 : -Errno.EFAULT;
    }
}
