package org.subcons.hart;

import static org.subcons.hart.Op.*;

/** Decodes the OP-FP major opcode (F and D arithmetic, compares, conversions, moves). */
final class FpDecoder {
    private FpDecoder() {
    }

    /**
     * @param rd  the destination as an FP register number
     * @param xd  the destination as an integer register (x0 redirected to the sink)
     */
    static long opFp(int i, int len, int rd, int xd, int f3, int rs1, int rs2, int f7) {
        if ((f7 & 3) > 1) return bad(i, len);            // half and quad formats are not in RV64GC
        int s = f7 & 1;
        switch (f7 >>> 2) {
            case 0x00: return arith(i, len, pick(s, FADD_S, FADD_D), rd, rs1, rs2, f3);
            case 0x01: return arith(i, len, pick(s, FSUB_S, FSUB_D), rd, rs1, rs2, f3);
            case 0x02: return arith(i, len, pick(s, FMUL_S, FMUL_D), rd, rs1, rs2, f3);
            case 0x03: return arith(i, len, pick(s, FDIV_S, FDIV_D), rd, rs1, rs2, f3);
            case 0x0b: return rs2 == 0 ? arith(i, len, pick(s, FSQRT_S, FSQRT_D), rd, rs1, 0, f3) : bad(i, len);
            case 0x04:
                if (f3 > 2) return bad(i, len);
                return Decoded.pack(pick(s, FSGNJ_S, FSGNJ_D) + f3, rd, rs1, rs2, len, 0);
            case 0x05:
                if (f3 > 1) return bad(i, len);
                return Decoded.pack(pick(s, FMIN_S, FMIN_D) + f3, rd, rs1, rs2, len, 0);
            case 0x08:
                if (f7 == 0x20 && rs2 == 1) return arith(i, len, FCVT_S_D, rd, rs1, 0, f3);
                if (f7 == 0x21 && rs2 == 0) return arith(i, len, FCVT_D_S, rd, rs1, 0, f3);
                return bad(i, len);
            case 0x14: {
                int op = f3 == 2 ? pick(s, FEQ_S, FEQ_D) : f3 == 1 ? pick(s, FLT_S, FLT_D) : f3 == 0 ? pick(s, FLE_S, FLE_D) : -1;
                return op < 0 ? bad(i, len) : Decoded.pack(op, xd, rs1, rs2, len, 0);
            }
            case 0x18:
                if (rs2 > 3) return bad(i, len);
                return arith(i, len, pick(s, FCVT_W_S, FCVT_W_D) + rs2, xd, rs1, 0, f3);
            case 0x1a:
                if (rs2 > 3) return bad(i, len);
                return arith(i, len, pick(s, FCVT_S_W, FCVT_D_W) + rs2, rd, rs1, 0, f3);
            case 0x1c:
                if (rs2 != 0) return bad(i, len);
                if (f3 == 0) return Decoded.pack(pick(s, FMV_X_W, FMV_X_D), xd, rs1, 0, len, 0);
                if (f3 == 1) return Decoded.pack(pick(s, FCLASS_S, FCLASS_D), xd, rs1, 0, len, 0);
                return bad(i, len);
            case 0x1e:
                if (rs2 != 0 || f3 != 0) return bad(i, len);
                return Decoded.pack(pick(s, FMV_W_X, FMV_D_X), rd, rs1, 0, len, 0);
            default:
                return bad(i, len);
        }
    }

    private static int pick(int dbl, int single, int dOp) {
        return dbl == 0 ? single : dOp;
    }

    /** An op with a rounding mode; the reserved static modes 5 and 6 are illegal. */
    private static long arith(int i, int len, int op, int rd, int rs1, int rs2, int rm) {
        if (rm == 5 || rm == 6) return bad(i, len);
        return Decoded.pack(op, rd, rs1, rs2, len, rm);
    }

    private static long bad(int i, int len) {
        return Decoder.illegal(i, len);
    }
}
