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
 * <p>Limitation: a write(2) to a file does not update pages already mapped from it; Linux
 * has one page cache for both, this kernel has the host's for files and its own for maps.
 */
public final class SharedObjects {
    private final PhysicalMemory phys;
    private final Map<Long, Pages> files = new HashMap<>();

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

    /** A backing for mappings of a host file (private mappings read from it, shared ones share its frames). */
    public synchronized Backing fileBacking(HostFile file, byte[] statx) {
        long key = Statx.ino(statx) * 31 + ((long) Statx.u32(statx, Statx.DEV_MAJOR) << 20 | Statx.u32(statx, Statx.DEV_MINOR));
        Pages pages = files.computeIfAbsent(key, k -> new Pages());
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
