package org.subcons.hart;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.subcons.mem.Frame;
import org.subcons.subcon.Context;
import org.subcons.subcon.FaultInfo;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.TlbHolder;
import org.subcons.subcon.Walk;

/**
 * A hart's memory management unit: its TLB, the slow paths behind it, atomics, and
 * instruction fetch through the decoded-page cache. The hart asks the MMU; the MMU asks
 * the context (and through it the subcontext tables) on a miss. A failed access leaves
 * {@link #fault} describing it and returns a neutral value: no exceptions on these paths.
 */
public final class Mmu implements TlbHolder {
    static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Bumped whenever a decoded page may have gone stale; every hart then drops its caches. */
    private static final AtomicLong CODE_EPOCH = new AtomicLong();
    /** Frames decoded while they could be written: fence.i drops their decoded pages. */
    private static final Set<Frame> WRITABLE_CODE = ConcurrentHashMap.newKeySet();

    Tlb tlb = new Tlb();
    Context ctx;
    Subcontext cur;
    private final Walk walk = new Walk();
    public final FaultInfo fault = walk.fault;

    /** Set by a slow path that failed (with {@link #fault} describing why). */
    boolean failed;

    private volatile boolean inGuest;
    private volatile long seenGen;
    private long seenCode;

    /** An MMU running in {@code ctx} with current subcontext {@code cur} (registered for shootdowns). */
    public Mmu(Context ctx, Subcontext cur) {
        switchTo(ctx, cur);
    }

    public Context context() {
        return ctx;
    }

    public Subcontext current() {
        return cur;
    }

    /** Moves the hart to another context (exec) or subcontext; all cached translations go. */
    public void switchTo(Context c, Subcontext s) {
        if (c != ctx) {
            if (ctx != null) ctx.removeHart(this);
            if (c != null) c.addHart(this);
        }
        ctx = c;
        cur = s;
        tlb.flush();
        seenGen = c == null ? 0 : c.generation();
    }

    @Override
    public boolean inGuest() {
        return inGuest;
    }

    @Override
    public long seenGeneration() {
        return seenGen;
    }

    void enterGuest() {
        inGuest = true;      // publish before reading the generation (pairs with the shootdown)
        sync();
    }

    void leaveGuest() {
        inGuest = false;
    }

    /** Drops cached translations if the context or the code epoch moved on. */
    public void sync() {
        long g = ctx.generation();
        long c = CODE_EPOCH.get();
        if (g != seenGen || c != seenCode) {
            tlb.flush();
            seenCode = c;
            seenGen = g;
        }
    }

    // ---- data access slow paths -------------------------------------------------------

    /** Loads {@code size} bytes (1, 2, 4, 8) little-endian, any alignment; 0 with fault set on failure. */
    long load(long va, int size) {
        failed = false;
        int off = (int) va & 0xfff;
        if (off + size <= Frame.SIZE) {
            byte[] d = readFrame(va);
            return d == null ? 0 : get(d, off, size);
        }
        long v = 0;
        for (int k = 0; k < size; k++) {
            byte[] d = readFrame(va + k);
            if (d == null) return 0;
            v |= (d[(int) (va + k) & 0xfff] & 0xffL) << (8 * k);
        }
        return v;
    }

    /** Stores the low {@code size} bytes of {@code v}; false with fault set on failure (nothing written). */
    boolean store(long va, int size, long v) {
        failed = false;
        int off = (int) va & 0xfff;
        if (off + size <= Frame.SIZE) {
            byte[] d = writeFrame(va);
            if (d == null) return false;
            put(d, off, size, v);
            return true;
        }
        if (writeFrame(va) == null || writeFrame(va + size - 1) == null) return false;
        for (int k = 0; k < size; k++) writeFrame(va + k)[(int) (va + k) & 0xfff] = (byte) (v >>> (8 * k));
        return true;
    }

    private static long get(byte[] d, int off, int size) {
        return switch (size) {
            case 1 -> d[off] & 0xffL;
            case 2 -> (short) LE16.get(d, off) & 0xffffL;
            case 4 -> (int) LE32.get(d, off) & 0xffffffffL;
            default -> (long) LE64.get(d, off);
        };
    }

    private static void put(byte[] d, int off, int size, long v) {
        switch (size) {
            case 1 -> d[off] = (byte) v;
            case 2 -> LE16.set(d, off, (short) v);
            case 4 -> LE32.set(d, off, (int) v);
            default -> LE64.set(d, off, v);
        }
    }

    private byte[] readFrame(long va) {
        int i = Tlb.index(va);
        if (tlb.rTag[i] == va >>> 12) return tlb.rData[i];
        if (!ctx.translate(cur, va, Prot.R, walk)) return fail();
        fill(va);
        return walk.frame.data;
    }

    private byte[] writeFrame(long va) {
        int i = Tlb.index(va);
        if (tlb.wTag[i] == va >>> 12) return tlb.wData[i];
        if (!ctx.translate(cur, va, Prot.W, walk)) return fail();
        Frame f = walk.frame;
        if (f.decoded != null) dropCode(f);     // a store into code: its decoding is stale
        fill(va);
        return f.data;
    }

