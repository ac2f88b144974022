package org.subcons.hart;

/**
 * Bit-exact IEEE-754 semantics of the RISC-V F and D extensions, matching
 * qemu/softfloat: all rounding modes, exact fflags (tininess detected after
 * rounding, UF only for inexact tiny results), canonical NaNs, 2.2-style
 * fmin/fmax, saturating conversions.
 *
 * <p>Operands and results are raw IEEE bits: binary32 in an {@code int},
 * binary64 in a {@code long}. Rounding modes are already resolved (the caller
 * maps DYN to frm and rejects 5 and 6). Exception flags are OR-ed into
 * {@link #flags}; no method ever clears them.
 *
 * <p>Implementation: the common case runs on the host's round-to-nearest
 * hardware arithmetic. Inexactness, the direction of the rounding error and
 * exact ties are recovered with error-free transformations (TwoSum, the fma
 * product error, division/sqrt remainders computed with fma, the Boldo-Muller
 * fma error),
 * and directed modes are derived by moving at most one ulp. Single precision is
 * computed in double and rounded once more with integer arithmetic on the
 * double's bits, using the sign of the double's own rounding error, so there
 * is no double-rounding problem. Whatever falls outside the ranges where these
 * transformations are exact (subnormal or near-underflow results, overflow,
 * NaN and infinite operands) goes to {@link FpuSlow}, an exact integer
 * implementation. No path throws and the fast paths do not allocate.
 */
public final class Fpu {
    public static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;
    public static final int NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;

    /** Accumulated exception flags (fflags layout). */
    public int flags;

    static final int CANON_S = 0x7fc00000;
    static final long CANON_D = 0x7ff8000000000000L;
    private static final int SIGN_S = 0x80000000;
    private static final long SIGN_D = 0x8000000000000000L;
    private static final long MAG_D = 0x7fffffffffffffffL;
    private static final long INF_D = 0x7ff0000000000000L;
    private static final double MAX_D = Double.MAX_VALUE;
    /** Results at least this large have exact error terms for mul/div/sqrt. */
    private static final double SAFE_LO = 0x1p-960;
    /** Limits for the fma fast path (no underflow/overflow inside ErrFma). */
    private static final double FMA_LO = 0x1p-900, FMA_HI = 0x1p1000;

    private static long dbits(double x) { return Double.doubleToRawLongBits(x); }
    private static double dval(long a) { return Double.longBitsToDouble(a); }
    private static double sval(int a) { return Float.intBitsToFloat(a); }
    private static long u32(int a) { return a & 0xffffffffL; }

    static boolean isNaNS(int a) { return (a & 0x7fffffff) > 0x7f800000; }
    static boolean isSNaNS(int a) { return isNaNS(a) && (a & 0x00400000) == 0; }
    static boolean isNaND(long a) { return (a & MAG_D) > INF_D; }
    static boolean isSNaND(long a) { return isNaND(a) && (a & 0x0008000000000000L) == 0; }

    // =====================================================================================
    // NaN boxing
    // =====================================================================================

    /** The binary32 value held in a 64-bit f register (canonical NaN if not properly NaN-boxed). */
    public static int unboxS(long reg) {
        return (reg >>> 32) == 0xffffffffL ? (int) reg : CANON_S;
    }

    /** NaN-boxes a binary32 value into a 64-bit f register value. */
    public static long boxS(int s) {
        return 0xffffffff00000000L | (s & 0xffffffffL);
    }

    // =====================================================================================
    // Double precision
    // =====================================================================================

    public long addD(long a, long b, int rm) {
        double x = dval(a), y = dval(b);
        double r = x + y;
        double bv = r - x;
        double err = (x - (r - bv)) + (y - bv); // TwoSum: x + y == r + err exactly
        if (err == 0) { // exact (err is NaN whenever r or an operand is not finite)
            if (r == 0 && rm == RDN) return (a | b) & SIGN_D;
            return dbits(r);
        }
        if (Math.abs(err) <= MAX_D) return inexactD(r, err, rm);
        return FpuSlow.add(this, a, b, rm, true);
    }

    public long subD(long a, long b, int rm) {
        return addD(a, b ^ SIGN_D, rm);
    }

    public long mulD(long a, long b, int rm) {
        double x = dval(a), y = dval(b);
        double r = x * y;
        double ar = Math.abs(r);
        if (ar >= SAFE_LO && ar <= MAX_D) {
            double err = Math.fma(x, y, -r); // exact product error
            if (err == 0) return dbits(r);
            return inexactD(r, err, rm);
        }
        if (r == 0 && (x == 0 || y == 0)) return dbits(r); // zero times finite
        return FpuSlow.mul(this, a, b, rm, true);
    }

