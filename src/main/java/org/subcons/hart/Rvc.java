package org.subcons.hart;

/**
 * Expander of RISC-V compressed ("C" extension) instructions for RV64GC.
 *
 * <p>Follows the RISC-V unprivileged ISA specification 20191213, chapter 16 ("C" Standard Extension),
 * for RV64 with F and D present. Each 16-bit parcel is mapped to the single 32-bit instruction it is
 * defined to expand to. Reserved and illegal encodings map to {@code 0} (which is itself an illegal
 * 32-bit instruction). HINT encodings (e.g. {@code c.addi x0,imm}, {@code c.li x0,imm},
 * {@code c.slli rd,0}) are legal and expand to the corresponding base instruction, which for
 * rd = x0 simply has no architectural effect.
 */
public final class Rvc {

    private Rvc() {}

    // Base opcodes (bits 6:0).
    private static final int OP_LOAD = 0x03;
    private static final int OP_LOAD_FP = 0x07;
    private static final int OP_IMM = 0x13;
    private static final int OP_IMM_32 = 0x1b;
    private static final int OP_STORE = 0x23;
    private static final int OP_STORE_FP = 0x27;
    private static final int OP = 0x33;
    private static final int OP_LUI = 0x37;
    private static final int OP_32 = 0x3b;
    private static final int OP_BRANCH = 0x63;
    private static final int OP_JALR = 0x67;
    private static final int OP_JAL = 0x6f;

    private static final int EBREAK = 0x00100073;

    private static final int SP = 2;
    private static final int RA = 1;

    /**
     * Expands a 16-bit compressed instruction (low 16 bits of c; c &amp; 3 != 3) into the equivalent
     * 32-bit RV64 instruction, or returns 0 when the encoding is illegal or reserved.
     */
    public static int expand(int c) {
        c &= 0xffff;
        int funct3 = c >>> 13;
        return switch (c & 3) {
            case 0 -> quadrant0(c, funct3);
            case 1 -> quadrant1(c, funct3);
            case 2 -> quadrant2(c, funct3);
            default -> 0; // not a compressed instruction
        };
    }

    // ---------------------------------------------------------------- quadrant 0

    private static int quadrant0(int c, int funct3) {
        int rdp = rPrime(c >>> 2);   // rd' / rs2' at bits 4:2
        int rs1p = rPrime(c >>> 7);  // rs1' at bits 9:7
        return switch (funct3) {
            case 0 -> { // c.addi4spn: addi rd', x2, nzuimm[9:2]
                int imm = bits(c, 12, 11, 4) | bits(c, 10, 7, 6) | bits(c, 6, 6, 2) | bits(c, 5, 5, 3);
                yield imm == 0 ? 0 : iType(OP_IMM, rdp, 0, SP, imm); // nzuimm=0 (incl. 0x0000) reserved
            }
            case 1 -> iType(OP_LOAD_FP, rdp, 3, rs1p, uimmD(c));  // c.fld
            case 2 -> iType(OP_LOAD, rdp, 2, rs1p, uimmW(c));     // c.lw
            case 3 -> iType(OP_LOAD, rdp, 3, rs1p, uimmD(c));     // c.ld
            case 4 -> 0;                                         // reserved
            case 5 -> sType(OP_STORE_FP, 3, rs1p, rdp, uimmD(c)); // c.fsd
            case 6 -> sType(OP_STORE, 2, rs1p, rdp, uimmW(c));    // c.sw
            case 7 -> sType(OP_STORE, 3, rs1p, rdp, uimmD(c));    // c.sd
            default -> 0;
        };
    }

    /** CL/CS doubleword offset: uimm[5:3] = c[12:10], uimm[7:6] = c[6:5]. */
    private static int uimmD(int c) {
        return bits(c, 12, 10, 3) | bits(c, 6, 5, 6);
    }

    /** CL/CS word offset: uimm[5:3] = c[12:10], uimm[2] = c[6], uimm[6] = c[5]. */
    private static int uimmW(int c) {
        return bits(c, 12, 10, 3) | bits(c, 6, 6, 2) | bits(c, 5, 5, 6);
    }

    // ---------------------------------------------------------------- quadrant 1

