package org.subcons.kernel;

import org.subcons.host.Errno;
import org.subcons.host.Linux;

/** A read-only regular file whose contents the kernel made up when it was opened (/proc files). */
public final class SyntheticFile extends OpenFile {
    private final byte[] content;
    private final String path;
    private long pos;

    public SyntheticFile(byte[] content, String path) {
        super(Linux.O_RDONLY);
        this.content = content;
        this.path = path;
    }

    @Override
    public synchronized long read(Task t, byte[] b, int off, int len) {
        long n = pread(b, off, len, pos);
        if (n > 0) pos += n;
        return n;
    }

    @Override
    public long pread(byte[] b, int off, int len, long at) {
        if (at < 0) return -Errno.EINVAL;
        if (at >= content.length) return 0;
        int n = (int) Math.min(len, content.length - at);
        System.arraycopy(content, (int) at, b, off, n);
        return n;
    }

    @Override
    public synchronized long seek(long offset, int whence) {
        long base = switch (whence) {
            case Linux.SEEK_SET -> 0;
            case Linux.SEEK_CUR -> pos;
            case Linux.SEEK_END -> content.length;
            default -> -1;
        };
        if (base < 0 || base + offset < 0) return -Errno.EINVAL;
        pos = base + offset;
        return pos;
    }

    @Override
    public int stat(byte[] statx) {
        // Like Linux's procfs: size 0, so readers read until EOF.
        StatBuf.synth(statx, Linux.S_IFREG | 0444, path.hashCode() & 0x7fffffff, 0, 22);
        return 0;
    }

    @Override
    public String path() {
        return path;
    }
}
