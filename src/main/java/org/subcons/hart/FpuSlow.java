package org.subcons.hart;

import static org.subcons.hart.Fpu.DZ;
import static org.subcons.hart.Fpu.NV;
import static org.subcons.hart.Fpu.NX;
import static org.subcons.hart.Fpu.OF;
import static org.subcons.hart.Fpu.RDN;
import static org.subcons.hart.Fpu.RMM;
import static org.subcons.hart.Fpu.RNE;
import static org.subcons.hart.Fpu.RUP;
import static org.subcons.hart.Fpu.UF;

import java.math.BigInteger;

/**
 * Exact reference implementation of RISC-V F/D arithmetic, using integer and
 * {@link BigInteger} arithmetic only.
 *
 * <p>Simple and slow. {@link Fpu} uses it for the rare cases its hardware fast
 * paths do not cover (subnormal and near-underflow results, overflow, NaN and
 * infinity operands); the tests use it as a second, independent
 * implementation.
 *
 * <p>Values are raw IEEE bits in a {@code long}; for single precision
 * ({@code d == false}) only the low 32 bits are meaningful and results have
 * the upper 32 bits clear. Flags are OR-ed into {@link Fpu#flags}.
 */
final class FpuSlow {
    private FpuSlow() {}

    // ------------------------------------------------------------------ format helpers

    static int fracBits(boolean d) { return d ? 52 : 23; }
    static int prec(boolean d) { return d ? 53 : 24; }
    static int bias(boolean d) { return d ? 1023 : 127; }
    static long signBit(boolean d) { return d ? 0x8000000000000000L : 0x80000000L; }
    static long expMax(boolean d) { return d ? 0x7ffL : 0xffL; }
    static long fracMask(boolean d) { return (1L << fracBits(d)) - 1; }
    static long canon(boolean d) { return d ? Fpu.CANON_D : 0x7fc00000L; }
    static long infBits(boolean d) { return expMax(d) << fracBits(d); }

    static long bits(long a, boolean d) { return d ? a : a & 0xffffffffL; }
    static boolean neg(long a, boolean d) { return (a & signBit(d)) != 0; }
    static int expField(long a, boolean d) { return (int) ((a >>> fracBits(d)) & expMax(d)); }
    static boolean isNaN(long a, boolean d) { return expField(a, d) == expMax(d) && (a & fracMask(d)) != 0; }
    static boolean isSNaN(long a, boolean d) { return isNaN(a, d) && (a & (1L << (fracBits(d) - 1))) == 0; }
    static boolean isInf(long a, boolean d) { return expField(a, d) == expMax(d) && (a & fracMask(d)) == 0; }
    static boolean isZero(long a, boolean d) { return (a & ~signBit(d)) == 0; }
    /** Integer significand (hidden bit included for normal numbers). */
    static long mant(long a, boolean d) {
        long f = a & fracMask(d);
        return expField(a, d) != 0 ? f | (1L << fracBits(d)) : f;
    }
    /** Exponent of the significand's unit bit: value = mant * 2^exp2. */
    static int exp2(long a, boolean d) { return Math.max(expField(a, d), 1) - bias(d) - fracBits(d); }
    static long inf(boolean n, boolean d) { return (n ? signBit(d) : 0) | infBits(d); }
    static long zero(boolean n, boolean d) { return n ? signBit(d) : 0; }

    // ------------------------------------------------------------------ rounding

    /**
     * Rounding decision: the exact magnitude is {@code q + (t + s*eps) / (2*half)} units of the
     * last kept place, where {@code 0 <= t < 2*half} are the discarded bits and {@code s} is the
     * sign (-1, 0, 1) of a residual too small to reach the lowest bit of {@code t}.
     * Returns the adjustment to apply to the magnitude {@code q}: -1, 0 or +1.
     */
    static int rinc(int rm, boolean neg, long t, long half, int s, long q) {
        if (rm == RNE || rm == RMM) {
            if (t == 0) return 0;
            if (t != half) return t > half ? 1 : 0;
            if (s != 0) return s > 0 ? 1 : 0;
            return rm == RMM ? 1 : (int) (q & 1);
        }
        boolean away = rm == RUP ? !neg : rm == RDN && neg;
        if (t == 0) return s > 0 ? (away ? 1 : 0) : s < 0 ? (away ? 0 : -1) : 0;
        return away ? 1 : 0;
    }

