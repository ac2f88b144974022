package org.subcons.hart;

import jdk.internal.misc.Unsafe;

/**
 * Atomic memory operations on guest frames, atomic across host threads and against plain
 * stores: each is one hardware read-modify-write on the frame's byte[] (sequentially
 * consistent, which satisfies every aq/rl bit).
 *
 * <p>Why the JDK's internal Unsafe: frames are byte[] because byte-array VarHandles are the
 * fastest plain access (measured ~2x faster than MemorySegment views), but since JDK 22
 * those VarHandles no longer offer atomic modes on byte[]. Unsafe's CAS on a naturally
 * aligned element of the same array is what they used to do. It is confined to this class.
 */
final class Atomics {
    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long BASE = Unsafe.ARRAY_BYTE_BASE_OFFSET;

    static {
        if (BASE % 8 != 0) throw new ExceptionInInitializerError("byte[] data is not 8-byte aligned");
    }

    private Atomics() {
    }

    static int loadInt(byte[] d, int off) {
        return U.getIntVolatile(d, BASE + off);
    }

    static long loadLong(byte[] d, int off) {
        return U.getLongVolatile(d, BASE + off);
    }

    static boolean casInt(byte[] d, int off, int expect, int update) {
        return U.compareAndSetInt(d, BASE + off, expect, update);
    }

    static boolean casLong(byte[] d, int off, long expect, long update) {
        return U.compareAndSetLong(d, BASE + off, expect, update);
    }

    /** A 32-bit AMO on the little-endian word at {@code off} (the host is little-endian too). */
    static long amo32(byte[] d, int off, int op, int src) {
        long a = BASE + off;
        int old;
        switch (op) {
            case Op.AMOSWAP_W -> old = U.getAndSetInt(d, a, src);
            case Op.AMOADD_W -> old = U.getAndAddInt(d, a, src);
            case Op.AMOXOR_W -> old = U.getAndBitwiseXorInt(d, a, src);
            case Op.AMOAND_W -> old = U.getAndBitwiseAndInt(d, a, src);
            case Op.AMOOR_W -> old = U.getAndBitwiseOrInt(d, a, src);
            default -> {
                do {
                    old = U.getIntVolatile(d, a);
                } while (!U.compareAndSetInt(d, a, old, select32(op, old, src)));
            }
        }
        return old;
    }

    private static int select32(int op, int a, int b) {
        return switch (op) {
            case Op.AMOMIN_W -> Math.min(a, b);
            case Op.AMOMAX_W -> Math.max(a, b);
            case Op.AMOMINU_W -> Integer.compareUnsigned(a, b) <= 0 ? a : b;
            default -> Integer.compareUnsigned(a, b) >= 0 ? a : b;
        };
    }

    static long amo64(byte[] d, int off, int op, long src) {
        long a = BASE + off;
        long old;
        switch (op) {
            case Op.AMOSWAP_D -> old = U.getAndSetLong(d, a, src);
            case Op.AMOADD_D -> old = U.getAndAddLong(d, a, src);
            case Op.AMOXOR_D -> old = U.getAndBitwiseXorLong(d, a, src);
            case Op.AMOAND_D -> old = U.getAndBitwiseAndLong(d, a, src);
            case Op.AMOOR_D -> old = U.getAndBitwiseOrLong(d, a, src);
            default -> {
                do {
                    old = U.getLongVolatile(d, a);
                } while (!U.compareAndSetLong(d, a, old, select64(op, old, src)));
            }
        }
        return old;
    }

    private static long select64(int op, long a, long b) {
        return switch (op) {
            case Op.AMOMIN_D -> Math.min(a, b);
            case Op.AMOMAX_D -> Math.max(a, b);
            case Op.AMOMINU_D -> Long.compareUnsigned(a, b) <= 0 ? a : b;
            default -> Long.compareUnsigned(a, b) >= 0 ? a : b;
        };
    }
}
