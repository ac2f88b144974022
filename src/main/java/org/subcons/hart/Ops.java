package org.subcons.hart;

import java.lang.invoke.VarHandle;

/**
 * The instructions the interpreter loop runs out of line: atomics, fences, CSRs, traps
 * and (through {@link FpExec}) floating point. Returns {@link #NEXT}, {@link #REFETCH},
 * {@link #JUMPED}, or one of the hart's EXIT codes.
 */
final class Ops {
    /** Continue at pc + length. */
    static final int NEXT = -1;
    /** Continue at pc + length, but fetch the page again (code may have changed). */
    static final int REFETCH = -2;
    /** Continue at the hart's pc, which the op set. */
    static final int JUMPED = -3;

    private Ops() {
    }

    static int exec(Hart h, long d) {
        int op = Decoded.op(d);
        if (op >= Op.FIRST_FP) return FpExec.exec(h, d);
        long[] x = h.x;
        switch (op) {
            case Op.FENCE:
                VarHandle.fullFence();
                h.mmu.sync();
                return NEXT;
            case Op.FENCE_I:
                h.mmu.fenceI();
                return REFETCH;
            case Op.EBREAK:
                return Hart.EXIT_BREAKPOINT;
            case Op.CSRRW: case Op.CSRRS: case Op.CSRRC: case Op.CSRRWI: case Op.CSRRSI: case Op.CSRRCI:
                return csr(h, d);
            case Op.LR_W: case Op.LR_D: {
                long v = h.mmu.loadReserved(x[Decoded.rs1(d)], op == Op.LR_W);
                if (h.mmu.failed) return Hart.EXIT_FAULT;
                x[Decoded.rd(d)] = v;
                return NEXT;
            }
            case Op.SC_W: case Op.SC_D: {
                int r = h.mmu.storeConditional(x[Decoded.rs1(d)], x[Decoded.rs2(d)], op == Op.SC_W);
                if (r < 0) return Hart.EXIT_FAULT;
                x[Decoded.rd(d)] = r;
                return NEXT;
            }
            default:
                if (op >= Op.AMOSWAP_W && op <= Op.AMOMAXU_D) {
                    long old = h.mmu.amo(op, x[Decoded.rs1(d)], x[Decoded.rs2(d)]);
                    if (h.mmu.failed) return Hart.EXIT_FAULT;
                    x[Decoded.rd(d)] = old;
                    return NEXT;
                }
                h.badInsn = op == Op.ILLEGAL ? Decoded.imm(d) : 0;
                return Hart.EXIT_ILLEGAL;
        }
    }

    /** csrr rd, sctls / scid and csrw sctls, as compiled units call them (no decoding on the way). */
    public static long readSctls(Hart h) {
        return h.csrs.sctls(h);
    }

    public static void writeSctls(Hart h, long v) {
        h.csrs.setSctls(h, v);
    }

    public static long readScid(Hart h) {
        return h.csrs.scid(h);
    }

    private static int csr(Hart h, long d) {
        int op = Decoded.op(d), rs1 = Decoded.rs1(d), csr = Decoded.imm(d) & 0xfff;
        boolean immediate = op >= Op.CSRRWI;
        long src = immediate ? rs1 : h.x[rs1];
        int kind = immediate ? op - Op.CSRRWI : op - Op.CSRRW;   // 0 write, 1 set, 2 clear
        boolean writes = kind == 0 || rs1 != 0;
        boolean subconCsr = csr == 0xcc0 || csr == 0x8c0;
        boolean exists = csr >= 1 && csr <= 3 || csr >= 0xc00 && csr <= 0xc02 || subconCsr && h.csrs.hasSubconCsrs();
        boolean readOnly = (csr >>> 10) == 3;
        if (!exists || (writes && readOnly)) {
            h.badInsn = 0;
            return Hart.EXIT_ILLEGAL;
        }
        long old;
        switch (csr) {
            case 0x001: old = h.fpu.flags & 0x1f; break;
            case 0x002: old = h.frm; break;
            case 0x003: old = (long) h.frm << 5 | (h.fpu.flags & 0x1f); break;
            case 0xc00: case 0xc02: old = h.instret + h.retiredInLoop; break;
            case 0xc01: old = h.csrs.time(); break;
            case 0xcc0: old = h.csrs.scid(h); break;
            case 0x8c0: old = h.csrs.sctls(h); break;
            default: old = 0;
        }
        if (writes) {
            long v = kind == 0 ? src : kind == 1 ? old | src : old & ~src;
            switch (csr) {
                case 0x001 -> h.fpu.flags = (int) v & 0x1f;
                case 0x002 -> h.frm = (int) v & 7;
                case 0x003 -> { h.frm = (int) (v >>> 5) & 7; h.fpu.flags = (int) v & 0x1f; }
                case 0x8c0 -> h.csrs.setSctls(h, v);
                default -> { }
            }
        }
        h.x[Decoded.rd(d)] = old;
        return NEXT;
    }
}
