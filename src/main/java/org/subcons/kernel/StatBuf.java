package org.subcons.kernel;

import static org.subcons.kernel.UserMemory.putInt;
import static org.subcons.kernel.UserMemory.putLong;

import org.subcons.host.Linux;
import org.subcons.host.Statx;

/** Builds host-layout statx records for synthesized files, and converts statx to the riscv64 struct stat. */
public final class StatBuf {
    /** Size of the riscv64 (asm-generic) struct stat. */
    public static final int STAT_SIZE = 128;

    private StatBuf() {
    }

    /** A statx record for a file the kernel makes up (pipes, /proc files, in-memory streams). */
    public static void synth(byte[] b, int mode, long ino, long size, int dev) {
        java.util.Arrays.fill(b, (byte) 0);
        putInt(b, Statx.MASK, Linux.STATX_BASIC_STATS);
        putInt(b, Statx.BLKSIZE, 4096);
        putInt(b, Statx.NLINK, 1);
        putInt(b, Statx.UID, org.subcons.host.Host.getuid());
        putInt(b, Statx.GID, org.subcons.host.Host.getgid());
        b[Statx.MODE] = (byte) mode;
        b[Statx.MODE + 1] = (byte) (mode >>> 8);
        putLong(b, Statx.INO, ino);
        putLong(b, Statx.SIZE, size);
        putLong(b, Statx.BLOCKS, (size + 511) / 512);
        long now = System.currentTimeMillis();
        for (int t : new int[] {Statx.ATIME, Statx.BTIME, Statx.CTIME, Statx.MTIME}) {
            putLong(b, t, now / 1000);
            putInt(b, t + 8, (int) (now % 1000) * 1_000_000);
        }
        putInt(b, Statx.DEV_MAJOR, 0);
        putInt(b, Statx.DEV_MINOR, dev);
    }

    /** Linux's new_encode_dev: the st_dev / st_rdev encoding of the stat family. */
    public static long encodeDev(int major, int minor) {
        return (minor & 0xffL) | ((long) (major & 0xfff) << 8) | ((long) (minor & ~0xff) << 12);
    }

    /** The riscv64 struct stat for a statx record. */
    public static byte[] toStat(byte[] x) {
        byte[] s = new byte[STAT_SIZE];
        putLong(s, 0, encodeDev(Statx.u32(x, Statx.DEV_MAJOR), Statx.u32(x, Statx.DEV_MINOR)));
        putLong(s, 8, Statx.ino(x));
        putInt(s, 16, Statx.mode(x));
        putInt(s, 20, Statx.nlink(x));
        putInt(s, 24, Statx.uid(x));
        putInt(s, 28, Statx.gid(x));
        putLong(s, 32, encodeDev(Statx.u32(x, Statx.RDEV_MAJOR), Statx.u32(x, Statx.RDEV_MINOR)));
        putLong(s, 48, Statx.size(x));
        putInt(s, 56, Statx.u32(x, Statx.BLKSIZE));
        putLong(s, 64, Statx.blocks(x));
        putLong(s, 72, Statx.sec(x, Statx.ATIME));
        putLong(s, 80, Statx.nsec(x, Statx.ATIME));
        putLong(s, 88, Statx.sec(x, Statx.MTIME));
        putLong(s, 96, Statx.nsec(x, Statx.MTIME));
        putLong(s, 104, Statx.sec(x, Statx.CTIME));
        putLong(s, 112, Statx.nsec(x, Statx.CTIME));
        return s;
    }

    public static int fileType(byte[] statx) {
        return Statx.mode(statx) & Linux.S_IFMT;
    }
}
