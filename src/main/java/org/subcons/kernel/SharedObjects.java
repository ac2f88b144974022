package org.subcons.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.host.Statx;
import org.subcons.mem.Frame;
import org.subcons.mem.PhysicalMemory;
import org.subcons.subcon.Backing;

/**
 * The objects MAP_SHARED mappings share: one set of frames per host file (so every
 * process mapping it sees the same pages) and anonymous shared memory. Shared file pages
 * are written back to the file on msync and munmap.
 *
 * <p>Linux has one page cache for mappings and read/write; here the host has the file and
 * this kernel the mapped pages, so {@link HostFile} keeps the two coherent while a file has
 * shared mappings: a read sees the mapped pages ({@link #readThrough}), a write goes to
 * them as well as to the host ({@link #writeThrough}), so a later write-back cannot undo it.
 */
public final class SharedObjects {
    private final PhysicalMemory phys;
    private final Map<Long, Pages> files = new HashMap<>();
    /** files.size(), read without the lock: file I/O looks no further while it is 0. */
    private volatile int liveFiles;

    public SharedObjects(PhysicalMemory phys) {
        this.phys = phys;
    }

    /** The frames of one object, by page offset. */
    private final class Pages {
        final ConcurrentHashMap<Long, Frame> byOffset = new ConcurrentHashMap<>();
        int users;

        Frame get(long offset, Backing source) {
            return byOffset.computeIfAbsent(offset, o -> {
                Frame f = phys.allocate();
                if (f != null && source.readPage(o, f.data) < 0) return null;
                return f;
            });
        }
    }

    /** The identity of a host file (its device and inode) by which its shared pages are found. */
    static long fileKey(byte[] statx) {
        return Statx.ino(statx) * 31 + ((long) Statx.u32(statx, Statx.DEV_MAJOR) << 20 | Statx.u32(statx, Statx.DEV_MINOR));
    }

    /** Whether any host file has shared pages now. */
    boolean anyFiles() {
        return liveFiles > 0;
    }

    private synchronized Pages filePages(long key) {
        return files.get(key);
    }

    /** Whether the file with this key has shared mappings now. */
    boolean hasPages(long key) {
        return filePages(key) != null;
    }

    /** Copies over b[off, off+n), the file's bytes from pos, what its shared pages hold. */
    void readThrough(long key, long pos, byte[] b, int off, int n) {
        copyThrough(key, pos, b, off, n, false);
    }

    /** Copies b[off, off+n), just written to the file at pos, into its shared pages. */
    void writeThrough(long key, long pos, byte[] b, int off, int n) {
        copyThrough(key, pos, b, off, n, true);
    }

    /** Copies between b[off, off+n) (the file's bytes from pos) and the pages of them that are shared. */
    private void copyThrough(long key, long pos, byte[] b, int off, int n, boolean toPages) {
        Pages p = filePages(key);
        if (p == null) return;
        for (long page = pos & ~Frame.MASK; page < pos + n; page += Frame.SIZE) {
            Frame f = p.byOffset.get(page);
            if (f == null) continue;
            long from = Math.max(page, pos), to = Math.min(page + Frame.SIZE, pos + n);
            int inPage = (int) (from - page), inB = off + (int) (from - pos), len = (int) (to - from);
            if (toPages) {
                f.decoded = null;                   // as for any store: decoded code goes
                System.arraycopy(b, inB, f.data, inPage, len);
            } else {
                System.arraycopy(f.data, inPage, b, inB, len);
            }
        }
    }

    /** The file was truncated to length: its shared pages hold zeros past the end, as Linux's do. */
    void truncated(long key, long length) {
        Pages p = filePages(key);
        if (p == null) return;
        for (var e : p.byOffset.entrySet()) {
            long page = e.getKey();
            if (page + Frame.SIZE <= length) continue;
            Frame f = e.getValue();
            f.decoded = null;
            java.util.Arrays.fill(f.data, (int) Math.max(0, length - page), Frame.SIZE, (byte) 0);
        }
    }

    /** A backing for mappings of a host file (private mappings read from it, shared ones share its frames). */
    public synchronized Backing fileBacking(HostFile file, byte[] statx) {
        long key = fileKey(statx);
        Pages pages = files.computeIfAbsent(key, k -> new Pages());
        liveFiles = files.size();
        pages.users++;
        int fd = Host.dup(file.hostFd());
        long devIno = (long) (Statx.u32(statx, Statx.DEV_MAJOR) << 8 | Statx.u32(statx, Statx.DEV_MINOR)) << 32
                | (Statx.ino(statx) & 0xffffffffL);
        return new FileBacking(fd, file.path(), pages, key, devIno);
    }

    /** A fresh anonymous shared object (MAP_SHARED|MAP_ANONYMOUS). */
    public Backing anonymous() {
        return new AnonBacking(new Pages());
    }

    private synchronized void drop(long key, Pages pages) {
        if (--pages.users == 0) files.remove(key, pages);
        liveFiles = files.size();
    }

    private final class FileBacking implements Backing {
        private final int fd;
        private final String path;
        private final Pages pages;
        private final long key, devIno;
        private final AtomicInteger refs = new AtomicInteger(1);

        FileBacking(int fd, String path, Pages pages, long key, long devIno) {
            this.fd = fd;
            this.path = path;
            this.pages = pages;
            this.key = key;
            this.devIno = devIno;
        }

        @Override
        public int readPage(long offset, byte[] dst) {
            int n = Host.pread(fd, dst, 0, Frame.SIZE, offset);
            return Math.min(n, 0);
        }

        @Override
        public Frame sharedPage(long offset) {
            return pages.get(offset, this);
        }

        @Override
        public void writeBack(long offset, Frame frame) {
            byte[] sx = new byte[Linux.SIZEOF_STATX];
            if (Host.statx(fd, "", Linux.AT_EMPTY_PATH, Linux.STATX_SIZE, sx) < 0) return;
            long n = Math.min(Frame.SIZE, Statx.size(sx) - offset);
            if (n > 0) Host.pwrite(fd, frame.data, 0, (int) n, offset);
        }

        @Override
        public String mapsName() {
            return path;
        }

        @Override
        public long mapsDevIno() {
            return devIno;
        }

        @Override
        public Backing retain() {
            refs.incrementAndGet();
            return this;
        }

        @Override
        public void release() {
            if (refs.decrementAndGet() == 0) {
                Host.close(fd);
                drop(key, pages);
            }
        }
    }

    private static final class AnonBacking implements Backing {
        private final Pages pages;

        AnonBacking(Pages pages) {
            this.pages = pages;
        }

        @Override
        public int readPage(long offset, byte[] dst) {
            return 0;
        }

        @Override
        public Frame sharedPage(long offset) {
            return pages.get(offset, this);
        }

        @Override
        public String mapsName() {
            return "/dev/zero (deleted)";
        }
    }
}
