package org.subcons.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.subcons.hart.Fpu.DZ;
import static org.subcons.hart.Fpu.NV;
import static org.subcons.hart.Fpu.NX;
import static org.subcons.hart.Fpu.OF;
import static org.subcons.hart.Fpu.RDN;
import static org.subcons.hart.Fpu.RMM;
import static org.subcons.hart.Fpu.RNE;
import static org.subcons.hart.Fpu.RTZ;
import static org.subcons.hart.Fpu.RUP;
import static org.subcons.hart.Fpu.UF;

import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

/** Named corner cases of the RISC-V F/D semantics (all values confirmed against qemu). */
class FpuCornerTest {
    // binary32 values
    static final int ONE = 0x3f800000, MONE = 0xbf800000, TWO = 0x40000000, HALF = 0x3f000000;
    static final int PZERO = 0, NZERO = 0x80000000;
    static final int MAXF = 0x7f7fffff, MINNORM = 0x00800000, MINSUB = 0x00000001;
    static final int PINF = 0x7f800000, NINF = 0xff800000, QNAN = 0x7fc00000, SNAN = 0x7f800001;
    static final int HALF_ULP_OF_ONE = 0x33800000; // 2^-24
    // binary64 values
    static final long D_ONE = 0x3ff0000000000000L, D_MAX = 0x7fefffffffffffffL, D_INF = 0x7ff0000000000000L;
    static final long D_QNAN = 0x7ff8000000000000L, D_SNAN = 0x7ff0000000000001L;
    static final long D_MINNORM = 0x0010000000000000L;

    private static void s(int expected, int expectedFlags, ToIntFunction<Fpu> op) {
        Fpu f = new Fpu();
        int r = op.applyAsInt(f);
        assertEquals(Integer.toHexString(expected), Integer.toHexString(r), "result");
        assertEquals(FpuVectorTest.flagNames(expectedFlags), FpuVectorTest.flagNames(f.flags), "flags");
    }

    private static void d(long expected, int expectedFlags, ToLongFunction<Fpu> op) {
        Fpu f = new Fpu();
        long r = op.applyAsLong(f);
        assertEquals(Long.toHexString(expected), Long.toHexString(r), "result");
        assertEquals(FpuVectorTest.flagNames(expectedFlags), FpuVectorTest.flagNames(f.flags), "flags");
    }

    @Test
    void halfwayCasesDependOnRoundingMode() {
        // 1 + 2^-24 is exactly halfway between 1 and 1 + 2^-23
        s(ONE, NX, f -> f.addS(ONE, HALF_ULP_OF_ONE, RNE));        // ties to even
        s(ONE + 1, NX, f -> f.addS(ONE, HALF_ULP_OF_ONE, RMM));    // ties away from zero
        s(ONE, NX, f -> f.addS(ONE, HALF_ULP_OF_ONE, RTZ));
        s(ONE, NX, f -> f.addS(ONE, HALF_ULP_OF_ONE, RDN));
        s(ONE + 1, NX, f -> f.addS(ONE, HALF_ULP_OF_ONE, RUP));
        // -1 - 2^-24: RDN goes away from zero, RUP toward it
        s(MONE + 1, NX, f -> f.subS(MONE, HALF_ULP_OF_ONE, RDN));
        s(MONE, NX, f -> f.subS(MONE, HALF_ULP_OF_ONE, RUP));
        // binary64: 1 + 2^-53
        d(D_ONE, NX, f -> f.addD(D_ONE, 0x3ca0000000000000L, RNE));
        d(D_ONE + 1, NX, f -> f.addD(D_ONE, 0x3ca0000000000000L, RMM));
        // integer conversions: 2^24 + 1 is halfway in binary32
        s(0x4b800000, NX, f -> f.cvtSL((1 << 24) + 1, RNE));
        s(0x4b800001, NX, f -> f.cvtSL((1 << 24) + 1, RMM));
        d(0x4340000000000000L, NX, f -> f.cvtDL((1L << 53) + 1, RNE));
        d(0x4340000000000001L, NX, f -> f.cvtDL((1L << 53) + 1, RUP));
    }

