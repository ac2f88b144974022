package org.subcons.hart;

import static org.subcons.hart.Mmu.LE16;
import static org.subcons.hart.Mmu.LE32;
import static org.subcons.hart.Mmu.LE64;

/**
 * One RV64GC hart in user mode: the register file and the interpreter loop.
 *
 * <p>The loop runs decoded instructions out of the per-page cache, keeps pc and the TLB
 * arrays in locals, and does loads and stores inline on a TLB hit. Everything rare (FP
 * arithmetic, CSRs, atomics, traps) is out of line so the loop stays small enough for
 * HotSpot to compile well. Traps are return codes, never exceptions: the loop returns
 * {@code EXIT_*} with {@link #pc} at the instruction that trapped.
 */
public final class Hart {
    /** The instruction budget ran out (or an event asked for a check): call run again. */
    public static final int EXIT_CHECKPOINT = 0;
    /** An ecall at pc. */
    public static final int EXIT_ECALL = 1;
    /** A memory fault at pc; details in {@code mmu.fault}. */
    public static final int EXIT_FAULT = 2;
    /** An illegal instruction at pc ({@link #badInsn}). */
    public static final int EXIT_ILLEGAL = 3;
    /** An ebreak at pc. */
    public static final int EXIT_BREAKPOINT = 4;

    /** x0..x31, and x[32], the sink that absorbs writes to x0. */
    public final long[] x = new long[33];
    /** f0..f31 as raw 64-bit patterns (singles NaN-boxed). */
    public final long[] f = new long[32];
    public long pc;
    public final Fpu fpu = new Fpu();
    /** The dynamic rounding mode (frm); fflags live in {@code fpu.flags}. */
    public int frm;
    /** Instructions retired. */
    public long instret;
    /** Instructions a compiled unit retired in its last run. */
    int unitCount;
    /** Upcalls in progress (SPEC section 6), innermost last. */
    final UpcallFrame[] frames = new UpcallFrame[Upcalls.MAX_DEPTH];
    public int upcallDepth;
    public UpcallFrame frameAt(int i) {
        return frames[i];
    }

    /** Upcalls made (for --stats). */
    public long upcalls;
    /** Stacks in servers for upcalls; null: this hart cannot make upcalls itself. */
    public UpcallSupport upcallSupport;
    /** The tagged back-end: ecall makes upcalls and sc_return ends them without the kernel. */
    public boolean fastUpcalls;

    /** Units this hart compiled (for --stats). */
    public long unitsCompiled;
    /** Jit.OFF, ON or EAGER. */
    public int jitMode = Jit.ON;
    /** Instructions the running loop has retired but not yet added to {@link #instret}. */
    long retiredInLoop;
    /** The raw bits of the last illegal instruction. */
    public int badInsn;
    public final Mmu mmu;
    /** Access to the CSRs that depend on the kernel (time, subcontext CSRs). */
    public CsrFile csrs = CsrFile.NONE;

    public Hart(Mmu mmu) {
        this.mmu = mmu;
        mmu.bindRegisters(x);
    }

    /** Runs at most {@code limit} instructions; returns why it stopped. */
    public int run(long limit) {
        mmu.enterGuest();
        try {
            return loop(limit);
        } finally {
            mmu.leaveGuest();
        }
    }

    /** At a checkpoint: let the compiler sample where execution is. */
    public void checkpoint() {
        if (jitMode == Jit.ON) Jit.sample(this);
    }

