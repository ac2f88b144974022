package org.subcons.host;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Host (x86_64 Linux) system calls, bound to glibc through FFM.
 *
 * <p>Each method returns what the system call returns when it succeeds, or {@code -errno}
 * when it fails, exactly like a raw Linux system call; an OS error never becomes an exception.
 * Path strings are byte strings: one char per byte (ISO-8859-1), so every Linux file name
 * round-trips. Structs are exchanged as raw little-endian bytes in the kernel layout, which is
 * the same on riscv64 for every struct used here (see {@link Linux} for the sizes).
 */
public final class Host {
    private Host() {}

    private static final long SYS_UTIMENSAT = 280;
    private static final long SYS_OPENAT2 = 437;
    private static final long SIZEOF_OPEN_HOW = 24;

    private static MethodHandle fn(String name, MemoryLayout result, MemoryLayout... args) {
        return Native.function(name, result, args);
    }

    // ---- files ----

    private static final MethodHandle OPENAT = Native.function("openat", 3, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle SYSCALL4 = Native.function("syscall", 1, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle CLOSE = fn("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle READ = fn("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = fn("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle PREAD = fn("pread64", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle PWRITE = fn("pwrite64", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle LSEEK = fn("lseek", JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT);
    private static final MethodHandle DUP = fn("dup", JAVA_INT, JAVA_INT);
    private static final MethodHandle FCNTL = Native.function("fcntl", 2, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final MethodHandle FCNTL_PTR = Native.function("fcntl", 2, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle FTRUNCATE = fn("ftruncate", JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final MethodHandle FSYNC = fn("fsync", JAVA_INT, JAVA_INT);
    private static final MethodHandle FDATASYNC = fn("fdatasync", JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHMOD = fn("fchmod", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHOWN = fn("fchown", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle STATX = fn("statx", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle GETDENTS64 = fn("getdents64", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle STATFS = fn("statfs", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle FSTATFS = fn("fstatfs", JAVA_INT, JAVA_INT, ADDRESS);

    /** openat(2); {@code mode} is used with O_CREAT / O_TMPFILE only. */
    public static int openat(int dirfd, String path, int flags, int mode) {
        try (Native f = Native.frame()) {
            return f.ret((int) OPENAT.invokeExact(f.errno, dirfd, f.cstr(path), flags, mode));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /**
     * openat2(2) (struct open_how {flags, mode, resolve}). Stricter than openat: unknown flags,
     * or a mode without O_CREAT / O_TMPFILE, give EINVAL.
     */
    public static int openat2(int dirfd, String path, int flags, int mode, long resolve) {
        try (Native f = Native.frame()) {
            MemorySegment how = f.alloc(SIZEOF_OPEN_HOW);
            how.set(JAVA_LONG, 0, flags & 0xffffffffL);
            how.set(JAVA_LONG, 8, mode & 0xffffffffL);
            how.set(JAVA_LONG, 16, resolve);
            return (int) f.ret((long) SYSCALL4.invokeExact(f.errno, SYS_OPENAT2, (long) dirfd,
                    f.cstr(path), how, SIZEOF_OPEN_HOW));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int close(int fd) {
        try (Native f = Native.frame()) {
            return f.ret((int) CLOSE.invokeExact(f.errno, fd));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** read(2) into {@code b[off, off+len)}. */
    public static int read(int fd, byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        try (Native f = Native.frame()) {
            MemorySegment buf = f.alloc(len);
            int n = (int) f.ret((long) READ.invokeExact(f.errno, fd, buf, (long) len));
            copyOut(buf, b, off, n);
            return n;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** write(2) from {@code b[off, off+len)}. */
    public static int write(int fd, byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        try (Native f = Native.frame()) {
            return (int) f.ret((long) WRITE.invokeExact(f.errno, fd, f.copyIn(b, off, len), (long) len));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int pread(int fd, byte[] b, int off, int len, long pos) {
        Objects.checkFromIndexSize(off, len, b.length);
        try (Native f = Native.frame()) {
            MemorySegment buf = f.alloc(len);
            int n = (int) f.ret((long) PREAD.invokeExact(f.errno, fd, buf, (long) len, pos));
            copyOut(buf, b, off, n);
            return n;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int pwrite(int fd, byte[] b, int off, int len, long pos) {
        Objects.checkFromIndexSize(off, len, b.length);
        try (Native f = Native.frame()) {
            return (int) f.ret((long) PWRITE.invokeExact(f.errno, fd, f.copyIn(b, off, len), (long) len, pos));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static long lseek(int fd, long offset, int whence) {
        try (Native f = Native.frame()) {
            return f.ret((long) LSEEK.invokeExact(f.errno, fd, offset, whence));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int dup(int fd) {
        try (Native f = Native.frame()) {
            return f.ret((int) DUP.invokeExact(f.errno, fd));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** fcntl(2) with an integer argument (F_DUPFD*, F_GETFD/F_SETFD, F_GETFL/F_SETFL, ...). */
    public static int fcntl(int fd, int cmd, long arg) {
        try (Native f = Native.frame()) {
            return f.ret((int) FCNTL.invokeExact(f.errno, fd, cmd, arg));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** fcntl(2) with a struct argument, copied in and back out (struct flock for F_*LK*). */
    public static int fcntl(int fd, int cmd, byte[] arg) {
        try (Native f = Native.frame()) {
            MemorySegment m = f.copyIn(arg, 0, arg.length);
            int r = f.ret((int) FCNTL_PTR.invokeExact(f.errno, fd, cmd, m));
            copyOut(m, arg, 0, arg.length);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int ftruncate(int fd, long length) {
        try (Native f = Native.frame()) {
            return f.ret((int) FTRUNCATE.invokeExact(f.errno, fd, length));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int fsync(int fd) {
        try (Native f = Native.frame()) {
            return f.ret((int) FSYNC.invokeExact(f.errno, fd));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int fdatasync(int fd) {
        try (Native f = Native.frame()) {
            return f.ret((int) FDATASYNC.invokeExact(f.errno, fd));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int fchmod(int fd, int mode) {
        try (Native f = Native.frame()) {
            return f.ret((int) FCHMOD.invokeExact(f.errno, fd, mode));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** fchown(2); -1 leaves an id unchanged. */
    public static int fchown(int fd, int uid, int gid) {
        try (Native f = Native.frame()) {
            return f.ret((int) FCHOWN.invokeExact(f.errno, fd, uid, gid));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** statx(2); {@code out} (at least {@link Linux#SIZEOF_STATX} bytes) receives struct statx, see {@link Statx}. */
    public static int statx(int dirfd, String path, int flags, int mask, byte[] out) {
        Objects.checkFromIndexSize(0, Linux.SIZEOF_STATX, out.length);
        try (Native f = Native.frame()) {
            MemorySegment buf = f.alloc(Linux.SIZEOF_STATX);
            int r = f.ret((int) STATX.invokeExact(f.errno, dirfd, f.cstr(path), flags, mask, buf));
            if (r == 0) copyOut(buf, out, 0, Linux.SIZEOF_STATX);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** getdents64(2): raw struct linux_dirent64 records {u64 ino, s64 off, u16 reclen, u8 type, name}. */
    public static int getdents64(int fd, byte[] buf, int len) {
        Objects.checkFromIndexSize(0, len, buf.length);
        try (Native f = Native.frame()) {
            MemorySegment m = f.alloc(len);
            int n = (int) f.ret((long) GETDENTS64.invokeExact(f.errno, fd, m, (long) len));
            copyOut(m, buf, 0, n);
            return n;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** statfs(2) of a host path; {@code out} receives struct statfs ({@link Linux#SIZEOF_STATFS} bytes). */
    public static int statfs(String path, byte[] out) {
        Objects.checkFromIndexSize(0, Linux.SIZEOF_STATFS, out.length);
        try (Native f = Native.frame()) {
            MemorySegment buf = f.alloc(Linux.SIZEOF_STATFS);
            int r = f.ret((int) STATFS.invokeExact(f.errno, f.cstr(path), buf));
            if (r == 0) copyOut(buf, out, 0, Linux.SIZEOF_STATFS);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** fstatfs(2); works on O_PATH descriptors too. */
    public static int fstatfs(int fd, byte[] out) {
        Objects.checkFromIndexSize(0, Linux.SIZEOF_STATFS, out.length);
        try (Native f = Native.frame()) {
            MemorySegment buf = f.alloc(Linux.SIZEOF_STATFS);
            int r = f.ret((int) FSTATFS.invokeExact(f.errno, fd, buf));
            if (r == 0) copyOut(buf, out, 0, Linux.SIZEOF_STATFS);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    // ---- directory entries ----

    private static final MethodHandle MKDIRAT = fn("mkdirat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle MKNODAT = fn("mknodat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG);
    private static final MethodHandle UNLINKAT = fn("unlinkat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RENAMEAT2 = fn("renameat2", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LINKAT = fn("linkat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SYMLINKAT = fn("symlinkat", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
    private static final MethodHandle READLINKAT = fn("readlinkat", JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle FACCESSAT = fn("faccessat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHMODAT = fn("fchmodat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHOWNAT = fn("fchownat", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT);

    public static int mkdirat(int dirfd, String path, int mode) {
        try (Native f = Native.frame()) {
            return f.ret((int) MKDIRAT.invokeExact(f.errno, dirfd, f.cstr(path), mode));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int mknodat(int dirfd, String path, int mode, long dev) {
        try (Native f = Native.frame()) {
            return f.ret((int) MKNODAT.invokeExact(f.errno, dirfd, f.cstr(path), mode, dev));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** unlinkat(2); flags 0 or {@link Linux#AT_REMOVEDIR}. */
    public static int unlinkat(int dirfd, String path, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) UNLINKAT.invokeExact(f.errno, dirfd, f.cstr(path), flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** renameat2(2); flags RENAME_NOREPLACE / RENAME_EXCHANGE / RENAME_WHITEOUT. */
    public static int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) RENAMEAT2.invokeExact(f.errno, olddirfd, f.cstr(oldpath), newdirfd, f.cstr(newpath), flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) LINKAT.invokeExact(f.errno, olddirfd, f.cstr(oldpath), newdirfd, f.cstr(newpath), flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int symlinkat(String target, int newdirfd, String linkpath) {
        try (Native f = Native.frame()) {
            return f.ret((int) SYMLINKAT.invokeExact(f.errno, f.cstr(target), newdirfd, f.cstr(linkpath)));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** readlinkat(2) into {@code buf} (bufsiz = buf.length); returns the byte count, not NUL-terminated. */
    public static int readlinkat(int dirfd, String path, byte[] buf) {
        try (Native f = Native.frame()) {
            MemorySegment m = f.alloc(buf.length);
            int n = (int) f.ret((long) READLINKAT.invokeExact(f.errno, dirfd, f.cstr(path), m, (long) buf.length));
            copyOut(m, buf, 0, n);
            return n;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** faccessat2(2) semantics (glibc uses that system call): flags AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
    public static int faccessat(int dirfd, String path, int mode, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) FACCESSAT.invokeExact(f.errno, dirfd, f.cstr(path), mode, flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** glibc fchmodat: flags 0 or AT_SYMLINK_NOFOLLOW (EOPNOTSUPP on a symlink). */
    public static int fchmodat(int dirfd, String path, int mode, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) FCHMODAT.invokeExact(f.errno, dirfd, f.cstr(path), mode, flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int fchownat(int dirfd, String path, int uid, int gid, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) FCHOWNAT.invokeExact(f.errno, dirfd, f.cstr(path), uid, gid, flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /**
     * utimensat(2), the raw system call so that a null {@code path} works on {@code dirfd} itself
     * (futimens). {@code times} is {atime sec, atime nsec, mtime sec, mtime nsec} or null for now;
     * nsec may be {@link Linux#UTIME_NOW} or {@link Linux#UTIME_OMIT}.
     */
    public static int utimensat(int dirfd, String path, long[] times, int flags) {
        try (Native f = Native.frame()) {
            MemorySegment ts = MemorySegment.NULL;
            if (times != null) {
                ts = f.alloc(32);
                MemorySegment.copy(times, 0, ts, JAVA_LONG, 0, 4);
            }
            return (int) f.ret((long) SYSCALL4.invokeExact(f.errno, SYS_UTIMENSAT, (long) dirfd,
                    f.cstr(path), ts, (long) flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    // ---- terminals and other devices ----

    private static final MethodHandle IOCTL = Native.function("ioctl", 2, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle IOCTL_PTR = Native.function("ioctl", 2, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle ISATTY = fn("isatty", JAVA_INT, JAVA_INT);

    /** ioctl(2) whose argument is an integer (TIOCSCTTY, TCSBRK, TCFLSH, ...); pointers take the byte[] form. */
    public static int ioctl(int fd, long request, long arg) {
        try (Native f = Native.frame()) {
            return f.ret((int) IOCTL.invokeExact(f.errno, fd, request, arg));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /**
     * ioctl(2) whose argument points to memory, {@code arg} copied in and back out: TCGETS/TCSETS*
     * (struct termios, 36 bytes), TIOCGWINSZ/TIOCSWINSZ (8), TIOCGPGRP/TIOCSPGRP/FIONREAD/FIONBIO
     * (int, 4).
     */
    public static int ioctl(int fd, long request, byte[] arg) {
        try (Native f = Native.frame()) {
            MemorySegment m = f.copyIn(arg, 0, arg.length);
            int r = f.ret((int) IOCTL_PTR.invokeExact(f.errno, fd, request, m));
            copyOut(m, arg, 0, arg.length);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** 1 when {@code fd} is a terminal, otherwise -ENOTTY (or -EBADF...). */
    public static int isatty(int fd) {
        try (Native f = Native.frame()) {
            int r = (int) ISATTY.invokeExact(f.errno, fd);
            return r == 1 ? 1 : f.ret(-1);
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    // ---- waiting ----

    private static final MethodHandle POLL = fn("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle PIPE2 = fn("pipe2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle EVENTFD = fn("eventfd", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle EVENTFD_READ = fn("eventfd_read", JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle EVENTFD_WRITE = fn("eventfd_write", JAVA_INT, JAVA_INT, JAVA_LONG);

    /**
     * poll(2) over {@code fds[i]} with {@code events[i]}; {@code revents[i]} receives the result.
     * Returns the number of ready descriptors, 0 on timeout.
     */
    public static int poll(int[] fds, short[] events, short[] revents, int timeoutMs) {
        int n = fds.length;
        Objects.checkFromIndexSize(0, n, events.length);
        Objects.checkFromIndexSize(0, n, revents.length);
        try (Native f = Native.frame()) {
            MemorySegment pfds = f.alloc(8L * n); // struct pollfd {int fd; short events, revents;}
            for (int i = 0; i < n; i++) {
                pfds.set(JAVA_INT, 8L * i, fds[i]);
                pfds.set(JAVA_SHORT, 8L * i + 4, events[i]);
                pfds.set(JAVA_SHORT, 8L * i + 6, (short) 0);
            }
            int r = f.ret((int) POLL.invokeExact(f.errno, pfds, (long) n, timeoutMs));
            for (int i = 0; i < n; i++) revents[i] = pfds.get(JAVA_SHORT, 8L * i + 6);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** pipe2(2): {@code fds[0]} is the read end, {@code fds[1]} the write end. */
    public static int pipe2(int[] fds, int flags) {
        try (Native f = Native.frame()) {
            MemorySegment m = f.alloc(8);
            int r = f.ret((int) PIPE2.invokeExact(f.errno, m, flags));
            if (r == 0) MemorySegment.copy(m, JAVA_INT, 0, fds, 0, 2);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** eventfd(2): a counter that polls readable while non-zero; used to wake a blocked poll. */
    public static int eventfd(int initval, int flags) {
        try (Native f = Native.frame()) {
            return f.ret((int) EVENTFD.invokeExact(f.errno, initval, flags));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** Reads (and resets, or decrements with EFD_SEMAPHORE) the counter into {@code value[0]}. */
    public static int eventfd_read(int fd, long[] value) {
        try (Native f = Native.frame()) {
            MemorySegment m = f.alloc(8);
            int r = f.ret((int) EVENTFD_READ.invokeExact(f.errno, fd, m));
            if (r == 0) value[0] = m.get(JAVA_LONG, 0);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** Adds {@code value} to the counter. */
    public static int eventfd_write(int fd, long value) {
        try (Native f = Native.frame()) {
            return f.ret((int) EVENTFD_WRITE.invokeExact(f.errno, fd, value));
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    // ---- time, identity, system ----

    private static final MethodHandle CLOCK_GETTIME = fn("clock_gettime", JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle CLOCK_GETRES = fn("clock_getres", JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle UNAME = fn("uname", JAVA_INT, ADDRESS);
    private static final MethodHandle GETUID = fn("getuid", JAVA_INT);
    private static final MethodHandle GETEUID = fn("geteuid", JAVA_INT);
    private static final MethodHandle GETGID = fn("getgid", JAVA_INT);
    private static final MethodHandle GETEGID = fn("getegid", JAVA_INT);
    private static final MethodHandle GETPID = fn("getpid", JAVA_INT);
    private static final MethodHandle UMASK = fn("umask", JAVA_INT, JAVA_INT);
    private static final MethodHandle GETRANDOM = fn("getrandom", JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT);

    /** clock_gettime(2): {@code out} receives {tv_sec, tv_nsec}. */
    public static int clock_gettime(int clockid, long[] out) {
        return clock(CLOCK_GETTIME, clockid, out);
    }

    /** clock_getres(2): {@code out} receives {tv_sec, tv_nsec}. */
    public static int clock_getres(int clockid, long[] out) {
        return clock(CLOCK_GETRES, clockid, out);
    }

    private static int clock(MethodHandle h, int clockid, long[] out) {
        Objects.checkFromIndexSize(0, 2, out.length);
        try (Native f = Native.frame()) {
            MemorySegment ts = f.alloc(16);
            int r = f.ret((int) h.invokeExact(f.errno, clockid, ts));
            if (r == 0) MemorySegment.copy(ts, JAVA_LONG, 0, out, 0, 2);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** uname(2): {@code out} receives struct utsname, six NUL-padded 65-byte fields. */
    public static int uname(byte[] out) {
        Objects.checkFromIndexSize(0, Linux.SIZEOF_UTSNAME, out.length);
        try (Native f = Native.frame()) {
            MemorySegment m = f.alloc(Linux.SIZEOF_UTSNAME);
            int r = f.ret((int) UNAME.invokeExact(f.errno, m));
            if (r == 0) copyOut(m, out, 0, Linux.SIZEOF_UTSNAME);
            return r;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    public static int getuid() { return id(GETUID); }
    public static int geteuid() { return id(GETEUID); }
    public static int getgid() { return id(GETGID); }
    public static int getegid() { return id(GETEGID); }
    public static int getpid() { return id(GETPID); }

    private static int id(MethodHandle h) {
        try (Native f = Native.frame()) {
            return (int) h.invokeExact(f.errno);
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** umask(2): sets the process umask, returns the previous one (cannot fail). */
    public static int umask(int mask) {
        try (Native f = Native.frame()) {
            return (int) UMASK.invokeExact(f.errno, mask);
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** getrandom(2) into {@code b[0, len)}. */
    public static int getrandom(byte[] b, int len, int flags) {
        Objects.checkFromIndexSize(0, len, b.length);
        try (Native f = Native.frame()) {
            MemorySegment m = f.alloc(len);
            int n = (int) f.ret((long) GETRANDOM.invokeExact(f.errno, m, (long) len, flags));
            copyOut(m, b, 0, n);
            return n;
        } catch (Throwable t) { throw Native.unexpected(t); }
    }

    /** Copies {@code n} bytes back to the Java array when the call produced any. */
    private static void copyOut(MemorySegment from, byte[] to, int off, int n) {
        if (n > 0) MemorySegment.copy(from, JAVA_BYTE, 0, to, off, n);
    }
}