    public long divD(long a, long b, int rm) {
        double x = dval(a), y = dval(b);
        double r = x / y;
        double ar = Math.abs(r);
        if (ar >= SAFE_LO && ar <= MAX_D && Math.abs(x) >= SAFE_LO) {
            double rem = Math.fma(-r, y, x); // exact: x - r*y
            if (rem == 0) return dbits(r);
            // a quotient is never exactly halfway, so RMM rounds like RNE
            return inexactD(r, (rem > 0) == (y > 0) ? 1 : -1, rm == RMM ? RNE : rm);
        }
        if (x == 0 && r == 0) return dbits(r); // zero divided by non-zero
        return FpuSlow.div(this, a, b, rm, true);
    }

    public long sqrtD(long a, int rm) {
        double x = dval(a);
        if (x >= SAFE_LO && x <= MAX_D) {
            double r = Math.sqrt(x);
            double rem = Math.fma(-r, r, x); // exact: x - r*r
            if (rem == 0) return dbits(r);
            return inexactD(r, rem, rm == RMM ? RNE : rm); // no exact ties for sqrt
        }
        return FpuSlow.sqrt(this, a, rm, true);
    }

    public long minD(long a, long b) {
        double x = dval(a), y = dval(b);
        if (x < y) return a;
        if (y < x) return b;
        if (x == y) return a | b; // equal: identical bits, or +0/-0 -> -0
        return minMaxNaND(a, b);
    }

    public long maxD(long a, long b) {
        double x = dval(a), y = dval(b);
        if (x > y) return a;
        if (y > x) return b;
        if (x == y) return a & b; // +0/-0 -> +0
        return minMaxNaND(a, b);
    }

    private long minMaxNaND(long a, long b) {
        if (isSNaND(a) || isSNaND(b)) flags |= NV;
        if (isNaND(a)) return isNaND(b) ? CANON_D : b;
        return a;
    }

    public long fmaddD(long a, long b, long c, int rm) { return fmaD(a, b, c, rm); }
    public long fmsubD(long a, long b, long c, int rm) { return fmaD(a, b, c ^ SIGN_D, rm); }
    public long fnmsubD(long a, long b, long c, int rm) { return fmaD(a ^ SIGN_D, b, c, rm); }
    public long fnmaddD(long a, long b, long c, int rm) { return fmaD(a ^ SIGN_D, b, c ^ SIGN_D, rm); }

    private long fmaD(long a, long b, long c, int rm) {
        double x = dval(a), y = dval(b), z = dval(c);
        double r = Math.fma(x, y, z);
        double u1 = x * y;
        double au = Math.abs(u1), az = Math.abs(z), ar = Math.abs(r);
        if (au >= FMA_LO && au <= FMA_HI && (az >= FMA_LO && az <= FMA_HI || z == 0)
                && (ar >= FMA_LO && ar <= FMA_HI || r == 0)) {
            // ErrFma (Boldo & Muller 2011): x*y + z == r + r2 + r3 exactly, r2 = RN(r2 + r3)
            double u2 = Math.fma(x, y, -u1);
            double a1 = z + u2, t = a1 - z;
            double a2 = (z - (a1 - t)) + (u2 - t);
            double b1 = u1 + a1;
            t = b1 - u1;
            double b2 = (u1 - (b1 - t)) + (a1 - t);
            double g = (b1 - r) + b2;
            double r2 = g + a2;
            if (r2 == 0) { // exact
                if (r == 0 && rm == RDN) return SIGN_D; // non-zero product cancelled by z
                return dbits(r);
            }
            double r3 = a2 - (r2 - g);
            return fmaInexactD(r, r2, r3, rm);
        }
        return FpuSlow.fma(this, a, b, c, rm, true);
    }

    private long fmaInexactD(double r, double r2, double r3, int rm) {
        flags |= NX;
        long rb = dbits(r);
        if (rm == RNE) return rb;
        boolean away = (r2 > 0) == (rb >= 0);
        boolean tie = away && r3 == 0 && Math.abs(r2) == 0.5 * Math.ulp(r);
        return directedD(rb, away, tie, rm);
    }

    /**
     * Finishes an inexact result: r is the round-to-nearest-even result (finite, normal, not
     * near the underflow threshold) and err is exact - r, exact or (if rm is not RMM) just of
     * the right sign.
     */
    private long inexactD(double r, double err, int rm) {
        flags |= NX;
        long rb = dbits(r);
        if (rm == RNE) return rb;
        boolean away = (err > 0) == (rb >= 0); // exact value lies farther from zero than r
        return directedD(rb, away, rm == RMM && away && Math.abs(err) == 0.5 * Math.ulp(r), rm);
    }

