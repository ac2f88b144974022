package org.subcons.hart;

import static org.subcons.hart.Fpu.boxS;
import static org.subcons.hart.Fpu.unboxS;

/** Executes F and D arithmetic, compare, convert and move instructions (numerics in {@link Fpu}). */
final class FpExec {
    private static final int SIGN_S = 0x8000_0000;
    private static final long SIGN_D = 0x8000_0000_0000_0000L;

    private FpExec() {
    }

    static int exec(Hart h, long d) {
        int op = Decoded.op(d);
        int rm = Decoded.imm(d) & 7;          // ops without a rounding mode were packed with 0
        if (rm == 7) rm = h.frm;
        if (rm > 4) {
            h.badInsn = 0;
            return Hart.EXIT_ILLEGAL;
        }
        long[] f = h.f, x = h.x;
        Fpu u = h.fpu;
        int rd = Decoded.rd(d), r1 = Decoded.rs1(d), r2 = Decoded.rs2(d);
        long a = f[r1], b = f[r2];
        switch (op) {
            case Op.FMADD_S -> f[rd] = boxS(u.fmaddS(unboxS(a), unboxS(b), unboxS(f[Decoded.rs3(d)]), rm));
            case Op.FMSUB_S -> f[rd] = boxS(u.fmsubS(unboxS(a), unboxS(b), unboxS(f[Decoded.rs3(d)]), rm));
            case Op.FNMSUB_S -> f[rd] = boxS(u.fnmsubS(unboxS(a), unboxS(b), unboxS(f[Decoded.rs3(d)]), rm));
            case Op.FNMADD_S -> f[rd] = boxS(u.fnmaddS(unboxS(a), unboxS(b), unboxS(f[Decoded.rs3(d)]), rm));
            case Op.FMADD_D -> f[rd] = u.fmaddD(a, b, f[Decoded.rs3(d)], rm);
            case Op.FMSUB_D -> f[rd] = u.fmsubD(a, b, f[Decoded.rs3(d)], rm);
            case Op.FNMSUB_D -> f[rd] = u.fnmsubD(a, b, f[Decoded.rs3(d)], rm);
            case Op.FNMADD_D -> f[rd] = u.fnmaddD(a, b, f[Decoded.rs3(d)], rm);

            case Op.FADD_S -> f[rd] = boxS(u.addS(unboxS(a), unboxS(b), rm));
            case Op.FSUB_S -> f[rd] = boxS(u.subS(unboxS(a), unboxS(b), rm));
            case Op.FMUL_S -> f[rd] = boxS(u.mulS(unboxS(a), unboxS(b), rm));
            case Op.FDIV_S -> f[rd] = boxS(u.divS(unboxS(a), unboxS(b), rm));
            case Op.FSQRT_S -> f[rd] = boxS(u.sqrtS(unboxS(a), rm));
            case Op.FSGNJ_S -> f[rd] = boxS(unboxS(a) & ~SIGN_S | unboxS(b) & SIGN_S);
            case Op.FSGNJN_S -> f[rd] = boxS(unboxS(a) & ~SIGN_S | ~unboxS(b) & SIGN_S);
            case Op.FSGNJX_S -> f[rd] = boxS(unboxS(a) ^ unboxS(b) & SIGN_S);
            case Op.FMIN_S -> f[rd] = boxS(u.minS(unboxS(a), unboxS(b)));
            case Op.FMAX_S -> f[rd] = boxS(u.maxS(unboxS(a), unboxS(b)));
            case Op.FCVT_W_S -> x[rd] = u.cvtWS(unboxS(a), rm);
            case Op.FCVT_WU_S -> x[rd] = u.cvtWUS(unboxS(a), rm);
            case Op.FCVT_L_S -> x[rd] = u.cvtLS(unboxS(a), rm);
            case Op.FCVT_LU_S -> x[rd] = u.cvtLUS(unboxS(a), rm);
            case Op.FMV_X_W -> x[rd] = (int) a;
            case Op.FEQ_S -> x[rd] = u.eqS(unboxS(a), unboxS(b));
            case Op.FLT_S -> x[rd] = u.ltS(unboxS(a), unboxS(b));
            case Op.FLE_S -> x[rd] = u.leS(unboxS(a), unboxS(b));
            case Op.FCLASS_S -> x[rd] = Fpu.classS(unboxS(a));
            case Op.FCVT_S_W -> f[rd] = boxS(u.cvtSW(x[r1], rm));
            case Op.FCVT_S_WU -> f[rd] = boxS(u.cvtSWU(x[r1], rm));
            case Op.FCVT_S_L -> f[rd] = boxS(u.cvtSL(x[r1], rm));
            case Op.FCVT_S_LU -> f[rd] = boxS(u.cvtSLU(x[r1], rm));
            case Op.FMV_W_X -> f[rd] = boxS((int) x[r1]);

            case Op.FADD_D -> f[rd] = u.addD(a, b, rm);
            case Op.FSUB_D -> f[rd] = u.subD(a, b, rm);
            case Op.FMUL_D -> f[rd] = u.mulD(a, b, rm);
            case Op.FDIV_D -> f[rd] = u.divD(a, b, rm);
            case Op.FSQRT_D -> f[rd] = u.sqrtD(a, rm);
            case Op.FSGNJ_D -> f[rd] = a & ~SIGN_D | b & SIGN_D;
            case Op.FSGNJN_D -> f[rd] = a & ~SIGN_D | ~b & SIGN_D;
            case Op.FSGNJX_D -> f[rd] = a ^ b & SIGN_D;
            case Op.FMIN_D -> f[rd] = u.minD(a, b);
            case Op.FMAX_D -> f[rd] = u.maxD(a, b);
            case Op.FCVT_W_D -> x[rd] = u.cvtWD(a, rm);
            case Op.FCVT_WU_D -> x[rd] = u.cvtWUD(a, rm);
            case Op.FCVT_L_D -> x[rd] = u.cvtLD(a, rm);
            case Op.FCVT_LU_D -> x[rd] = u.cvtLUD(a, rm);
            case Op.FMV_X_D -> x[rd] = a;
            case Op.FEQ_D -> x[rd] = u.eqD(a, b);
            case Op.FLT_D -> x[rd] = u.ltD(a, b);
            case Op.FLE_D -> x[rd] = u.leD(a, b);
            case Op.FCLASS_D -> x[rd] = Fpu.classD(a);
            case Op.FCVT_D_W -> f[rd] = u.cvtDW(x[r1], rm);
            case Op.FCVT_D_WU -> f[rd] = u.cvtDWU(x[r1], rm);
            case Op.FCVT_D_L -> f[rd] = u.cvtDL(x[r1], rm);
            case Op.FCVT_D_LU -> f[rd] = u.cvtDLU(x[r1], rm);
            case Op.FMV_D_X -> f[rd] = x[r1];
            case Op.FCVT_S_D -> f[rd] = boxS(u.cvtSD(a, rm));
            case Op.FCVT_D_S -> f[rd] = u.cvtDS(unboxS(a));
            default -> {
                h.badInsn = 0;
                return Hart.EXIT_ILLEGAL;
            }
        }
        return Ops.NEXT;
    }
}