    private static int quadrant1(int c, int funct3) {
        int rd = (c >>> 7) & 31;
        int imm6 = signExtend(bits(c, 12, 12, 5) | bits(c, 6, 2, 0), 6); // CI imm[5|4:0]
        return switch (funct3) {
            case 0 -> iType(OP_IMM, rd, 0, rd, imm6);          // c.nop / c.addi (HINTs included)
            case 1 -> rd == 0 ? 0 : iType(OP_IMM_32, rd, 0, rd, imm6); // c.addiw; rd=0 reserved
            case 2 -> iType(OP_IMM, rd, 0, 0, imm6);           // c.li (rd=0 HINT)
            case 3 -> {
                if (rd == SP) { // c.addi16sp: nzimm[9|4|6|8:7|5]
                    int imm = bits(c, 12, 12, 9) | bits(c, 6, 6, 4) | bits(c, 5, 5, 6)
                            | bits(c, 4, 3, 7) | bits(c, 2, 2, 5);
                    yield imm == 0 ? 0 : iType(OP_IMM, SP, 0, SP, signExtend(imm, 10));
                }
                // c.lui: nzimm[17|16:12]; nzimm=0 reserved; rd=0 is a HINT
                yield imm6 == 0 ? 0 : (imm6 << 12) | (rd << 7) | OP_LUI;
            }
            case 4 -> miscAlu(c);
            case 5 -> jType(0, cjOffset(c));                   // c.j: jal x0, offset
            case 6 -> bType(0, rPrime(c >>> 7), 0, cbOffset(c)); // c.beqz: beq rs1', x0, offset
            case 7 -> bType(1, rPrime(c >>> 7), 0, cbOffset(c)); // c.bnez: bne rs1', x0, offset
            default -> 0;
        };
    }

    private static int miscAlu(int c) {
        int rd = rPrime(c >>> 7);
        int shamt = bits(c, 12, 12, 5) | bits(c, 6, 2, 0); // RV64: 6-bit shamt; 0 is a HINT
        return switch ((c >>> 10) & 3) {
            case 0 -> iType(OP_IMM, rd, 5, rd, shamt);                 // c.srli
            case 1 -> iType(OP_IMM, rd, 5, rd, shamt | 0x400);         // c.srai (imm[10] = 1)
            case 2 -> iType(OP_IMM, rd, 7, rd, signExtend(shamt, 6));  // c.andi
            case 3 -> {
                int rs2 = rPrime(c >>> 2);
                int sel = (c >>> 5) & 3;
                if ((c & 0x1000) == 0) {
                    yield switch (sel) {
                        case 0 -> rType(OP, 0x20, rd, 0, rd, rs2);    // c.sub
                        case 1 -> rType(OP, 0, rd, 4, rd, rs2);       // c.xor
                        case 2 -> rType(OP, 0, rd, 6, rd, rs2);       // c.or
                        default -> rType(OP, 0, rd, 7, rd, rs2);      // c.and
                    };
                }
                yield switch (sel) {
                    case 0 -> rType(OP_32, 0x20, rd, 0, rd, rs2);     // c.subw
                    case 1 -> rType(OP_32, 0, rd, 0, rd, rs2);        // c.addw
                    default -> 0;                                     // reserved
                };
            }
            default -> 0;
        };
    }

    /** CJ offset[11|4|9:8|10|6|7|3:1|5], sign-extended. */
    private static int cjOffset(int c) {
        int off = bits(c, 12, 12, 11) | bits(c, 11, 11, 4) | bits(c, 10, 9, 8) | bits(c, 8, 8, 10)
                | bits(c, 7, 7, 6) | bits(c, 6, 6, 7) | bits(c, 5, 3, 1) | bits(c, 2, 2, 5);
        return signExtend(off, 12);
    }

    /** CB branch offset[8|4:3] = c[12:10], offset[7:6|2:1|5] = c[6:2], sign-extended. */
    private static int cbOffset(int c) {
        int off = bits(c, 12, 12, 8) | bits(c, 11, 10, 3) | bits(c, 6, 5, 6) | bits(c, 4, 3, 1)
                | bits(c, 2, 2, 5);
        return signExtend(off, 9);
    }