    private long directedD(long rb, boolean away, boolean tieAway, int rm) {
        int adj = switch (rm) {
            case RTZ -> away ? 0 : -1;
            case RDN -> rb < 0 ? (away ? 1 : 0) : (away ? 0 : -1);
            case RUP -> rb < 0 ? (away ? 0 : -1) : (away ? 1 : 0);
            default -> tieAway ? 1 : 0; // RMM differs from RNE only on ties broken toward zero
        };
        rb += adj; // one ulp in magnitude, sign-magnitude encoding
        if ((rb & MAG_D) == INF_D) flags |= OF;
        return rb;
    }

    public int eqD(long a, long b) {
        if (dval(a) == dval(b)) return 1;
        if (isSNaND(a) || isSNaND(b)) flags |= NV;
        return 0;
    }

    public int ltD(long a, long b) {
        if (dval(a) < dval(b)) return 1;
        if (isNaND(a) || isNaND(b)) flags |= NV;
        return 0;
    }

    public int leD(long a, long b) {
        if (dval(a) <= dval(b)) return 1;
        if (isNaND(a) || isNaND(b)) flags |= NV;
        return 0;
    }

    public static int classD(long a) {
        boolean n = a < 0;
        long mag = a & MAG_D;
        if (mag == INF_D) return n ? 1 : 1 << 7;
        if (mag > INF_D) return (a & 0x0008000000000000L) != 0 ? 1 << 9 : 1 << 8;
        if (mag == 0) return n ? 1 << 3 : 1 << 4;
        if (mag < 0x0010000000000000L) return n ? 1 << 2 : 1 << 5;
        return n ? 1 << 1 : 1 << 6;
    }

    public long cvtWD(long a, int rm) { return toW(dval(a), rm); }
    public long cvtWUD(long a, int rm) { return toWU(dval(a), rm); }
    public long cvtLD(long a, int rm) { return toL(dval(a), rm); }
    public long cvtLUD(long a, int rm) { return toLU(dval(a), rm); }

    public long cvtDW(long x, int rm) { return dbits((int) x); }
    public long cvtDWU(long x, int rm) { return dbits(x & 0xffffffffL); }

    public long cvtDL(long x, int rm) {
        if (x >= -(1L << 53) && x <= (1L << 53)) return dbits(x);
        return FpuSlow.fromInt(this, x, true, rm, true);
    }

    public long cvtDLU(long x, int rm) {
        if (x >= 0 && x <= (1L << 53)) return dbits(x);
        return FpuSlow.fromInt(this, x, false, rm, true);
    }

    public int cvtSD(long d, int rm) {
        double x = dval(d);
        if (x != 0 && Math.abs(x) <= MAX_D) return roundD2S(x, 0, rm);
        return (int) FpuSlow.cvtFF(this, d, rm, true, false);
    }

    public long cvtDS(int s) {
        if (isNaNS(s)) {
            if (isSNaNS(s)) flags |= NV;
            return CANON_D;
        }
        return dbits(sval(s)); // exact
    }

    // ---------------------------------------------------------------- float -> integer

    /** Rounds to an integral value in the given mode (NaN and infinities pass through). */
    private static double roundIntegral(double d, int rm) {
        switch (rm) {
            case RNE: return Math.rint(d);
            case RTZ: return d < 0 ? Math.ceil(d) : Math.floor(d);
            case RDN: return Math.floor(d);
            case RUP: return Math.ceil(d);
            default: {
                double t = d < 0 ? Math.ceil(d) : Math.floor(d);
                return Math.abs(d - t) >= 0.5 ? t + Math.copySign(1.0, d) : t;
            }
        }
    }

    private long toW(double d, int rm) {
        double r = roundIntegral(d, rm);
        if (r >= -0x1p31 && r <= 0x1p31 - 1) {
            if (r != d) flags |= NX;
            return (int) r;
        }
        flags |= NV; // out of range or NaN: saturate, no NX
        return r < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }

    private long toWU(double d, int rm) {
        double r = roundIntegral(d, rm);
        if (r >= 0 && r <= 0x1p32 - 1) { // includes -0.0 (negative values rounding to zero)
            if (r != d) flags |= NX;
            return (int) (long) r; // sign-extended, as RV64 does
        }
        flags |= NV;
        return r < 0 ? 0 : -1L;
    }

