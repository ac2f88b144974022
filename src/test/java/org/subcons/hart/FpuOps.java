package org.subcons.hart;

/**
 * Executes a RISC-V F/D instruction, named by its mnemonic as in fpvectors.txt, either on
 * {@link Fpu} (the implementation under test) or on the exact reference {@link FpuSlow}
 * (where it has an equivalent; the remaining instructions fall back to Fpu).
 *
 * <p>Operands and the result are register images: single-precision values in the low 32 bits,
 * integers as full 64-bit x registers. Float results of single precision are returned
 * zero-extended (as the vector file prints them); integer results as the full register.
 */
final class FpuOps {
    private FpuOps() {}

    /** Number of source operands of an instruction (-1 if unknown). */
    static int arity(String op) {
        return switch (op) {
            case "fmadd.s", "fmsub.s", "fnmsub.s", "fnmadd.s",
                 "fmadd.d", "fmsub.d", "fnmsub.d", "fnmadd.d" -> 3;
            case "fadd.s", "fsub.s", "fmul.s", "fdiv.s", "fmin.s", "fmax.s", "feq.s", "flt.s", "fle.s",
                 "fadd.d", "fsub.d", "fmul.d", "fdiv.d", "fmin.d", "fmax.d", "feq.d", "flt.d", "fle.d" -> 2;
            case "fsqrt.s", "fclass.s", "fcvt.w.s", "fcvt.wu.s", "fcvt.l.s", "fcvt.lu.s",
                 "fcvt.s.w", "fcvt.s.wu", "fcvt.s.l", "fcvt.s.lu", "fcvt.s.d", "fcvt.d.s",
                 "fsqrt.d", "fclass.d", "fcvt.w.d", "fcvt.wu.d", "fcvt.l.d", "fcvt.lu.d",
                 "fcvt.d.w", "fcvt.d.wu", "fcvt.d.l", "fcvt.d.lu", "unbox" -> 1;
            default -> -1;
        };
    }

    private static long s(int v) { return v & 0xffffffffL; }