    private int loop(long limit) {
        final long[] x = this.x;
        final Mmu mmu = this.mmu;
        Tlb tlb = mmu.tlb;
        long[] rTag = tlb.rTag, wTag = tlb.wTag;
        byte[][] rData = tlb.rData, wData = tlb.wData;
        int tmask = tlb.mask;
        long pc = this.pc;
        // An int countdown, not a long counter: C2 compiles this loop far better that way.
        final int budget = (int) Math.min(limit, Integer.MAX_VALUE);
        int left = budget;
        int exit = EXIT_CHECKPOINT;
        DecodedPage page = null;
        long[] code = null;
        long base = 1L << 62;         // no page yet: the first instruction fetches one

        loop:
        while (left > 0) {
            long off = pc - base;
            if ((off >>> 12) != 0) {
                page = mmu.fetch(pc);
                if (page == null) {
                    exit = EXIT_FAULT;
                    break;
                }
                base = pc & ~0xfffL;
                code = page.insns;
                off = pc - base;
                if (jitMode != Jit.OFF && ((int) code[(int) off >>> 1] & 0xff) != Op.ENTER_UNIT) {
                    Jit.entered(this, page, (int) off >>> 1, jitMode);
                }
                if (tlb != mmu.tlb) {          // a transfer into another subcontext switched TLBs
                    tlb = mmu.tlb;
                    rTag = tlb.rTag;
                    wTag = tlb.wTag;
                    rData = tlb.rData;
                    wData = tlb.wData;
                    tmask = tlb.mask;
                }
            }
            int slot = (int) off >>> 1;
            long d = code[slot];
            left--;
            switch ((int) d & 0xff) {
                case Op.DECODE -> {
                    left++;
                    page.decode(slot);
                }
                case Op.LUI -> { x[rd(d)] = d >> 32; pc += len(d); }
                case Op.AUIPC -> { x[rd(d)] = pc + (d >> 32); pc += len(d); }
                case Op.JAL -> { x[rd(d)] = pc + len(d); pc += d >> 32; }
                case Op.J -> pc += d >> 32;
                case Op.JALR -> {
                    long t = (x[rs1(d)] + (d >> 32)) & ~1L;
                    x[rd(d)] = pc + len(d);
                    pc = t;
                }
                case Op.BEQ -> pc += x[rs1(d)] == x[rs2(d)] ? d >> 32 : len(d);
                case Op.BNE -> pc += x[rs1(d)] != x[rs2(d)] ? d >> 32 : len(d);
                case Op.BLT -> pc += x[rs1(d)] < x[rs2(d)] ? d >> 32 : len(d);
                case Op.BGE -> pc += x[rs1(d)] >= x[rs2(d)] ? d >> 32 : len(d);
                case Op.BLTU -> pc += Long.compareUnsigned(x[rs1(d)], x[rs2(d)]) < 0 ? d >> 32 : len(d);
                case Op.BGEU -> pc += Long.compareUnsigned(x[rs1(d)], x[rs2(d)]) >= 0 ? d >> 32 : len(d);

                case Op.LB, Op.LBU -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask;
                    long v;
                    if (rTag[i] == va >>> 12) v = rData[i][(int) va & 0xfff];
                    else {
                        v = (byte) mmu.load(va, 1);
                        if (mmu.failed) { left++; exit = EXIT_FAULT; break loop; }
                    }
                    x[rd(d)] = ((int) d & 0xff) == Op.LB ? v : v & 0xff;
                    pc += len(d);
                }
                case Op.LH, Op.LHU -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask, o = (int) va & 0xfff;
                    long v;
                    if (rTag[i] == va >>> 12 && o <= 4094) v = (short) LE16.get(rData[i], o);
                    else {
                        v = (short) mmu.load(va, 2);
                        if (mmu.failed) { left++; exit = EXIT_FAULT; break loop; }
                    }
                    x[rd(d)] = ((int) d & 0xff) == Op.LH ? v : v & 0xffff;
                    pc += len(d);
                }
                case Op.LW, Op.LWU -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask, o = (int) va & 0xfff;
                    long v;
                    if (rTag[i] == va >>> 12 && o <= 4092) v = (int) LE32.get(rData[i], o);
                    else {
                        v = (int) mmu.load(va, 4);
                        if (mmu.failed) { left++; exit = EXIT_FAULT; break loop; }
                    }
                    x[rd(d)] = ((int) d & 0xff) == Op.LW ? v : v & 0xffffffffL;
                    pc += len(d);
                }
                case Op.LD, Op.FLD -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask, o = (int) va & 0xfff;
                    long v;
                    if (rTag[i] == va >>> 12 && o <= 4088) v = (long) LE64.get(rData[i], o);
                    else {
                        v = mmu.load(va, 8);
                        if (mmu.failed) { left++; exit = EXIT_FAULT; break loop; }
                    }
                    if (((int) d & 0xff) == Op.LD) x[rd(d)] = v;
                    else f[rd(d)] = v;
                    pc += len(d);
                }
                case Op.FLW -> {
                    long va = x[rs1(d)] + (d >> 32);
                    long v = mmu.load(va, 4);
                    if (mmu.failed) { left++; exit = EXIT_FAULT; break loop; }
                    f[rd(d)] = Fpu.boxS((int) v);
                    pc += len(d);
                }
                case Op.SB -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask;
                    if (wTag[i] == va >>> 12) wData[i][(int) va & 0xfff] = (byte) x[rs2(d)];
                    else if (!mmu.store(va, 1, x[rs2(d)])) { left++; exit = EXIT_FAULT; break loop; }
                    pc += len(d);
                }
                case Op.SH -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask, o = (int) va & 0xfff;
                    if (wTag[i] == va >>> 12 && o <= 4094) LE16.set(wData[i], o, (short) x[rs2(d)]);
                    else if (!mmu.store(va, 2, x[rs2(d)])) { left++; exit = EXIT_FAULT; break loop; }
                    pc += len(d);
                }
                case Op.SW -> {
                    long va = x[rs1(d)] + (d >> 32);
                    int i = (int) (va >>> 12) & tmask, o = (int) va & 0xfff;
                    if (wTag[i] == va >>> 12 && o <= 4092) LE32.set(wData[i], o, (int) x[rs2(d)]);
                    else if (!mmu.store(va, 4, x[rs2(d)])) { left++; exit = EXIT_FAULT; break loop; }
                    pc += len(d);
                }
                case Op.SD, Op.FSD -> {
                    long va = x[rs1(d)] + (d >> 32);
                    long v = ((int) d & 0xff) == Op.SD ? x[rs2(d)] : f[rs2(d)];
                    int i = (int) (va >>> 12) & tmask, o = (int) va & 0xfff;
                    if (wTag[i] == va >>> 12 && o <= 4088) LE64.set(wData[i], o, v);
                    else if (!mmu.store(va, 8, v)) { left++; exit = EXIT_FAULT; break loop; }
                    pc += len(d);
                }
                case Op.FSW -> {
                    if (!mmu.store(x[rs1(d)] + (d >> 32), 4, f[rs2(d)])) { left++; exit = EXIT_FAULT; break loop; }
                    pc += len(d);
                }

                case Op.ADDI -> { x[rd(d)] = x[rs1(d)] + (d >> 32); pc += len(d); }
                case Op.LI -> { x[rd(d)] = d >> 32; pc += len(d); }
                case Op.MV -> { x[rd(d)] = x[rs1(d)]; pc += len(d); }
                case Op.NOP -> pc += len(d);
                case Op.SLTI -> { x[rd(d)] = x[rs1(d)] < d >> 32 ? 1 : 0; pc += len(d); }
                case Op.SLTIU -> { x[rd(d)] = Long.compareUnsigned(x[rs1(d)], d >> 32) < 0 ? 1 : 0; pc += len(d); }
                case Op.XORI -> { x[rd(d)] = x[rs1(d)] ^ d >> 32; pc += len(d); }
                case Op.ORI -> { x[rd(d)] = x[rs1(d)] | d >> 32; pc += len(d); }
                case Op.ANDI -> { x[rd(d)] = x[rs1(d)] & d >> 32; pc += len(d); }
                case Op.SLLI -> { x[rd(d)] = x[rs1(d)] << (d >> 32); pc += len(d); }
                case Op.SRLI -> { x[rd(d)] = x[rs1(d)] >>> (d >> 32); pc += len(d); }
                case Op.SRAI -> { x[rd(d)] = x[rs1(d)] >> (d >> 32); pc += len(d); }
                case Op.ADD -> { x[rd(d)] = x[rs1(d)] + x[rs2(d)]; pc += len(d); }
                case Op.SUB -> { x[rd(d)] = x[rs1(d)] - x[rs2(d)]; pc += len(d); }
                case Op.SLL -> { x[rd(d)] = x[rs1(d)] << x[rs2(d)]; pc += len(d); }
                case Op.SLT -> { x[rd(d)] = x[rs1(d)] < x[rs2(d)] ? 1 : 0; pc += len(d); }
                case Op.SLTU -> { x[rd(d)] = Long.compareUnsigned(x[rs1(d)], x[rs2(d)]) < 0 ? 1 : 0; pc += len(d); }
                case Op.XOR -> { x[rd(d)] = x[rs1(d)] ^ x[rs2(d)]; pc += len(d); }
                case Op.SRL -> { x[rd(d)] = x[rs1(d)] >>> x[rs2(d)]; pc += len(d); }
                case Op.SRA -> { x[rd(d)] = x[rs1(d)] >> x[rs2(d)]; pc += len(d); }
                case Op.OR -> { x[rd(d)] = x[rs1(d)] | x[rs2(d)]; pc += len(d); }
                case Op.AND -> { x[rd(d)] = x[rs1(d)] & x[rs2(d)]; pc += len(d); }
                case Op.ADDIW -> { x[rd(d)] = (int) (x[rs1(d)] + (d >> 32)); pc += len(d); }
                case Op.SLLIW -> { x[rd(d)] = (int) x[rs1(d)] << (d >> 32); pc += len(d); }
                case Op.SRLIW -> { x[rd(d)] = (int) x[rs1(d)] >>> (d >> 32); pc += len(d); }
                case Op.SRAIW -> { x[rd(d)] = (int) x[rs1(d)] >> (d >> 32); pc += len(d); }
                case Op.ADDW -> { x[rd(d)] = (int) (x[rs1(d)] + x[rs2(d)]); pc += len(d); }
                case Op.SUBW -> { x[rd(d)] = (int) (x[rs1(d)] - x[rs2(d)]); pc += len(d); }
                case Op.SLLW -> { x[rd(d)] = (int) x[rs1(d)] << x[rs2(d)]; pc += len(d); }
                case Op.SRLW -> { x[rd(d)] = (int) x[rs1(d)] >>> x[rs2(d)]; pc += len(d); }
                case Op.SRAW -> { x[rd(d)] = (int) x[rs1(d)] >> x[rs2(d)]; pc += len(d); }
                case Op.MUL -> { x[rd(d)] = x[rs1(d)] * x[rs2(d)]; pc += len(d); }
                case Op.MULW -> { x[rd(d)] = (int) (x[rs1(d)] * x[rs2(d)]); pc += len(d); }
                case Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW,
                     Op.REMUW -> {
                    x[rd(d)] = IntOps.muldiv((int) d & 0xff, x[rs1(d)], x[rs2(d)]);
                    pc += len(d);
                }
                case Op.ECALL -> {
                    if (fastUpcalls && fastEcall(pc)) {
                        pc = this.pc;
                        base = 1L << 62;
                        continue;
                    }
                    exit = EXIT_ECALL;
                    break loop;
                }
                case Op.PAGE_END -> { left++; base = 1L << 62; }
                case Op.ENTER_UNIT -> {
                    left++;
                    this.pc = pc;
                    int r = page.units[(int) (d >> 32)].run(this, base, slot, left);
                    left -= unitCount;
                    pc = this.pc;
                    base = 1L << 62;
                    if (r != CompiledUnit.CONTINUE) { exit = r; break loop; }
                }
                case Op.STRADDLE -> {
                    left++;
                    int hi = mmu.fetchHalfword(pc + 2);
                    if (hi < 0) { exit = EXIT_FAULT; break loop; }
                    page = straddler(pc, (int) (d >> 32), hi);
                    code = page.insns;
                    base = pc;
                }
                default -> {
                    this.pc = pc;
                    this.retiredInLoop = budget - left;
                    int r = Ops.exec(this, d);
                    if (r == Ops.NEXT) pc += len(d);
                    else if (r == Ops.REFETCH) { pc += len(d); base = 1L << 62; }
                    else if (r == Ops.JUMPED) { pc = this.pc; base = 1L << 62; }
                    else { left++; exit = r; break loop; }
                }
            }
        }
        this.pc = pc;
        this.instret += budget - left;
        return exit;
    }

    /**
     * The tagged back-end's ecall: the hart makes the upcall (the current subcontext has a
     * handler) or ends it (sc_return from the server) itself, without the kernel. Returns
     * false when the kernel must act (no handler, a gate, a stack still to be made, a value
     * the kernel must finish such as a call to restart).
     */
    private boolean fastEcall(long pc) {
        long nr = x[17];
        org.subcons.subcon.Subcontext cur = mmu.current();
        if (nr == Upcalls.SC_RETURN) {
            UpcallFrame f = Upcalls.top(this);
            long v = x[10];
            // The kernel ends it when it must act first: an init call, a call to restart, a
            // signal that came during the upcall (it is delivered as the client resumes).
            if (f == null || f.client == null || (v >= -516 && v <= -512) || upcallSupport.signalWaiting()) return false;
            Upcalls.ret(this, v);
            return true;
        }
        org.subcons.subcon.Subcontext.Handler h = cur.handler();
        if (h == null || Upcalls.isGate(nr)) return false;
        long top = upcallSupport.knownUpcallStack(h.server(), Upcalls.level(this, h.server()));
        if (top == 0) return false;
        return Upcalls.enter(this, x, pc + 4, null, cur, h, cur, top) == 0;
    }

    /** Decoded one-instruction pages for instructions that straddle pages, by pc (a hot loop has a few). */
    private final DecodedPage[] straddlers = new DecodedPage[16];
    private final long[] straddlerKeys = new long[16];

    private DecodedPage straddler(long pc, int lo, int hi) {
        int i = (int) (pc >>> 12) & 15;
        long key = (long) (lo & 0xffff) | (long) (hi & 0xffff) << 16 | 1L << 32;
        DecodedPage p = straddlers[i];
        if (p != null && straddlerKeys[i] == key && p.straddlePc == pc) return p;
        p = new DecodedPage(Decoder.decode(lo, hi));
        p.straddlePc = pc;
        straddlers[i] = p;
        straddlerKeys[i] = key;
        return p;
    }

    private static int rd(long d) {
        return (int) (d >>> 8) & 0x3f;
    }

    private static int rs1(long d) {
        return (int) (d >>> 14) & 0x1f;
    }

    private static int rs2(long d) {
        return (int) (d >>> 19) & 0x1f;
    }

    private static int len(long d) {
        return (int) (d >>> 24) & 7;
    }
}
