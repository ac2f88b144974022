package org.subcons.kernel;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.host.RootFs;
import org.subcons.subcon.Backing;

/** A file, directory, terminal or host pipe opened on the host: operations go to the host fd. */
public final class HostFile extends OpenFile {
    private final int fd;
    private final String name;
    private final RootFs fs;
    private final boolean closeHost;
    /** The kernel's shared mappings, kept coherent with this file's reads and writes (null: none). */
    private final SharedObjects shared;
    private static final long KEY_UNKNOWN = -1, NOT_MAPPABLE = -2;
    /** This file's key among shared mappings: found on first need (an open file's inode stays). */
    private long sharedKey = KEY_UNKNOWN;

    /**
     * @param name      a fixed name for /proc, or null to ask {@code fs} for the file's guest path
     * @param closeHost whether the last release closes the host descriptor (false for the
     *                  host's own stdin/stdout/stderr)
     * @param shared    the shared mappings its reads and writes must agree with, or null
     */
    public HostFile(int fd, int flags, String name, RootFs fs, boolean closeHost, SharedObjects shared) {
        super(flags);
        this.fd = fd;
        this.name = name;
        this.fs = fs;
        this.closeHost = closeHost;
        this.shared = shared;
    }

    /** This file's key among shared mappings if they hold pages of it now, else NOT_MAPPABLE. */
    private long mappedKey() {
        if (shared == null || !shared.anyFiles()) return NOT_MAPPABLE;
        long k = sharedKey;
        if (k == KEY_UNKNOWN) {
            byte[] sx = new byte[Linux.SIZEOF_STATX];
            k = stat(sx) < 0 || StatBuf.fileType(sx) != Linux.S_IFREG ? NOT_MAPPABLE : SharedObjects.fileKey(sx);
            sharedKey = k;
        }
        return k != NOT_MAPPABLE && shared.hasPages(k) ? k : NOT_MAPPABLE;
    }

    /** Where the r bytes just read or written at the file position began. */
    private long startOf(long r) {
        return Host.lseek(fd, 0, Linux.SEEK_CUR) - r;
    }

    @Override
    public void setStatusFlags(int f) {
        super.setStatusFlags(f);
        Host.fcntl(fd, Linux.F_SETFL, flags & SETFL_MASK);
    }

    @Override
    public long read(Task t, byte[] b, int off, int len) {
        if (!readable()) return -Errno.EBADF;
        long r = t.blockingHostRead(fd, b, off, len, nonBlocking());
        long k = mappedKey();
        if (r > 0 && k != NOT_MAPPABLE) shared.readThrough(k, startOf(r), b, off, (int) r);
        return r;
    }

    @Override
    public long write(Task t, byte[] b, int off, int len) {
        if (!writable()) return -Errno.EBADF;
        long r = t.blockingHostWrite(fd, b, off, len, nonBlocking());
        long k = mappedKey();
        if (r > 0 && k != NOT_MAPPABLE) shared.writeThrough(k, startOf(r), b, off, (int) r);
        return r;
    }

    @Override
    public long pread(byte[] b, int off, int len, long pos) {
        if (!readable()) return -Errno.EBADF;
        long r = Host.pread(fd, b, off, len, pos);
        long k = mappedKey();
        if (r > 0 && k != NOT_MAPPABLE) shared.readThrough(k, pos, b, off, (int) r);
        return r;
    }

    @Override
    public long pwrite(byte[] b, int off, int len, long pos) {
        if (!writable()) return -Errno.EBADF;
        long r = Host.pwrite(fd, b, off, len, pos);
        long k = mappedKey();
        if (r > 0 && k != NOT_MAPPABLE) shared.writeThrough(k, pos, b, off, (int) r);
        return r;
    }

    @Override
    public long seek(long offset, int whence) {
        return Host.lseek(fd, offset, whence);
    }

    @Override
    public int stat(byte[] statx) {
        return Host.statx(fd, "", Linux.AT_EMPTY_PATH, Linux.STATX_BASIC_STATS, statx);
    }

    @Override
    public int getdents(byte[] buf, int len) {
        return Host.getdents64(fd, buf, len);
    }

    @Override
    public long ioctl(Task t, int request, long arg) {
        return Terminal.ioctl(t, fd, request, arg);
    }

    @Override
    public int truncate(long length) {
        if (!writable()) return -Errno.EINVAL;
        int r = Host.ftruncate(fd, length);
        long k = mappedKey();
        if (r == 0 && k != NOT_MAPPABLE) shared.truncated(k, length);
        return r;
    }

    @Override
    public int sync() {
        return Host.fsync(fd);
    }

    @Override
    public int hostFd() {
        return fd;
    }

    @Override
    public Backing mapping(Kernel k) {
        byte[] sx = new byte[Linux.SIZEOF_STATX];
        if (stat(sx) < 0 || StatBuf.fileType(sx) != Linux.S_IFREG) return null;
        return k.sharedObjects().fileBacking(this, sx);
    }

    @Override
    public int poll(int events) {
        int[] fds = {fd};
        short[] ev = {(short) events}, rev = new short[1];
        int r = Host.poll(fds, ev, rev, 0);
        return r < 0 ? 0 : rev[0];
    }

    @Override
    public String path() {
        if (name != null) return name;
        String p = fs.guestPathOf(fd);
        return p != null ? p : "anon_inode:[" + fd + "]";
    }

    @Override
    protected void closed() {
        if (closeHost) Host.close(fd);
    }
}
