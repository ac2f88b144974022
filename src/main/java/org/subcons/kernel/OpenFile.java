package org.subcons.kernel;

import java.util.concurrent.atomic.AtomicInteger;

import org.subcons.host.Errno;
import org.subcons.host.Linux;
import org.subcons.subcon.Backing;

/**
 * An open file description: what file descriptors point to, shared by dup and fork. Every
 * operation returns a non-negative result or -errno. Subclasses implement what their kind
 * of file supports; the rest fails as Linux would for such a file.
 */
public abstract class OpenFile {
    /** The status flags a program may change with F_SETFL. */
    public static final int SETFL_MASK = Linux.O_APPEND | Linux.O_NONBLOCK | Linux.O_ASYNC | Linux.O_DIRECT | Linux.O_NOATIME;

    private final AtomicInteger refs = new AtomicInteger(1);
    protected volatile int flags;

    protected OpenFile(int flags) {
        this.flags = flags;
    }

    public int flags() {
        return flags;
    }

    public void setStatusFlags(int f) {
        flags = (flags & ~SETFL_MASK) | (f & SETFL_MASK);
    }

    public boolean readable() {
        int m = flags & Linux.O_ACCMODE;
        return m == Linux.O_RDONLY || m == Linux.O_RDWR;
    }

    public boolean writable() {
        int m = flags & Linux.O_ACCMODE;
        return m == Linux.O_WRONLY || m == Linux.O_RDWR;
    }

    public boolean nonBlocking() {
        return (flags & Linux.O_NONBLOCK) != 0;
    }

    public long read(Task t, byte[] b, int off, int len) {
        return -Errno.EINVAL;
    }

    public long write(Task t, byte[] b, int off, int len) {
        return -Errno.EINVAL;
    }

    public long pread(byte[] b, int off, int len, long pos) {
        return -Errno.ESPIPE;
    }

    public long pwrite(byte[] b, int off, int len, long pos) {
        return -Errno.ESPIPE;
    }

    public long seek(long offset, int whence) {
        return -Errno.ESPIPE;
    }

    /** Fills a host-layout struct statx (256 bytes). */
    public abstract int stat(byte[] statx);

    public int getdents(byte[] buf, int len) {
        return -Errno.ENOTDIR;
    }

    public long ioctl(Task t, int request, long arg) {
        return -Errno.ENOTTY;
    }

    public int truncate(long length) {
        return -Errno.EINVAL;
    }

    public int sync() {
        return 0;
    }

    /** The host file descriptor behind this file (for *at calls and mmap), or -1. */
    public int hostFd() {
        return -1;
    }

    /** What a mapping of this file is backed by, or null when it cannot be mapped (ENODEV). */
    public Backing mapping(Kernel k) {
        return null;
    }

    /** Poll readiness: the subset of {@code events} (POLLIN, POLLOUT...) ready now. */
    public int poll(int events) {
        return events & (Linux.POLLIN | Linux.POLLOUT);
    }

    /** The guest-visible name (for /proc/self/fd and /proc/self/maps). */
    public abstract String path();

    public final OpenFile retain() {
        refs.incrementAndGet();
        return this;
    }

    /** Drops one reference; the last one closes the file. */
    public final void release() {
        if (refs.decrementAndGet() == 0) closed();
    }

    /** Called once, when the last descriptor and mapping let go. */
    protected void closed() {
    }
}