    @Test
    void exactZeroSumIsNegativeOnlyWhenRoundingDown() {
        s(PZERO, 0, f -> f.subS(ONE, ONE, RNE));
        s(NZERO, 0, f -> f.subS(ONE, ONE, RDN));
        s(NZERO, 0, f -> f.addS(NZERO, NZERO, RNE));
        s(PZERO, 0, f -> f.addS(PZERO, NZERO, RUP));
        s(NZERO, 0, f -> f.addS(PZERO, NZERO, RDN));
        d(0x8000000000000000L, 0, f -> f.subD(D_ONE, D_ONE, RDN));
        // fma: 1*1 + (-1)
        s(PZERO, 0, f -> f.fmaddS(ONE, ONE, MONE, RNE));
        s(NZERO, 0, f -> f.fmaddS(ONE, ONE, MONE, RDN));
        d(0x8000000000000000L, 0, f -> f.fmsubD(D_ONE, D_ONE, D_ONE, RDN));
        // fnmadd: -(0*1) - 0 = -0 - 0 = -0
        s(NZERO, 0, f -> f.fnmaddS(PZERO, ONE, PZERO, RNE));
    }

    @Test
    void overflowRespectsRoundingDirection() {
        s(PINF, OF | NX, f -> f.addS(MAXF, MAXF, RNE));
        s(MAXF, OF | NX, f -> f.addS(MAXF, MAXF, RTZ));
        s(MAXF, OF | NX, f -> f.addS(MAXF, MAXF, RDN));
        s(PINF, OF | NX, f -> f.addS(MAXF, MAXF, RUP));
        s(NINF, OF | NX, f -> f.mulS(MAXF | 0x80000000, TWO, RDN));
        s(0xff7fffff, OF | NX, f -> f.mulS(MAXF | 0x80000000, TWO, RUP));
        d(D_INF, OF | NX, f -> f.mulD(D_MAX, 0x4000000000000000L, RMM));
        d(D_MAX, OF | NX, f -> f.mulD(D_MAX, 0x4000000000000000L, RTZ));
        // MAX + half an ulp: stays MAX when rounding to nearest, overflows when rounding up
        d(D_MAX, OF | NX, f -> f.addD(D_MAX, D_MAX, RTZ));
        // MAX + a quarter ulp (2^102): stays MAX when rounding to nearest, overflows rounding up
        s(MAXF, NX, f -> f.addS(MAXF, 0x72800000, RNE));
        s(PINF, OF | NX, f -> f.addS(MAXF, 0x72800000, RUP));
        // MAX + half an ulp (2^103) is a tie; MAX is odd, so it rounds to even = overflow
        s(PINF, OF | NX, f -> f.addS(MAXF, 0x73000000, RNE));
        s(MAXF, NX, f -> f.addS(MAXF, 0x73000000, RTZ));
    }

    @Test
    void underflowUsesTininessAfterRounding() {
        // half of the min normal is an exact subnormal: no flags at all
        s(0x00400000, 0, f -> f.mulS(MINNORM, HALF, RNE));
        // 2^-126 * (1 - 2^-24) is tiny even after rounding, and inexact as a subnormal
        s(MINNORM, UF | NX, f -> f.mulS(MINNORM, 0x3f7fffff, RNE));
        s(0x007fffff, UF | NX, f -> f.mulS(MINNORM, 0x3f7fffff, RTZ));
        // 2^-126 * (1 - 2^-25) rounds (unbounded exponent) to 2^-126: not tiny, so NX only
        long justBelowMinNormal = 0x380ffffff0000000L; // 2^-126 * (1 - 2^-25) as a double
        s(MINNORM, NX, f -> f.cvtSD(justBelowMinNormal, RNE));
        s(0x007fffff, UF | NX, f -> f.cvtSD(justBelowMinNormal, RTZ));
        // results that round to zero
        s(PZERO, UF | NX, f -> f.mulS(MINSUB, HALF, RNE));   // tie -> even (0)
        s(MINSUB, UF | NX, f -> f.mulS(MINSUB, HALF, RUP));
        s(MINSUB, UF | NX, f -> f.mulS(MINSUB, HALF, RMM));
        d(0, UF | NX, f -> f.mulD(1, 0x3fe0000000000000L, RNE));
        d(D_MINNORM, UF | NX, f -> f.mulD(D_MINNORM, 0x3fefffffffffffffL, RNE));
    }