    /** Runs op on Fpu. */
    static long run(Fpu f, String op, int rm, long[] o) {
        long a = o[0], b = o.length > 1 ? o[1] : 0, c = o.length > 2 ? o[2] : 0;
        int ia = (int) a, ib = (int) b, ic = (int) c;
        return switch (op) {
            case "fadd.s" -> s(f.addS(ia, ib, rm));
            case "fsub.s" -> s(f.subS(ia, ib, rm));
            case "fmul.s" -> s(f.mulS(ia, ib, rm));
            case "fdiv.s" -> s(f.divS(ia, ib, rm));
            case "fsqrt.s" -> s(f.sqrtS(ia, rm));
            case "fmin.s" -> s(f.minS(ia, ib));
            case "fmax.s" -> s(f.maxS(ia, ib));
            case "fmadd.s" -> s(f.fmaddS(ia, ib, ic, rm));
            case "fmsub.s" -> s(f.fmsubS(ia, ib, ic, rm));
            case "fnmsub.s" -> s(f.fnmsubS(ia, ib, ic, rm));
            case "fnmadd.s" -> s(f.fnmaddS(ia, ib, ic, rm));
            case "feq.s" -> f.eqS(ia, ib);
            case "flt.s" -> f.ltS(ia, ib);
            case "fle.s" -> f.leS(ia, ib);
            case "fclass.s" -> Fpu.classS(ia);
            case "fcvt.w.s" -> f.cvtWS(ia, rm);
            case "fcvt.wu.s" -> f.cvtWUS(ia, rm);
            case "fcvt.l.s" -> f.cvtLS(ia, rm);
            case "fcvt.lu.s" -> f.cvtLUS(ia, rm);
            case "fcvt.s.w" -> s(f.cvtSW(a, rm));
            case "fcvt.s.wu" -> s(f.cvtSWU(a, rm));
            case "fcvt.s.l" -> s(f.cvtSL(a, rm));
            case "fcvt.s.lu" -> s(f.cvtSLU(a, rm));
            case "fcvt.s.d" -> s(f.cvtSD(a, rm));
            case "fcvt.d.s" -> f.cvtDS(ia);
            case "fadd.d" -> f.addD(a, b, rm);
            case "fsub.d" -> f.subD(a, b, rm);
            case "fmul.d" -> f.mulD(a, b, rm);
            case "fdiv.d" -> f.divD(a, b, rm);
            case "fsqrt.d" -> f.sqrtD(a, rm);
            case "fmin.d" -> f.minD(a, b);
            case "fmax.d" -> f.maxD(a, b);
            case "fmadd.d" -> f.fmaddD(a, b, c, rm);
            case "fmsub.d" -> f.fmsubD(a, b, c, rm);
            case "fnmsub.d" -> f.fnmsubD(a, b, c, rm);
            case "fnmadd.d" -> f.fnmaddD(a, b, c, rm);
            case "feq.d" -> f.eqD(a, b);
            case "flt.d" -> f.ltD(a, b);
            case "fle.d" -> f.leD(a, b);
            case "fclass.d" -> Fpu.classD(a);
            case "fcvt.w.d" -> f.cvtWD(a, rm);
            case "fcvt.wu.d" -> f.cvtWUD(a, rm);
            case "fcvt.l.d" -> f.cvtLD(a, rm);
            case "fcvt.lu.d" -> f.cvtLUD(a, rm);
            case "fcvt.d.w" -> f.cvtDW(a, rm);
            case "fcvt.d.wu" -> f.cvtDWU(a, rm);
            case "fcvt.d.l" -> f.cvtDL(a, rm);
            case "fcvt.d.lu" -> f.cvtDLU(a, rm);
            case "unbox" -> Fpu.boxS(Fpu.unboxS(a));
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    /** True if the reference implementation has its own version of op. */
    static boolean hasReference(String op) {
        return switch (op) {
            case "fmin.s", "fmax.s", "feq.s", "flt.s", "fle.s", "fclass.s",
                 "fmin.d", "fmax.d", "feq.d", "flt.d", "fle.d", "fclass.d", "unbox" -> false;
            default -> true;
        };
    }

    /** Runs op on the exact reference implementation (FpuSlow), or Fpu where it has none. */
    static long runReference(Fpu f, String op, int rm, long[] o) {
        long a = o[0], b = o.length > 1 ? o[1] : 0, c = o.length > 2 ? o[2] : 0;
        final long sgnS = 0x80000000L, sgnD = Long.MIN_VALUE;
        final int W = FpuSlow.W, WU = FpuSlow.WU, L = FpuSlow.L, LU = FpuSlow.LU;
        return switch (op) {
            case "fadd.s" -> FpuSlow.add(f, a, b, rm, false);
            case "fsub.s" -> FpuSlow.sub(f, a, b, rm, false);
            case "fmul.s" -> FpuSlow.mul(f, a, b, rm, false);
            case "fdiv.s" -> FpuSlow.div(f, a, b, rm, false);
            case "fsqrt.s" -> FpuSlow.sqrt(f, a, rm, false);
            case "fmadd.s" -> FpuSlow.fma(f, a, b, c, rm, false);
            case "fmsub.s" -> FpuSlow.fma(f, a, b, c ^ sgnS, rm, false);
            case "fnmsub.s" -> FpuSlow.fma(f, a ^ sgnS, b, c, rm, false);
            case "fnmadd.s" -> FpuSlow.fma(f, a ^ sgnS, b, c ^ sgnS, rm, false);
            case "fcvt.w.s" -> FpuSlow.toInt(f, a, rm, false, W);
            case "fcvt.wu.s" -> FpuSlow.toInt(f, a, rm, false, WU);
            case "fcvt.l.s" -> FpuSlow.toInt(f, a, rm, false, L);
            case "fcvt.lu.s" -> FpuSlow.toInt(f, a, rm, false, LU);
            case "fcvt.s.w" -> FpuSlow.fromInt(f, (int) a, true, rm, false);
            case "fcvt.s.wu" -> FpuSlow.fromInt(f, a & 0xffffffffL, false, rm, false);
            case "fcvt.s.l" -> FpuSlow.fromInt(f, a, true, rm, false);
            case "fcvt.s.lu" -> FpuSlow.fromInt(f, a, false, rm, false);
            case "fcvt.s.d" -> FpuSlow.cvtFF(f, a, rm, true, false);
            case "fcvt.d.s" -> FpuSlow.cvtFF(f, a, rm, false, true);
            case "fadd.d" -> FpuSlow.add(f, a, b, rm, true);
            case "fsub.d" -> FpuSlow.sub(f, a, b, rm, true);
            case "fmul.d" -> FpuSlow.mul(f, a, b, rm, true);
            case "fdiv.d" -> FpuSlow.div(f, a, b, rm, true);
            case "fsqrt.d" -> FpuSlow.sqrt(f, a, rm, true);
            case "fmadd.d" -> FpuSlow.fma(f, a, b, c, rm, true);
            case "fmsub.d" -> FpuSlow.fma(f, a, b, c ^ sgnD, rm, true);
            case "fnmsub.d" -> FpuSlow.fma(f, a ^ sgnD, b, c, rm, true);
            case "fnmadd.d" -> FpuSlow.fma(f, a ^ sgnD, b, c ^ sgnD, rm, true);
            case "fcvt.w.d" -> FpuSlow.toInt(f, a, rm, true, W);
            case "fcvt.wu.d" -> FpuSlow.toInt(f, a, rm, true, WU);
            case "fcvt.l.d" -> FpuSlow.toInt(f, a, rm, true, L);
            case "fcvt.lu.d" -> FpuSlow.toInt(f, a, rm, true, LU);
            case "fcvt.d.w" -> FpuSlow.fromInt(f, (int) a, true, rm, true);
            case "fcvt.d.wu" -> FpuSlow.fromInt(f, a & 0xffffffffL, false, rm, true);
            case "fcvt.d.l" -> FpuSlow.fromInt(f, a, true, rm, true);
            case "fcvt.d.lu" -> FpuSlow.fromInt(f, a, false, rm, true);
            default -> run(f, op, rm, o);
        };
    }
}
