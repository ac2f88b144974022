package org.subcons.hart;

import static org.subcons.hart.Op.*;

/**
 * Decodes RV64GC instructions into the packed {@link Decoded} form. Compressed
 * instructions are first expanded by {@link Rvc}. Integer writes to x0 are redirected to
 * the sink register 32, so the interpreter never has to special-case x0.
 */
public final class Decoder {
    /** Index of the sink register that absorbs writes to x0. */
    public static final int SINK = 32;

    private Decoder() {
    }

    /** Decodes the instruction whose first halfword is {@code lo} and second (if any) {@code hi}. */
    public static long decode(int lo, int hi) {
        if ((lo & 3) != 3) {
            int e = Rvc.expand(lo & 0xffff);
            return e == 0 ? illegal(lo & 0xffff, 2) : decode32(e, 2);
        }
        return decode32((lo & 0xffff) | hi << 16, 4);
    }

    /** Decodes a 32-bit instruction (or a compressed one's expansion, with len 2). */
    public static long decode32(int i, int len) {
        int rd = (i >>> 7) & 31, f3 = (i >>> 12) & 7, rs1 = (i >>> 15) & 31, rs2 = (i >>> 20) & 31, f7 = i >>> 25;
        int xd = rd == 0 ? SINK : rd;
        int immI = i >> 20;
        switch (i & 0x7f) {
            case 0x37: return Decoded.pack(LUI, xd, 0, 0, len, i & 0xfffff000);
            case 0x17: return Decoded.pack(AUIPC, xd, 0, 0, len, i & 0xfffff000);
            case 0x6f: return Decoded.pack(rd == 0 ? J : JAL, xd, 0, 0, len, immJ(i));
            case 0x67: return f3 == 0 ? Decoded.pack(JALR, xd, rs1, 0, len, immI) : illegal(i, len);
            case 0x63: {
                int op = switch (f3) {
                    case 0 -> BEQ; case 1 -> BNE; case 4 -> BLT; case 5 -> BGE; case 6 -> BLTU; case 7 -> BGEU;
                    default -> ILLEGAL;
                };
                return op == ILLEGAL ? illegal(i, len) : Decoded.pack(op, 0, rs1, rs2, len, immB(i));
            }
            case 0x03: {
                int op = switch (f3) {
                    case 0 -> LB; case 1 -> LH; case 2 -> LW; case 3 -> LD; case 4 -> LBU; case 5 -> LHU; case 6 -> LWU;
                    default -> ILLEGAL;
                };
                return op == ILLEGAL ? illegal(i, len) : Decoded.pack(op, xd, rs1, 0, len, immI);
            }
            case 0x23: {
                int op = switch (f3) {
                    case 0 -> SB; case 1 -> SH; case 2 -> SW; case 3 -> SD;
                    default -> ILLEGAL;
                };
                return op == ILLEGAL ? illegal(i, len) : Decoded.pack(op, 0, rs1, rs2, len, immS(i));
            }
            case 0x07:
                if (f3 == 2) return Decoded.pack(FLW, rd, rs1, 0, len, immI);
                if (f3 == 3) return Decoded.pack(FLD, rd, rs1, 0, len, immI);
                return illegal(i, len);
            case 0x27:
                if (f3 == 2) return Decoded.pack(FSW, 0, rs1, rs2, len, immS(i));
                if (f3 == 3) return Decoded.pack(FSD, 0, rs1, rs2, len, immS(i));
                return illegal(i, len);
            case 0x13: return opImm(i, len, xd, f3, rs1, immI);
            case 0x1b: return opImm32(i, len, xd, f3, rs1, immI);
            case 0x33: return op(i, len, xd, f3, rs1, rs2, f7);
            case 0x3b: return op32(i, len, xd, f3, rs1, rs2, f7);
            case 0x0f:
                if (f3 == 0) return Decoded.pack(FENCE, 0, 0, 0, len, 0);
                if (f3 == 1) return Decoded.pack(FENCE_I, 0, 0, 0, len, 0);
                return illegal(i, len);
            case 0x73: return system(i, len, xd, f3, rs1);
            case 0x2f: return amo(i, len, xd, f3, rs1, rs2);
            case 0x43: case 0x47: case 0x4b: case 0x4f: return fma(i, len, rd, f3, rs1, rs2);
            case 0x53: return FpDecoder.opFp(i, len, rd, xd, f3, rs1, rs2, f7);
            default: return illegal(i, len);
        }
    }

    static long illegal(int insn, int len) {
        return Decoded.pack(ILLEGAL, 0, 0, 0, len, insn);
    }

    private static long opImm(int i, int len, int xd, int f3, int rs1, int imm) {
        switch (f3) {
            case 0:
                if (rs1 == 0) return Decoded.pack(xd == SINK ? NOP : LI, xd, 0, 0, len, imm);
                if (imm == 0) return Decoded.pack(MV, xd, rs1, 0, len, 0);
                return Decoded.pack(ADDI, xd, rs1, 0, len, imm);
            case 1: return (i >>> 26) == 0 ? Decoded.pack(SLLI, xd, rs1, 0, len, imm & 63) : illegal(i, len);
            case 2: return Decoded.pack(SLTI, xd, rs1, 0, len, imm);
            case 3: return Decoded.pack(SLTIU, xd, rs1, 0, len, imm);
            case 4: return Decoded.pack(XORI, xd, rs1, 0, len, imm);
            case 5:
                if ((i >>> 26) == 0) return Decoded.pack(SRLI, xd, rs1, 0, len, imm & 63);
                if ((i >>> 26) == 0x10) return Decoded.pack(SRAI, xd, rs1, 0, len, imm & 63);
                return illegal(i, len);
            case 6: return Decoded.pack(ORI, xd, rs1, 0, len, imm);
            default: return Decoded.pack(ANDI, xd, rs1, 0, len, imm);
        }
    }