    @Test
    void invalidAndDivideByZero() {
        s(QNAN, NV, f -> f.subS(PINF, PINF, RNE));
        s(QNAN, NV, f -> f.mulS(PINF, PZERO, RNE));
        s(QNAN, NV, f -> f.divS(PZERO, PZERO, RNE));
        s(QNAN, NV, f -> f.divS(PINF, NINF, RNE));
        s(NINF, DZ, f -> f.divS(MONE, PZERO, RNE));
        s(PINF, 0, f -> f.divS(PINF, PZERO, RNE));          // inf / 0 is exact
        s(QNAN, NV, f -> f.sqrtS(MONE, RNE));
        s(NZERO, 0, f -> f.sqrtS(NZERO, RNE));               // sqrt(-0) = -0
        d(D_QNAN, NV, f -> f.sqrtD(0x8000000000000001L, RNE));
        d(0xfff0000000000000L, DZ, f -> f.divD(0x8000000000000001L, 0, RUP));
    }

    @Test
    void nanResultsAreCanonical() {
        s(QNAN, 0, f -> f.addS(0xffc00123, ONE, RNE));      // quiet NaN payload is dropped
        s(QNAN, NV, f -> f.addS(SNAN, ONE, RNE));           // signaling NaN raises NV
        s(QNAN, NV, f -> f.fmaddS(ONE, ONE, SNAN, RNE));
        d(D_QNAN, 0, f -> f.mulD(0xfff8000000000005L, D_ONE, RNE));
        d(D_QNAN, NV, f -> f.cvtDS(SNAN));
        s(QNAN, NV, f -> f.cvtSD(D_SNAN, RNE));
        s(QNAN, 0, f -> f.cvtSD(0xfff8000000000000L, RNE));
    }

    @Test
    void fmaInfinityTimesZeroIsInvalidEvenWithQuietNaNAddend() {
        s(QNAN, NV, f -> f.fmaddS(PINF, PZERO, QNAN, RNE));
        s(QNAN, NV, f -> f.fmaddS(PZERO, NINF, QNAN, RNE));
        d(D_QNAN, NV, f -> f.fnmaddD(D_INF, 0, D_QNAN, RNE));
        s(QNAN, NV, f -> f.fmaddS(PINF, ONE, NINF, RNE));    // inf - inf
        s(PINF, 0, f -> f.fmaddS(PINF, ONE, PINF, RNE));
    }

    @Test
    void minMaxAreMinimumNumberMaximumNumber() {
        s(ONE, 0, f -> f.minS(QNAN, ONE));                   // one NaN: the other operand
        s(ONE, 0, f -> f.maxS(ONE, QNAN));
        s(ONE, NV, f -> f.minS(SNAN, ONE));                  // signaling NaN: NV, still the number
        s(QNAN, 0, f -> f.maxS(QNAN, 0xffc00001));           // both NaN: canonical NaN
        s(QNAN, NV, f -> f.minS(SNAN, QNAN));
        s(NZERO, 0, f -> f.minS(PZERO, NZERO));              // -0 < +0
        s(PZERO, 0, f -> f.maxS(NZERO, PZERO));
        d(0x8000000000000000L, 0, f -> f.minD(0, 0x8000000000000000L));
        d(D_ONE, NV, f -> f.maxD(D_ONE, D_SNAN));
    }

    @Test
    void comparisons() {
        s(0, 0, f -> f.eqS(QNAN, QNAN));                     // feq is quiet
        s(0, NV, f -> f.eqS(SNAN, ONE));
        s(0, NV, f -> f.ltS(QNAN, ONE));                     // flt/fle signal on any NaN
        s(0, NV, f -> f.leD(D_ONE, D_QNAN));
        s(1, 0, f -> f.eqS(PZERO, NZERO));
        s(1, 0, f -> f.leS(NZERO, PZERO));
        s(0, 0, f -> f.ltS(NZERO, PZERO));
        s(1, 0, f -> f.ltD(0xfff0000000000000L, 0x8000000000000001L));
    }