    /** Result of an overflow (exponent beyond the format) in rounding mode rm; raises OF and NX. */
    static long overflow(Fpu f, boolean neg, int rm, boolean d) {
        f.flags |= OF | NX;
        boolean toInf = rm == RNE || rm == RMM || (rm == RUP ? !neg : rm == RDN && neg);
        return (neg ? signBit(d) : 0) | (toInf ? infBits(d) : infBits(d) - 1);
    }

    /**
     * Rounds {@code (-1)^neg * m * 2^exp} to the format, m unsigned and non-zero. The lowest
     * bits of m may serve as sticky bits, as long as they lie at least two places below the
     * rounding position (any m with the leading bit of the exact value and at least p+2
     * significant bits is fine).
     * Tininess is detected after rounding; UF is raised only for tiny inexact results.
     */
    static long roundPack(Fpu f, boolean neg, long m, int exp, int rm, boolean d) {
        final int p = prec(d), emin = 1 - bias(d), emax = bias(d);
        if (m < 0) { // unsigned >= 2^63
            m = (m >>> 1) | (m & 1);
            exp++;
        }
        int lz = Long.numberOfLeadingZeros(m) - 1;
        m <<= lz;
        exp -= lz;
        int e = exp + 62; // exponent of the leading bit
        int shift = 63 - p;
        boolean tiny = false;
        if (e < emin) {
            // tiny unless rounding to p bits with unbounded exponent gives 2^emin
            tiny = e < emin - 1 || (m >>> shift) + rinc(rm, neg, m & ((1L << shift) - 1),
                    1L << (shift - 1), 0, m >>> shift) != (1L << p);
            shift += emin - e;
        }
        long q, t, half;
        if (shift >= 64) {
            q = 0;
            t = 1;
            half = 1L << 62;
        } else {
            q = m >>> shift;
            t = m & ((1L << shift) - 1);
            half = 1L << (shift - 1);
        }
        if (t != 0) {
            f.flags |= tiny ? NX | UF : NX;
            q += rinc(rm, neg, t, half, 0, q);
        }
        long sign = neg ? signBit(d) : 0;
        if (e < emin) return sign | q; // subnormal (a carry into the min normal encodes itself)
        if (q == (1L << p)) {
            q >>>= 1;
            e++;
        }
        if (e > emax) return overflow(f, neg, rm, d);
        return sign | ((long) (e + bias(d)) << fracBits(d)) | (q & fracMask(d));
    }

    /** roundPack for a BigInteger magnitude (non-zero) with an extra sticky bit below it. */
    static long roundBig(Fpu f, boolean neg, BigInteger mag, int exp, boolean sticky, int rm, boolean d) {
        int len = mag.bitLength();
        if (len > 62) {
            int sh = len - 62;
            if (!sticky) sticky = mag.getLowestSetBit() < sh;
            mag = mag.shiftRight(sh);
            exp += sh;
        }
        long m = (mag.longValue() << 1) | (sticky ? 1 : 0);
        return roundPack(f, neg, m, exp - 1, rm, d);
    }

    private static BigInteger signedMant(long a, boolean d) {
        BigInteger m = BigInteger.valueOf(mant(a, d));
        return neg(a, d) ? m.negate() : m;
    }

    /** Rounds a signed exact value v * 2^exp; an exact zero gets the sign of the rounding mode. */
    private static long roundSigned(Fpu f, BigInteger v, int exp, int rm, boolean d) {
        if (v.signum() == 0) return zero(rm == RDN, d);
        return roundBig(f, v.signum() < 0, v.abs(), exp, false, rm, d);
    }

    /** Canonical NaN result for NaN operands, raising NV if any is signaling. */
    private static long nanResult(Fpu f, boolean d, long a, long b, long c) {
        if (isSNaN(a, d) || isSNaN(b, d) || isSNaN(c, d)) f.flags |= NV;
        return canon(d);
    }

    private static long invalid(Fpu f, boolean d) {
        f.flags |= NV;
        return canon(d);
    }

