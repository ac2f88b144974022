package org.subcons.hart;

/**
 * The packed form of a decoded instruction, one long per halfword slot of a page:
 * <pre>
 *   bits  0-7   op (Op.*)
 *   bits  8-13  rd  (0..31; integer writes to x0 go to the sink register 32)
 *   bits 14-18  rs1
 *   bits 19-23  rs2
 *   bits 24-26  length in bytes (2 or 4)
 *   bits 27-31  rs3 (fused multiply-add)
 *   bits 32-63  immediate; for FP ops the rounding mode; for CSR ops the CSR number
 * </pre>
 */
public final class Decoded {
    private Decoded() {
    }

    public static long pack(int op, int rd, int rs1, int rs2, int len, int imm) {
        return (long) imm << 32 | (long) len << 24 | (long) rs2 << 19 | (long) rs1 << 14 | (long) rd << 8 | op;
    }

    public static long withRs3(long d, int rs3) {
        return d | (long) rs3 << 27;
    }

    public static int op(long d) {
        return (int) d & 0xff;
    }

    public static int rd(long d) {
        return (int) (d >>> 8) & 0x3f;
    }

    public static int rs1(long d) {
        return (int) (d >>> 14) & 0x1f;
    }

    public static int rs2(long d) {
        return (int) (d >>> 19) & 0x1f;
    }

    public static int len(long d) {
        return (int) (d >>> 24) & 7;
    }

    public static int rs3(long d) {
        return (int) (d >>> 27) & 0x1f;
    }

    public static int imm(long d) {
        return (int) (d >> 32);
    }
}