    // ---------------------------------------------------------------- quadrant 2

    private static int quadrant2(int c, int funct3) {
        int rd = (c >>> 7) & 31;
        int rs2 = (c >>> 2) & 31;
        return switch (funct3) {
            case 0 -> iType(OP_IMM, rd, 1, rd, bits(c, 12, 12, 5) | rs2); // c.slli (rd=0 / shamt=0 HINTs)
            case 1 -> iType(OP_LOAD_FP, rd, 3, SP, uimmDsp(c));          // c.fldsp
            case 2 -> rd == 0 ? 0 : iType(OP_LOAD, rd, 2, SP,            // c.lwsp; rd=0 reserved
                    bits(c, 12, 12, 5) | bits(c, 6, 4, 2) | bits(c, 3, 2, 6));
            case 3 -> rd == 0 ? 0 : iType(OP_LOAD, rd, 3, SP, uimmDsp(c)); // c.ldsp; rd=0 reserved
            case 4 -> {
                if ((c & 0x1000) == 0) {
                    if (rs2 == 0) yield rd == 0 ? 0 : iType(OP_JALR, 0, 0, rd, 0); // c.jr; rs1=0 reserved
                    yield rType(OP, 0, rd, 0, 0, rs2);                             // c.mv (rd=0 HINT)
                }
                if (rs2 == 0) yield rd == 0 ? EBREAK : iType(OP_JALR, RA, 0, rd, 0); // c.ebreak / c.jalr
                yield rType(OP, 0, rd, 0, rd, rs2);                                   // c.add (rd=0 HINT)
            }
            case 5 -> sType(OP_STORE_FP, 3, SP, rs2, uimmSdsp(c));      // c.fsdsp
            case 6 -> sType(OP_STORE, 2, SP, rs2, bits(c, 12, 9, 2) | bits(c, 8, 7, 6)); // c.swsp
            case 7 -> sType(OP_STORE, 3, SP, rs2, uimmSdsp(c));         // c.sdsp
            default -> 0;
        };
    }

    /** CI doubleword SP offset: uimm[5] = c[12], uimm[4:3|8:6] = c[6:2]. */
    private static int uimmDsp(int c) {
        return bits(c, 12, 12, 5) | bits(c, 6, 5, 3) | bits(c, 4, 2, 6);
    }

    /** CSS doubleword SP offset: uimm[5:3|8:6] = c[12:7]. */
    private static int uimmSdsp(int c) {
        return bits(c, 12, 10, 3) | bits(c, 9, 7, 6);
    }

    // ---------------------------------------------------------------- helpers

    /** Bits c[hi:lo], shifted so that bit lo lands at position {@code to}. */
    private static int bits(int c, int hi, int lo, int to) {
        return ((c >>> lo) & ((1 << (hi - lo + 1)) - 1)) << to;
    }

    private static int signExtend(int v, int width) {
        int s = 32 - width;
        return (v << s) >> s;
    }

    /** Compressed 3-bit register field (low 3 bits of r) to x8..x15 / f8..f15. */
    private static int rPrime(int r) {
        return 8 + (r & 7);
    }

    private static int rType(int opcode, int funct7, int rd, int funct3, int rs1, int rs2) {
        return (funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    private static int iType(int opcode, int rd, int funct3, int rs1, int imm) {
        return (imm << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    private static int sType(int opcode, int funct3, int rs1, int rs2, int imm) {
        return ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 31) << 7) | opcode;
    }

    private static int bType(int funct3, int rs1, int rs2, int imm) {
        return ((imm >> 12) & 1) << 31 | ((imm >> 5) & 0x3f) << 25 | (rs2 << 20) | (rs1 << 15)
                | (funct3 << 12) | ((imm >> 1) & 0xf) << 8 | ((imm >> 11) & 1) << 7 | OP_BRANCH;
    }

    private static int jType(int rd, int imm) {
        return ((imm >> 20) & 1) << 31 | ((imm >> 1) & 0x3ff) << 21 | ((imm >> 11) & 1) << 20
                | ((imm >> 12) & 0xff) << 12 | (rd << 7) | OP_JAL;
    }
}