    // ------------------------------------------------------------------ arithmetic

    static long add(Fpu f, long a, long b, int rm, boolean d) {
        a = bits(a, d);
        b = bits(b, d);
        if (isNaN(a, d) || isNaN(b, d)) return nanResult(f, d, a, b, b);
        if (isInf(a, d)) return isInf(b, d) && neg(a, d) != neg(b, d) ? invalid(f, d) : a;
        if (isInf(b, d)) return b;
        if (isZero(a, d) && isZero(b, d)) {
            boolean n = rm == RDN ? neg(a, d) | neg(b, d) : neg(a, d) & neg(b, d);
            return zero(n, d);
        }
        int ea = exp2(a, d), eb = exp2(b, d), e = Math.min(ea, eb);
        BigInteger s = signedMant(a, d).shiftLeft(ea - e).add(signedMant(b, d).shiftLeft(eb - e));
        return roundSigned(f, s, e, rm, d);
    }

    static long sub(Fpu f, long a, long b, int rm, boolean d) {
        return add(f, a, b ^ signBit(d), rm, d);
    }

    static long mul(Fpu f, long a, long b, int rm, boolean d) {
        a = bits(a, d);
        b = bits(b, d);
        boolean n = neg(a, d) ^ neg(b, d);
        if (isNaN(a, d) || isNaN(b, d)) return nanResult(f, d, a, b, b);
        if (isInf(a, d) || isInf(b, d)) return isZero(a, d) || isZero(b, d) ? invalid(f, d) : inf(n, d);
        if (isZero(a, d) || isZero(b, d)) return zero(n, d);
        BigInteger p = BigInteger.valueOf(mant(a, d)).multiply(BigInteger.valueOf(mant(b, d)));
        return roundBig(f, n, p, exp2(a, d) + exp2(b, d), false, rm, d);
    }

    static long div(Fpu f, long a, long b, int rm, boolean d) {
        a = bits(a, d);
        b = bits(b, d);
        boolean n = neg(a, d) ^ neg(b, d);
        if (isNaN(a, d) || isNaN(b, d)) return nanResult(f, d, a, b, b);
        if (isInf(a, d)) return isInf(b, d) ? invalid(f, d) : inf(n, d);
        if (isInf(b, d)) return zero(n, d);
        if (isZero(b, d)) {
            if (isZero(a, d)) return invalid(f, d);
            f.flags |= DZ;
            return inf(n, d);
        }
        if (isZero(a, d)) return zero(n, d);
        final int k = 120; // quotient gets >= 68 significant bits
        BigInteger[] qr = BigInteger.valueOf(mant(a, d)).shiftLeft(k)
                .divideAndRemainder(BigInteger.valueOf(mant(b, d)));
        return roundBig(f, n, qr[0], exp2(a, d) - exp2(b, d) - k, qr[1].signum() != 0, rm, d);
    }

    static long sqrt(Fpu f, long a, int rm, boolean d) {
        a = bits(a, d);
        if (isNaN(a, d)) return nanResult(f, d, a, a, a);
        if (isZero(a, d)) return a;
        if (neg(a, d)) return invalid(f, d);
        if (isInf(a, d)) return a;
        long m = mant(a, d);
        int e = exp2(a, d);
        if ((e & 1) != 0) {
            m <<= 1;
            e--;
        }
        final int k = 60; // root gets >= 60 significant bits
        BigInteger n = BigInteger.valueOf(m).shiftLeft(2 * k);
        BigInteger s = n.sqrt();
        return roundBig(f, false, s, e / 2 - k, !s.multiply(s).equals(n), rm, d);
    }

