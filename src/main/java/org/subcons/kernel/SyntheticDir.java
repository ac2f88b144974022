package org.subcons.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.subcons.host.Errno;
import org.subcons.host.Linux;

/** A read-only directory whose entries the kernel made up when it was opened (/proc/self, /proc/self/fd). */
public final class SyntheticDir extends OpenFile {
    public static final int DT_DIR = 4, DT_REG = 8, DT_LNK = 10;

    /** One name in the directory and its d_type. */
    public record Entry(String name, int type) {
    }

    private final String path;
    private final List<Entry> entries;
    /** The next entry getdents returns: 0 is ".", 1 "..", then the entries. */
    private int pos;

    public SyntheticDir(String path, List<Entry> entries) {
        super(Linux.O_RDONLY | Linux.O_DIRECTORY);
        this.path = path;
        this.entries = List.copyOf(entries);
    }

    @Override
    public synchronized int getdents(byte[] buf, int len) {
        int off = 0;
        while (pos < entries.size() + 2) {
            String name = pos == 0 ? "." : pos == 1 ? ".." : entries.get(pos - 2).name();
            int type = pos < 2 ? DT_DIR : entries.get(pos - 2).type();
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int reclen = (19 + n.length + 1 + 7) & ~7;          // struct linux_dirent64, 8-aligned
            if (off + reclen > len) break;
            UserMemory.putLong(buf, off, (path + "/" + name).hashCode() & 0x7fffffffL);
            UserMemory.putLong(buf, off + 8, pos + 1);
            buf[off + 16] = (byte) reclen;
            buf[off + 17] = (byte) (reclen >> 8);
            buf[off + 18] = (byte) type;
            System.arraycopy(n, 0, buf, off + 19, n.length);
            java.util.Arrays.fill(buf, off + 19 + n.length, off + reclen, (byte) 0);
            off += reclen;
            pos++;
        }
        return off == 0 && pos < entries.size() + 2 ? -Errno.EINVAL : off;
    }

    @Override
    public synchronized long seek(long offset, int whence) {
        if (whence != Linux.SEEK_SET || offset < 0) return -Errno.EINVAL;
        pos = (int) Math.min(offset, entries.size() + 2);
        return pos;
    }

    @Override
    public long read(Task t, byte[] b, int off, int len) {
        return -Errno.EISDIR;
    }

    @Override
    public int stat(byte[] statx) {
        StatBuf.synth(statx, Linux.S_IFDIR | 0555, path.hashCode() & 0x7fffffff, 0, 22);
        return 0;
    }

    @Override
    public String path() {
        return path;
    }
}
