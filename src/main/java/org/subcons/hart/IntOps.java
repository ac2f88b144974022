package org.subcons.hart;

/** The M extension's high multiplies and divisions, with RISC-V's defined corner cases. */
final class IntOps {
    private IntOps() {
    }

    static long muldiv(int op, long a, long b) {
        switch (op) {
            case Op.MULH: return Math.multiplyHigh(a, b);
            case Op.MULHU: return Math.unsignedMultiplyHigh(a, b);
            case Op.MULHSU: return Math.multiplyHigh(a, b) + ((b >> 63) & a);   // b unsigned: b + 2^64 when negative
            case Op.DIV: return b == 0 ? -1 : (a == Long.MIN_VALUE && b == -1) ? a : a / b;
            case Op.DIVU: return b == 0 ? -1 : Long.divideUnsigned(a, b);
            case Op.REM: return b == 0 ? a : (a == Long.MIN_VALUE && b == -1) ? 0 : a % b;
            case Op.REMU: return b == 0 ? a : Long.remainderUnsigned(a, b);
            case Op.DIVW: {
                int x = (int) a, y = (int) b;
                return y == 0 ? -1 : (x == Integer.MIN_VALUE && y == -1) ? x : x / y;
            }
            case Op.DIVUW: {
                int x = (int) a, y = (int) b;
                return y == 0 ? -1 : (int) Integer.divideUnsigned(x, y);
            }
            case Op.REMW: {
                int x = (int) a, y = (int) b;
                return y == 0 ? x : (x == Integer.MIN_VALUE && y == -1) ? 0 : x % y;
            }
            default: {      // REMUW
                int x = (int) a, y = (int) b;
                return y == 0 ? x : (int) Integer.remainderUnsigned(x, y);
            }
        }
    }
}