    private long toL(double d, int rm) {
        double r = roundIntegral(d, rm);
        if (r >= -0x1p63 && r < 0x1p63) {
            if (r != d) flags |= NX;
            return (long) r;
        }
        flags |= NV;
        return r < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    private long toLU(double d, int rm) {
        double r = roundIntegral(d, rm);
        if (r >= 0 && r < 0x1p64) {
            if (r != d) flags |= NX;
            return r < 0x1p63 ? (long) r : (long) (r - 0x1p63) ^ Long.MIN_VALUE;
        }
        flags |= NV;
        return r < 0 ? 0 : -1L;
    }

    // =====================================================================================
    // Single precision (computed in double, rounded once to binary32 by roundD2S)
    // =====================================================================================

    /**
     * Rounds the exact value d + e to binary32, where d is a finite non-zero double and e is
     * either 0 (d exact) or an error term smaller than half an ulp of d of which only the sign
     * matters. Float rounding boundaries are doubles, so d and the sign of e decide the result.
     */
    private int roundD2S(double d, double e, int rm) {
        long db = dbits(d);
        long mag = db & MAG_D;
        // binary32 exponent field 2..254: result and its neighbours are normal and finite
        if (mag >= (898L << 52) && mag < (1151L << 52)) {
            int t = (int) mag & 0x1fffffff; // the 29 bits below binary32 precision
            if (rm != RNE || t == 0x10000000) return roundD2SDirected(db, t, e, rm);
            int fb = (int) ((mag >>> 29) - (896L << 23)) | ((int) (db >>> 32) & SIGN_S);
            if (t == 0) { // d is a binary32 value: exact, or nearest to the exact value
                if (e != 0) flags |= NX;
                return fb;
            }
            flags |= NX; // not a midpoint: rounding d to nearest rounds the exact value
            if (t > 0x10000000 && (++fb & 0x7fffffff) == 0x7f800000) flags |= OF;
            return fb;
        }
        return roundD2SSlow(db, e, rm);
    }

    /** roundD2S for directed modes and binary32 midpoints (t: the 29 discarded bits of d). */
    private int roundD2SDirected(long db, int t, double e, int rm) {
        int fb = (int) (((db & MAG_D) >>> 29) - (896L << 23));
        int sign = (int) (db >>> 32) & SIGN_S;
        if (t == 0 && e == 0) return sign | fb;
        flags |= NX;
        int s = e == 0 ? 0 : (e > 0) == (db >= 0) ? 1 : -1;
        fb += FpuSlow.rinc(rm, db < 0, t, 0x10000000, s, fb);
        if (fb == 0x7f800000) flags |= OF;
        return sign | fb;
    }

    private int roundD2SSlow(long db, double e, int rm) {
        boolean n = db < 0;
        int ex = (int) ((db & MAG_D) >>> 52);
        long m = db & 0x000fffffffffffffL;
        if (ex != 0) m |= 1L << 52;
        else ex = 1;
        m <<= 10;
        if (e != 0) { // d is then a normal double: the residual sits 10 bits below its last bit
            if ((e > 0) != n) m |= 1;
            else m -= 1;
        }
        return (int) FpuSlow.roundPack(this, n, m, ex - 1075 - 10, rm, false);
    }

    public int addS(int a, int b, int rm) {
        double x = sval(a), y = sval(b);
        double d = x + y;
        if (Math.abs(d) <= MAX_D) { // operands finite (no overflow in double)
            if (d == 0) return rm == RDN ? (a | b) & SIGN_S : Float.floatToRawIntBits((float) d);
            double t = d - x;
            double e = (x - (d - t)) + (y - t);
            return roundD2S(d, e, rm);
        }
        return (int) FpuSlow.add(this, u32(a), u32(b), rm, false);
    }

    public int subS(int a, int b, int rm) {
        return addS(a, b ^ SIGN_S, rm);
    }

    public int mulS(int a, int b, int rm) {
        double d = sval(a) * sval(b); // exact
        if (Math.abs(d) <= MAX_D) {
            if (d == 0) return Float.floatToRawIntBits((float) d);
            return roundD2S(d, 0, rm);
        }
        return (int) FpuSlow.mul(this, u32(a), u32(b), rm, false);
    }

    public int divS(int a, int b, int rm) {
        double x = sval(a), y = sval(b);
        double d = x / y;
        if (Math.abs(d) <= MAX_D) {
            if (d == 0) return Float.floatToRawIntBits((float) d); // 0/y or x/inf: exact
            double rem = Math.fma(-d, y, x); // exact
            return roundD2S(d, rem == 0 ? 0 : (rem > 0) == (y > 0) ? 1 : -1, rm);
        }
        return (int) FpuSlow.div(this, u32(a), u32(b), rm, false);
    }

    public int sqrtS(int a, int rm) {
        double x = sval(a);
        if (x > 0 && x <= MAX_D) {
            double d = Math.sqrt(x);
            return roundD2S(d, Math.fma(-d, d, x), rm); // remainder is exact
        }
        return (int) FpuSlow.sqrt(this, u32(a), rm, false);
    }

    public int minS(int a, int b) {
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        if (x < y) return a;
        if (y < x) return b;
        if (x == y) return a | b;
        return minMaxNaNS(a, b);
    }

    public int maxS(int a, int b) {
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        if (x > y) return a;
        if (y > x) return b;
        if (x == y) return a & b;
        return minMaxNaNS(a, b);
    }

    private int minMaxNaNS(int a, int b) {
        if (isSNaNS(a) || isSNaNS(b)) flags |= NV;
        if (isNaNS(a)) return isNaNS(b) ? CANON_S : b;
        return a;
    }

    public int fmaddS(int a, int b, int c, int rm) { return fmaS(a, b, c, rm); }
    public int fmsubS(int a, int b, int c, int rm) { return fmaS(a, b, c ^ SIGN_S, rm); }
    public int fnmsubS(int a, int b, int c, int rm) { return fmaS(a ^ SIGN_S, b, c, rm); }
    public int fnmaddS(int a, int b, int c, int rm) { return fmaS(a ^ SIGN_S, b, c ^ SIGN_S, rm); }

    private int fmaS(int a, int b, int c, int rm) {
        double p = sval(a) * sval(b); // exact
        double z = sval(c);
        double d = p + z;
        if (Math.abs(d) <= MAX_D && Math.abs(p) <= MAX_D) { // all finite
            if (d == 0) { // exact zero
                if (rm != RDN) return Float.floatToRawIntBits((float) d);
                return (dbits(p) < 0 || c < 0) ? SIGN_S : 0;
            }
            double t = d - p;
            double e = (p - (d - t)) + (z - t); // TwoSum error
            return roundD2S(d, e, rm);
        }
        return (int) FpuSlow.fma(this, u32(a), u32(b), u32(c), rm, false);
    }

    public int eqS(int a, int b) {
        if (sval(a) == sval(b)) return 1;
        if (isSNaNS(a) || isSNaNS(b)) flags |= NV;
        return 0;
    }

    public int ltS(int a, int b) {
        if (sval(a) < sval(b)) return 1;
        if (isNaNS(a) || isNaNS(b)) flags |= NV;
        return 0;
    }

    public int leS(int a, int b) {
        if (sval(a) <= sval(b)) return 1;
        if (isNaNS(a) || isNaNS(b)) flags |= NV;
        return 0;
    }

    public static int classS(int a) {
        boolean n = a < 0;
        int mag = a & 0x7fffffff;
        if (mag == 0x7f800000) return n ? 1 : 1 << 7;
        if (mag > 0x7f800000) return (a & 0x00400000) != 0 ? 1 << 9 : 1 << 8;
        if (mag == 0) return n ? 1 << 3 : 1 << 4;
        if (mag < 0x00800000) return n ? 1 << 2 : 1 << 5;
        return n ? 1 << 1 : 1 << 6;
    }

    public long cvtWS(int a, int rm) { return toW(sval(a), rm); }
    public long cvtWUS(int a, int rm) { return toWU(sval(a), rm); }
    public long cvtLS(int a, int rm) { return toL(sval(a), rm); }
    public long cvtLUS(int a, int rm) { return toLU(sval(a), rm); }

    public int cvtSW(long x, int rm) {
        int v = (int) x;
        if (v >= -(1 << 24) && v <= (1 << 24)) return Float.floatToRawIntBits(v);
        return (int) FpuSlow.fromInt(this, v, true, rm, false);
    }

    public int cvtSWU(long x, int rm) {
        long v = x & 0xffffffffL;
        if (v <= (1 << 24)) return Float.floatToRawIntBits(v);
        return (int) FpuSlow.fromInt(this, v, false, rm, false);
    }

    public int cvtSL(long x, int rm) {
        if (x >= -(1L << 24) && x <= (1L << 24)) return Float.floatToRawIntBits(x);
        return (int) FpuSlow.fromInt(this, x, true, rm, false);
    }

    public int cvtSLU(long x, int rm) {
        if (x >= 0 && x <= (1L << 24)) return Float.floatToRawIntBits(x);
        return (int) FpuSlow.fromInt(this, x, false, rm, false);
    }
}
