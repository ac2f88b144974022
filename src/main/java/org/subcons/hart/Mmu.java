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

    /** Frames of the trusted return stack a hart may hold (SPEC section 4.3). */
    public static final int TRUSTED_DEPTH = 4096;
    /** Per-subcontext TLB sets a hart keeps in the tagged back-end (least recently used goes). */
    private static final int TLB_SETS = 4;

    Tlb tlb;
    Context ctx;
    Subcontext cur;
    private final Walk walk = new Walk();
    public final FaultInfo fault = walk.fault;
    /** The views back-end: one TLB, flushed on every switch of subcontext; else tagged. */
    private final boolean views;
    /** Tagged back-end: a TLB per subcontext, so switching between them flushes nothing. */
    private final java.util.LinkedHashMap<Subcontext, Tlb> sets = new java.util.LinkedHashMap<>(8, 0.75f, true);
    /** The hart's registers (x1 is the return address a point entry records). */
    private long[] regs = new long[33];

    /** How control may pass into a page of another subcontext (cached in the tagged TLB). */
    static final int VIA_RETURN = 1, VIA_ANYWHERE = 2, VIA_ENTRY = 3, VIA_ANYWHERE_UNCACHED = 4;
    /** The subcontext the hart left last, and its TLB set: switching back is the common case. */
    private Subcontext prevSub;
    private Tlb prevTlb;

    /** The trusted return stack: caller, callee and return address of each point-entry call. */
    final Subcontext[] tsCaller = new Subcontext[TRUSTED_DEPTH], tsCallee = new Subcontext[TRUSTED_DEPTH];
    final long[] tsRa = new long[TRUSTED_DEPTH];
    int tsDepth;

    /** --trace=subcons: told about every transfer between subcontexts (null when not tracing). */
    public java.util.function.Consumer<String> transferLog;

    /** Counters for --stats (added to the kernel's when the hart stops). */
    public long transfers, viewSwitches, traps, tlbFlushes;

    /** Set by a slow path that failed (with {@link #fault} describing why). */
    boolean failed;

    private volatile boolean inGuest;
    private volatile long seenGen;
    private long seenCode;

    /** An MMU running in {@code ctx} with current subcontext {@code cur} (registered for shootdowns). */
    public Mmu(Context ctx, Subcontext cur, boolean views) {
        this.views = views;
        this.tlb = newTlb();
        switchTo(ctx, cur);
    }

    private Tlb newTlb() {
        return new Tlb(views ? Tlb.VIEWS_BITS : Tlb.BITS);
    }

    void bindRegisters(long[] x) {
        regs = x;
    }

    public boolean views() {
        return views;
    }

    public Context context() {
        return ctx;
    }

    public Subcontext current() {
        return cur;
    }

    /** Moves the hart to another context (exec, exit) and subcontext; every cached translation goes. */
    public void switchTo(Context c, Subcontext s) {
        if (c != ctx) {
            if (ctx != null) ctx.removeHart(this);
            if (c != null) c.addHart(this);
        }
        ctx = c;
        flushAll();
        sets.clear();
        sets.put(s, tlb);
        prevSub = null;
        prevTlb = null;
        cur = s;
        tsDepth = 0;
        seenGen = c == null ? 0 : c.generation();
    }

    /** The kernel moves the hart to another subcontext of its context (signal delivery, upcalls). */
    public void enter(Subcontext s) {
        if (s != cur) switchSubcon(s);
    }

    /** Makes {@code s} current: the tagged back-end switches TLB sets; views flushes its one TLB. */
    private void switchSubcon(Subcontext s) {
        if (views) {
            viewSwitches++;
            tlb.flush();
            tlbFlushes++;
        } else if (s == prevSub) {
            Tlb t = prevTlb;
            prevSub = cur;
            prevTlb = tlb;
            tlb = t;
        } else {
            Tlb t = sets.get(s);
            if (t == null) {
                if (sets.size() >= TLB_SETS) {
                    var eldest = sets.entrySet().iterator().next();
                    t = eldest.getValue();
                    sets.remove(eldest.getKey());
                    if (eldest.getKey() == prevSub) prevSub = null;
                    t.flush();
                    tlbFlushes++;
                } else {
                    t = newTlb();
                }
                sets.put(s, t);
            }
            prevSub = cur;
            prevTlb = tlb;
            tlb = t;
        }
        cur = s;
    }

    private void flushAll() {
        tlb.flush();
        tlbFlushes++;
        for (Tlb t : sets.values()) {
            if (t != tlb) {
                t.flush();
                tlbFlushes++;
            }
        }
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
            flushAll();
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

    /** A TLB miss: the tagged back-end walks the global tables, views walks the current view. */
    private boolean walk(long va, int access) {
        return views ? ctx.translateInView(cur, va, access, walk) : ctx.translate(cur, va, access, walk);
    }

    private byte[] readFrame(long va) {
        int i = tlb.index(va);
        if (tlb.rTag[i] == va >>> 12) return tlb.rData[i];
        if (!walk(va, Prot.R)) return fail();
        fill(va);
        return walk.frame.data;
    }

    private byte[] writeFrame(long va) {
        int i = tlb.index(va);
        if (tlb.wTag[i] == va >>> 12) return tlb.wData[i];
        if (!walk(va, Prot.W)) return fail();
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
        int i = tlb.index(va);
        long vpn = va >>> 12;
        tlb.filled(i);
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
    /**
     * The frame for an atomic access (SPEC 4.1): LR needs R, SC needs W, an AMO needs both,
     * checked in one walk so that its fault names what is missing.
     */
    private byte[] atomicFrame(long va, int size, int access) {
        if ((va & (size - 1)) != 0) {
            fault.set(FaultInfo.BUS, va, access == Prot.R ? Prot.R : Prot.W, cur, null, 0);
            return fail();
        }
        sync();         // an atomic is a synchronisation point: see other harts' unmaps
        if (access == Prot.R) return readFrame(va);
        if (access == Prot.W) return writeFrame(va);
        int i = tlb.index(va);
        if (tlb.wTag[i] == va >>> 12 && tlb.rTag[i] == va >>> 12) return tlb.wData[i];
        if (!walk(va, Prot.R | Prot.W)) return fail();
        Frame f = walk.frame;
        if (f.decoded != null) dropCode(f);
        fill(va);
        return f.data;
    }

    /** An AMO; returns the old value (sign-extended for words) with fault set on failure. */
    long amo(int op, long va, long src) {
        failed = false;
        boolean word = op < Op.AMOSWAP_D;
        byte[] d = atomicFrame(va, word ? 4 : 8, Prot.R | Prot.W);
        if (d == null) return 0;
        int off = (int) va & 0xfff;
        return word ? Atomics.amo32(d, off, op, (int) src) : Atomics.amo64(d, off, op, src);
    }

    private long resAddr = -1, resValue;

    long loadReserved(long va, boolean word) {
        failed = false;
        byte[] d = atomicFrame(va, word ? 4 : 8, Prot.R);
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
        byte[] d = atomicFrame(va, word ? 4 : 8, Prot.W);
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
        Tlb t = tlb;
        int i = (int) (pc >>> 12) & Tlb.XMASK;
        if (t.xTag[i] == pc >>> 12) {
            DecodedPage p = t.xPage[i];
            if (p.frame.decoded == p) {
                Subcontext target = t.xTarget[i];
                if (target == null || fastTransfer(t, i, pc, target)) return p;
            }
        }
        return fetchSlow(pc);
    }

    /**
     * The tagged back-end's transfer without a walk: the decision the slow path made for
     * this page of another subcontext, re-checked against this pc and the trusted stack.
     * Rights and entries are cached only until a revocation flushes every TLB.
     */
    private boolean fastTransfer(Tlb t, int i, long pc, Subcontext target) {
        int top = tsDepth - 1;
        int kind;
        if (top >= 0 && tsRa[top] == pc && tsCaller[top] == target && tsCallee[top] == cur) {
            tsDepth = top;                  // a return pops its frame, whatever else would allow it
            tsCaller[top] = tsCallee[top] = null;
            kind = VIA_RETURN;
        } else {
            kind = t.xKind[i];
            if (kind == VIA_RETURN) return false;
            if (kind == VIA_ENTRY) {
                if (t.xEntry[i] != pc || tsDepth == TRUSTED_DEPTH) return false;
                tsCaller[tsDepth] = cur;
                tsCallee[tsDepth] = target;
                tsRa[tsDepth++] = regs[1];
            }
        }
        if (transferLog != null) transferLog.accept(String.format("transfer %s -> %s at 0x%x (%s, depth %d)", cur, target, pc,
                kind == VIA_RETURN ? "return" : kind == VIA_ENTRY ? "entry" : "call-anywhere", tsDepth));
        transfers++;
        switchSubcon(target);
        return true;
    }

    private DecodedPage fetchSlow(long pc) {
        int r = ctx.fetch(cur, pc, walk);
        Tlb from = null;
        int via = 0;
        Subcontext target = null;
        if (r == Context.FETCH_TRANSFER) {
            from = tlb;
            target = walk.fault.owner;
            via = transfer(pc, target, walk.fault.rights);
            if (via == 0) {
                failed = true;
                return null;
            }
            r = ctx.fetch(cur, pc, walk);
        }
        if (r != Context.FETCH_OK) {
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
                flushAll();
            }
            f.decoded = p;
        }
        int i = (int) (pc >>> 12) & Tlb.XMASK;
        tlb.xTag[i] = pc >>> 12;
        tlb.xPage[i] = p;
        tlb.xTarget[i] = null;
        if (from != null && !views && via != VIA_ANYWHERE_UNCACHED) {
            // Remember, in the TLB of the subcontext we came from, how control may pass here.
            from.xTag[i] = pc >>> 12;
            from.xPage[i] = p;
            from.xTarget[i] = target;
            from.xKind[i] = via;
            from.xEntry[i] = pc;
        }
        return p;
    }

    /**
     * Control passes from the current subcontext S into {@code target} T at {@code pc}
     * (SPEC section 4.2-4.3): a return to the address on top of the trusted stack (pop), a
     * call with call-anywhere rights, or a call through a point entry (push). Otherwise it is
     * a subcontext fault. In the views back-end this is the kernel's page-fault path: a trap.
     */
    /** Returns how control passed (a VIA_* kind), or 0 when it may not (fault set). */
    private int transfer(long pc, Subcontext target, int rights) {
        if (views) traps++;
        int top = tsDepth - 1;
        String how;
        int via;
        if (top >= 0 && tsRa[top] == pc && tsCaller[top] == target && tsCallee[top] == cur) {
            tsDepth = top;
            tsCaller[top] = tsCallee[top] = null;
            how = "return";
            via = VIA_RETURN;
        } else if (ctx.memory().isEntry(cur, target, pc)) {
            // A point entry pushes a return frame even for a caller that could call anywhere:
            // more rights must never break a callee's return (SPEC 4.3).
            if (tsDepth == TRUSTED_DEPTH) {
                fault.set(FaultInfo.SUBCON, pc, Prot.X, cur, target, rights);
                return 0;
            }
            tsCaller[tsDepth] = cur;
            tsCallee[tsDepth] = target;
            tsRa[tsDepth++] = regs[1];
            how = "entry";
            via = VIA_ENTRY;
        } else if ((rights & Prot.X) != 0) {
            how = "call-anywhere";
            // Cached for the whole page only if no entry on it would need a push instead.
            via = ctx.memory().hasEntryIn(cur, target, pc & ~0xfffL, (pc & ~0xfffL) + 4096) ? VIA_ANYWHERE_UNCACHED : VIA_ANYWHERE;
        } else {
            if (transferLog != null) transferLog.accept(String.format("denied transfer %s -> %s at 0x%x", cur, target, pc));
            return 0;               // fault already describes it
        }
        if (transferLog != null) transferLog.accept(String.format("transfer %s -> %s at 0x%x (%s, depth %d)", cur, target, pc, how, tsDepth));
        transfers++;
        switchSubcon(target);
        return via;
    }

    /** sc_return: transfers made inside the upcall that never returned are forgotten. */
    void truncateTrusted(int depth) {
        while (tsDepth > depth) {
            tsDepth--;
            tsCaller[tsDepth] = tsCallee[tsDepth] = null;
        }
    }

    /** The trusted stack's depth (for tests and diagnostics). */
    public int trustedDepth() {
        return tsDepth;
    }

    /** A child thread of fork keeps its trusted stack, with subcontexts mapped to their copies. */
    public void copyTrustedStack(Mmu from, java.util.Map<Subcontext, Subcontext> copies, int depth) {
        for (int i = 0; i < depth; i++) {
            tsCaller[i] = copies.getOrDefault(from.tsCaller[i], from.tsCaller[i]);
            tsCallee[i] = copies.getOrDefault(from.tsCallee[i], from.tsCallee[i]);
            tsRa[i] = from.tsRa[i];
        }
        tsDepth = depth;
    }

    /** The second halfword of an instruction that straddles into the next page, or -1 with fault set. */
    int fetchHalfword(long va) {
        Tlb t = tlb;
        int i = (int) (va >>> 12) & Tlb.XMASK;
        if (t.xTag[i] == va >>> 12 && t.xTarget[i] == null) {
            DecodedPage p = t.xPage[i];
            if (p.frame != null && p.frame.decoded == p) {       // our own executable page, still current
                byte[] d = p.frame.data;
                int off = (int) va & 0xfff;
                return (d[off] & 0xff) | (d[off + 1] & 0xff) << 8;
            }
        }
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
        flushAll();
    }

}