    private static long opImm32(int i, int len, int xd, int f3, int rs1, int imm) {
        int f7 = i >>> 25;
        switch (f3) {
            case 0: return Decoded.pack(ADDIW, xd, rs1, 0, len, imm);
            case 1: return f7 == 0 ? Decoded.pack(SLLIW, xd, rs1, 0, len, imm & 31) : illegal(i, len);
            case 5:
                if (f7 == 0) return Decoded.pack(SRLIW, xd, rs1, 0, len, imm & 31);
                if (f7 == 0x20) return Decoded.pack(SRAIW, xd, rs1, 0, len, imm & 31);
                return illegal(i, len);
            default: return illegal(i, len);
        }
    }

    private static final int[] OP_BASE = {ADD, SLL, SLT, SLTU, XOR, SRL, OR, AND};
    private static final int[] OP_MUL = {MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU};

    private static long op(int i, int len, int xd, int f3, int rs1, int rs2, int f7) {
        int op;
        if (f7 == 0) op = OP_BASE[f3];
        else if (f7 == 1) op = OP_MUL[f3];
        else if (f7 == 0x20 && f3 == 0) op = SUB;
        else if (f7 == 0x20 && f3 == 5) op = SRA;
        else return illegal(i, len);
        return Decoded.pack(op, xd, rs1, rs2, len, 0);
    }

    private static long op32(int i, int len, int xd, int f3, int rs1, int rs2, int f7) {
        int op = ILLEGAL;
        if (f7 == 0) op = f3 == 0 ? ADDW : f3 == 1 ? SLLW : f3 == 5 ? SRLW : ILLEGAL;
        else if (f7 == 0x20) op = f3 == 0 ? SUBW : f3 == 5 ? SRAW : ILLEGAL;
        else if (f7 == 1) {
            op = switch (f3) {
                case 0 -> MULW; case 4 -> DIVW; case 5 -> DIVUW; case 6 -> REMW; case 7 -> REMUW;
                default -> ILLEGAL;
            };
        }
        return op == ILLEGAL ? illegal(i, len) : Decoded.pack(op, xd, rs1, rs2, len, 0);
    }

    private static long system(int i, int len, int xd, int f3, int rs1) {
        int csr = i >>> 20;
        switch (f3) {
            case 0:
                if (i == 0x00000073) return Decoded.pack(ECALL, 0, 0, 0, len, 0);
                if (i == 0x00100073) return Decoded.pack(EBREAK, 0, 0, 0, len, 0);
                return illegal(i, len);
            case 1: return Decoded.pack(CSRRW, xd, rs1, 0, len, csr);
            case 2: return Decoded.pack(CSRRS, xd, rs1, 0, len, csr);
            case 3: return Decoded.pack(CSRRC, xd, rs1, 0, len, csr);
            case 5: return Decoded.pack(CSRRWI, xd, rs1, 0, len, csr);
            case 6: return Decoded.pack(CSRRSI, xd, rs1, 0, len, csr);
            case 7: return Decoded.pack(CSRRCI, xd, rs1, 0, len, csr);
            default: return illegal(i, len);
        }
    }

    private static long amo(int i, int len, int xd, int f3, int rs1, int rs2) {
        if (f3 != 2 && f3 != 3) return illegal(i, len);
        boolean d = f3 == 3;
        int op = switch (i >>> 27) {
            case 0x02 -> rs2 == 0 ? (d ? LR_D : LR_W) : ILLEGAL;
            case 0x03 -> d ? SC_D : SC_W;
            case 0x01 -> d ? AMOSWAP_D : AMOSWAP_W;
            case 0x00 -> d ? AMOADD_D : AMOADD_W;
            case 0x04 -> d ? AMOXOR_D : AMOXOR_W;
            case 0x0c -> d ? AMOAND_D : AMOAND_W;
            case 0x08 -> d ? AMOOR_D : AMOOR_W;
            case 0x10 -> d ? AMOMIN_D : AMOMIN_W;
            case 0x14 -> d ? AMOMAX_D : AMOMAX_W;
            case 0x18 -> d ? AMOMINU_D : AMOMINU_W;
            case 0x1c -> d ? AMOMAXU_D : AMOMAXU_W;
            default -> ILLEGAL;
        };
        return op == ILLEGAL ? illegal(i, len) : Decoded.pack(op, xd, rs1, rs2, len, 0);
    }

    private static long fma(int i, int len, int rd, int rm, int rs1, int rs2) {
        int fmt = (i >>> 25) & 3;
        if (fmt > 1 || rm == 5 || rm == 6) return illegal(i, len);
        int base = switch (i & 0x7f) {
            case 0x43 -> FMADD_S; case 0x47 -> FMSUB_S; case 0x4b -> FNMSUB_S; default -> FNMADD_S;
        };
        int op = base + (fmt == 1 ? FMADD_D - FMADD_S : 0);
        return Decoded.withRs3(Decoded.pack(op, rd, rs1, rs2, len, rm), i >>> 27);
    }

    private static int immJ(int i) {
        return (i >> 31) << 20 | ((i >>> 12) & 0xff) << 12 | ((i >>> 20) & 1) << 11 | ((i >>> 21) & 0x3ff) << 1;
    }

    private static int immB(int i) {
        return (i >> 31) << 12 | ((i >>> 7) & 1) << 11 | ((i >>> 25) & 0x3f) << 5 | ((i >>> 8) & 0xf) << 1;
    }

    private static int immS(int i) {
        return (i >> 25) << 5 | ((i >>> 7) & 0x1f);
    }
}