    /** a*b + c with a single rounding (the operands' signs already reflect fmsub/fnmadd/...). */
    static long fma(Fpu f, long a, long b, long c, int rm, boolean d) {
        a = bits(a, d);
        b = bits(b, d);
        c = bits(c, d);
        boolean infZero = (isInf(a, d) && isZero(b, d)) || (isZero(a, d) && isInf(b, d));
        if (isNaN(a, d) || isNaN(b, d) || isNaN(c, d)) {
            // RISC-V (qemu): inf*0 is invalid even when the addend is a quiet NaN
            if (infZero) f.flags |= NV;
            return nanResult(f, d, a, b, c);
        }
        if (infZero) return invalid(f, d);
        boolean np = neg(a, d) ^ neg(b, d), nc = neg(c, d);
        if (isInf(a, d) || isInf(b, d)) return isInf(c, d) && nc != np ? invalid(f, d) : inf(np, d);
        if (isInf(c, d)) return c;
        if (isZero(a, d) || isZero(b, d)) {
            if (!isZero(c, d)) return c;
            return zero(rm == RDN ? np | nc : np & nc, d);
        }
        BigInteger p = BigInteger.valueOf(mant(a, d)).multiply(BigInteger.valueOf(mant(b, d)));
        int ep = exp2(a, d) + exp2(b, d);
        if (isZero(c, d)) return roundBig(f, np, p, ep, false, rm, d);
        if (np) p = p.negate();
        int ec = exp2(c, d), e = Math.min(ep, ec);
        BigInteger s = p.shiftLeft(ep - e).add(signedMant(c, d).shiftLeft(ec - e));
        return roundSigned(f, s, e, rm, d);
    }

    // ------------------------------------------------------------------ conversions

    /** Format conversion: from precision {@code from} to precision {@code to}. */
    static long cvtFF(Fpu f, long a, int rm, boolean from, boolean to) {
        a = bits(a, from);
        if (isNaN(a, from)) {
            if (isSNaN(a, from)) f.flags |= NV;
            return canon(to);
        }
        boolean n = neg(a, from);
        if (isInf(a, from)) return inf(n, to);
        if (isZero(a, from)) return zero(n, to);
        return roundPack(f, n, mant(a, from), exp2(a, from), rm, to);
    }

    /** Integer to float. {@code x} is the integer, interpreted as signed or as unsigned 64 bits. */
    static long fromInt(Fpu f, long x, boolean signed, int rm, boolean d) {
        if (x == 0) return 0;
        boolean n = signed && x < 0;
        return roundPack(f, n, n ? -x : x, 0, rm, d);
    }

    static final int W = 0, WU = 1, L = 2, LU = 3;

    /** Float to integer (kind W, WU, L or LU); 32-bit results are sign-extended to 64 bits. */
    static long toInt(Fpu f, long a, int rm, boolean d, int kind) {
        a = bits(a, d);
        boolean n = neg(a, d);
        if (isNaN(a, d)) return invalidInt(f, false, kind);
        if (isInf(a, d)) return invalidInt(f, n, kind);
        if (isZero(a, d)) return 0;
        long m = mant(a, d);
        int e = exp2(a, d);
        BigInteger v;
        boolean inexact = false;
        if (e >= 0) {
            v = BigInteger.valueOf(m).shiftLeft(e);
        } else {
            int sh = -e;
            long q, t, half;
            if (sh >= 63) {
                q = 0;
                t = 1;
                half = 1L << 62;
            } else {
                q = m >>> sh;
                t = m & ((1L << sh) - 1);
                half = 1L << (sh - 1);
            }
            inexact = t != 0;
            v = BigInteger.valueOf(q + rinc(rm, n, t, half, 0, q));
        }
        if (n) v = v.negate();
        BigInteger lo, hi;
        switch (kind) {
            case W -> { lo = BigInteger.valueOf(Integer.MIN_VALUE); hi = BigInteger.valueOf(Integer.MAX_VALUE); }
            case WU -> { lo = BigInteger.ZERO; hi = BigInteger.valueOf(0xffffffffL); }
            case L -> { lo = BigInteger.valueOf(Long.MIN_VALUE); hi = BigInteger.valueOf(Long.MAX_VALUE); }
            default -> { lo = BigInteger.ZERO; hi = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE); }
        }
        if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) return invalidInt(f, n, kind);
        if (inexact) f.flags |= NX;
        long r = v.longValue();
        return kind == W || kind == WU ? (long) (int) r : r;
    }

    private static long invalidInt(Fpu f, boolean neg, int kind) {
        f.flags |= NV;
        return switch (kind) {
            case W -> neg ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case WU -> neg ? 0 : -1L;
            case L -> neg ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> neg ? 0 : -1L;
        };
    }
}