    private byte[] fail() {
        failed = true;
        return null;
    }

    private void fill(long va) {
        int i = Tlb.index(va);
        long vpn = va >>> 12;
        Frame f = walk.frame;
        if ((walk.effective & Prot.R) != 0) {
            tlb.rTag[i] = vpn;
            tlb.rData[i] = f.data;
        } else {
            tlb.rTag[i] = -1;
        }
        if (walk.writable && f.decoded == null) {
            f.writeMapped = true;
            tlb.wTag[i] = vpn;
            tlb.wData[i] = f.data;
        } else {
            tlb.wTag[i] = -1;
        }
    }

    // ---- atomics ----------------------------------------------------------------------

    /** The frame bytes for an atomic access, which needs read and write and natural alignment. */
    private byte[] atomicFrame(long va, int size) {
        if ((va & (size - 1)) != 0) {
            fault.set(FaultInfo.BUS, va, Prot.W, cur, null, 0);
            return fail();
        }
        sync();         // an atomic is a synchronisation point: see other harts' unmaps
        if (readFrame(va) == null) return null;
        return writeFrame(va);
    }

    /** An AMO; returns the old value (sign-extended for words) with fault set on failure. */
    long amo(int op, long va, long src) {
        failed = false;
        boolean word = op < Op.AMOSWAP_D;
        byte[] d = atomicFrame(va, word ? 4 : 8);
        if (d == null) return 0;
        int off = (int) va & 0xfff;
        return word ? Atomics.amo32(d, off, op, (int) src) : Atomics.amo64(d, off, op, src);
    }

    private long resAddr = -1, resValue;

    long loadReserved(long va, boolean word) {
        failed = false;
        byte[] d = atomicFrame(va, word ? 4 : 8);
        if (d == null) return 0;
        int off = (int) va & 0xfff;
        long v = word ? Atomics.loadInt(d, off) : Atomics.loadLong(d, off);
        resAddr = word ? va | 1L << 63 : va;
        resValue = v;
        return v;
    }

    /** Returns 0 on success, 1 on failure, or -1 with fault set. */
    int storeConditional(long va, long v, boolean word) {
        failed = false;
        byte[] d = atomicFrame(va, word ? 4 : 8);
        if (d == null) return -1;
        long tag = word ? va | 1L << 63 : va;
        boolean matched = resAddr == tag;
        resAddr = -1;
        if (!matched) return 1;
        int off = (int) va & 0xfff;
        boolean ok = word ? Atomics.casInt(d, off, (int) resValue, (int) v) : Atomics.casLong(d, off, resValue, v);
        return ok ? 0 : 1;
    }

    /** Forgets any reservation (context switches, traps), as an interrupt would. */
    public void clearReservation() {
        resAddr = -1;
    }

    // ---- instruction fetch ------------------------------------------------------------

    /** The decoded page holding {@code pc}, or null with fault set. */
    DecodedPage fetch(long pc) {
        failed = false;
        int i = (int) (pc >>> 12) & Tlb.XMASK;
        if (tlb.xTag[i] == pc >>> 12) {
            DecodedPage p = tlb.xPage[i];
            if (p.frame.decoded == p) return p;
        }
        return fetchSlow(pc);
    }

    private DecodedPage fetchSlow(long pc) {
        if (!ctx.translate(cur, pc, Prot.X, walk)) {
            failed = true;
            return null;
        }
        Frame f = walk.frame;
        DecodedPage p = (DecodedPage) f.decoded;
        if (p == null) {
            p = new DecodedPage(f);
            if (f.writeMapped || walk.writable) {
                // Writes to this frame may bypass the slow path in some hart's TLB: make them all re-walk.
                f.writeMapped = false;
                WRITABLE_CODE.add(f);
                CODE_EPOCH.incrementAndGet();
                tlb.flush();
            }
            f.decoded = p;
        }
        int i = (int) (pc >>> 12) & Tlb.XMASK;
        tlb.xTag[i] = pc >>> 12;
        tlb.xPage[i] = p;
        return p;
    }

    /** The second halfword of an instruction that straddles into the next page, or -1 with fault set. */
    int fetchHalfword(long va) {
        if (!ctx.translate(cur, va, Prot.X, walk)) {
            failed = true;
            return -1;
        }
        byte[] d = walk.frame.data;
        int off = (int) va & 0xfff;
        return (d[off] & 0xff) | (d[off + 1] & 0xff) << 8;
    }

    /** Other harts notice through the exec-TLB check ({@code frame.decoded == page}) on their next fetch. */
    private static void dropCode(Frame f) {
        f.decoded = null;
    }

    /** fence.i and riscv_flush_icache: later fetches see every store made before. */
    public void fenceI() {
        for (Frame f : WRITABLE_CODE) f.decoded = null;
        WRITABLE_CODE.clear();
        CODE_EPOCH.incrementAndGet();
        tlb.flush();
    }

}
