package org.subcons.host;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Field readers for a raw struct statx as filled by {@link Host#statx}. The layout is fixed by
 * the kernel for every architecture; timestamps are {s64 sec, u32 nsec, s32 pad}.
 */
public final class Statx {
    private Statx() {}

    public static final int MASK = 0, BLKSIZE = 4, ATTRIBUTES = 8, NLINK = 16, UID = 20, GID = 24,
            MODE = 28, INO = 32, SIZE = 40, BLOCKS = 48, ATTRIBUTES_MASK = 56,
            ATIME = 64, BTIME = 80, CTIME = 96, MTIME = 112,
            RDEV_MAJOR = 128, RDEV_MINOR = 132, DEV_MAJOR = 136, DEV_MINOR = 140, MNT_ID = 144;

    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    public static int u32(byte[] b, int off) { return (int) U32.get(b, off); }
    public static long u64(byte[] b, int off) { return (long) U64.get(b, off); }

    public static int mask(byte[] b) { return u32(b, MASK); }
    /** st_mode: file type and permission bits. */
    public static int mode(byte[] b) { return Short.toUnsignedInt((short) U16.get(b, MODE)); }
    public static int nlink(byte[] b) { return u32(b, NLINK); }
    public static int uid(byte[] b) { return u32(b, UID); }
    public static int gid(byte[] b) { return u32(b, GID); }
    public static long ino(byte[] b) { return u64(b, INO); }
    public static long size(byte[] b) { return u64(b, SIZE); }
    public static long blocks(byte[] b) { return u64(b, BLOCKS); }
    /** Seconds of the timestamp at {@code off} (ATIME, BTIME, CTIME or MTIME). */
    public static long sec(byte[] b, int off) { return u64(b, off); }
    /** Nanoseconds of the timestamp at {@code off}. */
    public static int nsec(byte[] b, int off) { return u32(b, off + 8); }
}
