package org.subcons.hart;

/** Facts about FP ops the compiler needs: which touch integer registers, which map to one FPU call. */
final class FpForms {
    private FpForms() {
    }

    /** Reads an integer register (rs1): int-to-float conversions and moves. */
    static boolean readsInt(int op) {
        return (op >= Op.FCVT_S_W && op <= Op.FMV_W_X) || (op >= Op.FCVT_D_W && op <= Op.FMV_D_X);
    }

    /** Writes an integer register (rd): float-to-int conversions, moves, compares, fclass. */
    static boolean writesInt(int op) {
        return (op >= Op.FCVT_W_S && op <= Op.FCLASS_S) || (op >= Op.FCVT_W_D && op <= Op.FCLASS_D);
    }

    /** The Fpu method computing a double op in one call, or null. */
    static String directDouble(int op) {
        return switch (op) {
            case Op.FADD_D -> "addD";
            case Op.FSUB_D -> "subD";
            case Op.FMUL_D -> "mulD";
            case Op.FDIV_D -> "divD";
            case Op.FSQRT_D -> "sqrtD";
            case Op.FMADD_D -> "fmaddD";
            case Op.FMSUB_D -> "fmsubD";
            case Op.FNMSUB_D -> "fnmsubD";
            case Op.FNMADD_D -> "fnmaddD";
            default -> null;
        };
    }

    static boolean isFused(int op) {
        return op >= Op.FMADD_D && op <= Op.FNMADD_D;
    }

    static boolean isUnary(int op) {
        return op == Op.FSQRT_D;
    }
}