    @Test
    void floatToIntegerSaturates() {
        d(0x7fffffffL, NV, f -> f.cvtWS(QNAN, RNE));                 // NaN -> max
        d(0xffffffff80000000L, NV, f -> f.cvtWS(NINF, RNE));
        d(0x7fffffffL, NV, f -> f.cvtWS(0x4f000000, RNE));            // 2^31 out of range
        d(0xffffffff80000000L, 0, f -> f.cvtWS(0xcf000000, RNE));     // -2^31 fits
        d(-1L, NV, f -> f.cvtWUS(QNAN, RNE));                         // 0xffffffff, sign-extended
        d(0xffffffffb2d05e00L, 0, f -> f.cvtWUD(0x41e65a0bc0000000L, RNE)); // 3e9 sign-extended
        d(0, NX, f -> f.cvtWUS(0xbe99999a, RTZ));                    // -0.3 rounds to 0: only NX
        d(0, NV, f -> f.cvtWUS(0xbe99999a, RDN));                    // -0.3 rounds to -1: invalid
        d(0, NV, f -> f.cvtWUS(MONE, RNE));
        d(Long.MAX_VALUE, NV, f -> f.cvtLD(0x43e0000000000000L, RNE)); // 2^63
        d(Long.MIN_VALUE, 0, f -> f.cvtLD(0xc3e0000000000000L, RNE));  // -2^63
        d(-1L, NV, f -> f.cvtLUD(D_QNAN, RNE));
        d(0x8000000000000000L, 0, f -> f.cvtLUD(0x43e0000000000000L, RNE)); // 2^63 fits unsigned
        d(-1L, NV, f -> f.cvtLUD(0x43f0000000000000L, RNE));          // 2^64 does not
        d(3, NX, f -> f.cvtWS(0x40200000, RMM));                      // 2.5 -> 3 (ties away)
        d(2, NX, f -> f.cvtWS(0x40200000, RNE));                      // 2.5 -> 2 (ties even)
        d(-3, NX, f -> f.cvtLS(0xc0200000, RDN));                     // -2.5 -> -3
    }

    @Test
    void integerToFloatUsesLow32BitsForWordConversions() {
        s(MONE, 0, f -> f.cvtSW(0x12345678ffffffffL, RNE));           // (int) -1
        s(0x4f800000, NX, f -> f.cvtSWU(0x12345678ffffffffL, RNE));   // 4294967295 -> 2^32
        s(0x4f7fffff, NX, f -> f.cvtSWU(0x12345678ffffffffL, RTZ));
        d(0xbff0000000000000L, 0, f -> f.cvtDW(0xdeadbeefffffffffL, RNE));
        d(0x41efffffffe00000L, 0, f -> f.cvtDWU(0xdeadbeefffffffffL, RNE));
        s(0x5f800000, NX, f -> f.cvtSLU(-1L, RNE));                   // 2^64 - 1 -> 2^64
        d(0xc3e0000000000000L, 0, f -> f.cvtDL(Long.MIN_VALUE, RNE));
        s(PZERO, 0, f -> f.cvtSL(0, RDN));                            // integer zero is +0
    }

    @Test
    void classify() {
        assertEquals(1 << 0, Fpu.classS(NINF));
        assertEquals(1 << 1, Fpu.classS(MONE));
        assertEquals(1 << 2, Fpu.classS(0x807fffff));
        assertEquals(1 << 3, Fpu.classS(NZERO));
        assertEquals(1 << 4, Fpu.classS(PZERO));
        assertEquals(1 << 5, Fpu.classS(MINSUB));
        assertEquals(1 << 6, Fpu.classS(MINNORM));
        assertEquals(1 << 7, Fpu.classS(PINF));
        assertEquals(1 << 8, Fpu.classS(SNAN));
        assertEquals(1 << 9, Fpu.classS(QNAN));
        assertEquals(1 << 8, Fpu.classD(D_SNAN));
        assertEquals(1 << 9, Fpu.classD(0xfff8000000000000L));
        assertEquals(1 << 2, Fpu.classD(0x8000000000000001L));
    }

    @Test
    void nanBoxing() {
        assertEquals(ONE, Fpu.unboxS(0xffffffff3f800000L));
        assertEquals(QNAN, Fpu.unboxS(0x000000003f800000L));     // not boxed
        assertEquals(QNAN, Fpu.unboxS(0xfffffffe3f800000L));
        assertEquals(QNAN, Fpu.unboxS(D_ONE));                    // a double in the register
        assertEquals(0xffffffff80000000L, Fpu.boxS(NZERO));
    }

    @Test
    void flagsAccumulate() {
        Fpu f = new Fpu();
        f.divS(ONE, PZERO, RNE);
        f.addS(ONE, HALF_ULP_OF_ONE, RNE);
        f.addS(ONE, ONE, RNE);                                    // exact: clears nothing
        assertEquals(DZ | NX, f.flags);
    }
}
