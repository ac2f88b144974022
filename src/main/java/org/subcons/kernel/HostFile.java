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

    /**
     * @param name      a fixed name for /proc, or null to ask {@code fs} for the file's guest path
     * @param closeHost whether the last release closes the host descriptor (false for the
     *                  host's own stdin/stdout/stderr)
     */
    public HostFile(int fd, int flags, String name, RootFs fs, boolean closeHost) {
        super(flags);
        this.fd = fd;
        this.name = name;
        this.fs = fs;
        this.closeHost = closeHost;
    }

    @Override
    public void setStatusFlags(int f) {
        super.setStatusFlags(f);
        Host.fcntl(fd, Linux.F_SETFL, flags & SETFL_MASK);
    }

    @Override
    public long read(Task t, byte[] b, int off, int len) {
        if (!readable()) return -Errno.EBADF;
        return t.blockingHostRead(fd, b, off, len, nonBlocking());
    }

    @Override
    public long write(Task t, byte[] b, int off, int len) {
        if (!writable()) return -Errno.EBADF;
        return t.blockingHostWrite(fd, b, off, len, nonBlocking());
    }

    @Override
    public long pread(byte[] b, int off, int len, long pos) {
        if (!readable()) return -Errno.EBADF;
        return Host.pread(fd, b, off, len, pos);
    }

    @Override
    public long pwrite(byte[] b, int off, int len, long pos) {
        if (!writable()) return -Errno.EBADF;
        return Host.pwrite(fd, b, off, len, pos);
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
        return Host.ftruncate(fd, length);
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
