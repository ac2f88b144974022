package org.subcons.hart;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Differential test: the hardware-based fast paths of {@link Fpu} against the exact integer
 * reference {@link FpuSlow} (itself checked against qemu by {@link FpuVectorTest}), on millions
 * of pseudo-random operands biased towards the hard cases: near-cancellation, ties, results
 * near the underflow/overflow thresholds and near the fast-path range limits, exact fma
 * results. Set -Dfpu.random=N to change the number of operand sets per instruction.
 */
class FpuDifferentialTest {
    static final int N = Integer.getInteger("fpu.random", 40_000);

    /** Random operand generator for one format (d: binary64, else binary32). */
    static final class Gen {
        final SplittableRandom rnd;
        final boolean d;
        final int mbits, ebits, bias, emaxField;

        Gen(long seed, boolean d) {
            rnd = new SplittableRandom(seed);
            this.d = d;
            mbits = d ? 52 : 23;
            ebits = d ? 11 : 8;
            bias = d ? 1023 : 127;
            emaxField = (1 << ebits) - 1;
        }

        long mask() { return d ? -1L : 0xffffffffL; }
        long signBit() { return 1L << (mbits + ebits); }
        int exp(long a) { return (int) ((a >>> mbits) & emaxField); }

        long mk(boolean neg, long e, long m) {
            e = Math.max(0, Math.min(emaxField, e));
            return (neg ? signBit() : 0) | (e << mbits) | (m & ((1L << mbits) - 1));
        }

        /** Significand with only its top k fraction bits random. */
        long shortM() {
            int k = 1 + rnd.nextInt(d ? 28 : 12);
            return rnd.nextLong() & ((1L << mbits) - 1) & ~((1L << (mbits - k)) - 1);
        }

        long anyM() { return rnd.nextBoolean() ? rnd.nextLong() : shortM(); }

        long gen() {
            boolean s = rnd.nextBoolean();
            return switch (rnd.nextInt(13)) {
                case 0 -> rnd.nextLong() & mask();
                case 1 -> mk(s, rnd.nextInt(4), rnd.nextLong());                 // subnormal / tiny
                case 2 -> mk(s, bias - 8 + rnd.nextInt(17), anyM());            // around 1
                case 3 -> mk(s, emaxField - 1 - rnd.nextInt(3), anyM());        // near overflow
                case 4 -> mk(s, 1 + rnd.nextInt(emaxField - 1), shortM());
                case 5 -> d ? mk(s, bias - 900 + rnd.nextInt(41) - 20, anyM())  // fast-path limits
                            : mk(s, bias - 75 + rnd.nextInt(11), anyM());
                case 6 -> d ? mk(s, bias - 960 + rnd.nextInt(41) - 20, anyM())
                            : mk(s, bias + 64 + rnd.nextInt(11) - 5, anyM());
                case 7 -> d ? mk(s, bias + 1000 + rnd.nextInt(21) - 10, anyM())
                            : mk(s, 1 + rnd.nextInt(6), anyM());
                case 8 -> mk(s, bias - 40 + rnd.nextInt(81), anyM());
                case 9 -> (rnd.nextLong() & 0x7) ^ mk(s, rnd.nextInt(emaxField + 1), 0); // powers of 2 +- few
                case 10 -> (mk(s, 1 + rnd.nextInt(emaxField - 1), 0) - 1 - rnd.nextInt(3)) & mask();
                default -> mk(s, 1 + rnd.nextInt(emaxField - 1), anyM());
            };
        }

        /** Second operand correlated with a (forMul: aim the product, else the quotient/sum). */
        long gen2(long a, boolean forMul) {
            int ea = exp(a);
            boolean s = rnd.nextBoolean();
            return switch (rnd.nextInt(9)) {
                case 0, 1 -> gen();
                case 2 -> (a + rnd.nextInt(9) - 4) & mask();
                case 3 -> ((a ^ signBit()) + rnd.nextInt(9) - 4) & mask();
                case 4 -> mk(s, ea + rnd.nextInt(2 * mbits + 9) - mbits - 4, anyM());
                case 5 -> forMul ? mk(s, bias + 1 - ea + rnd.nextInt(2 * mbits + 8) - mbits - 6, anyM())
                                 : mk(s, ea + bias - 1 - rnd.nextInt(2 * mbits + 8) + mbits + 2, anyM());
                case 6 -> forMul ? mk(s, 3L * bias - ea + rnd.nextInt(5) - 2, anyM())
                                 : mk(s, ea - bias + rnd.nextInt(5) - 2, anyM());
                case 7 -> mk(s, ea, shortM());
                default -> mk(s, ea + rnd.nextInt(61) - 30, rnd.nextLong());
            };
        }

        /** Addend for a*b (+c): random, cancelling, tie-making, tiny. */
        long genC(long a, long b, Fpu scratch) {
            int pe = exp(a) + exp(b) - bias;
            boolean s = rnd.nextBoolean();
            return switch (rnd.nextInt(9)) {
                case 0, 1 -> gen();
                case 2 -> { // ~ -(a*b)
                    long p = d ? scratch.mulD(a, b, Fpu.RNE) : scratch.mulS((int) a, (int) b, Fpu.RNE) & 0xffffffffL;
                    yield ((p ^ signBit()) + rnd.nextInt(5) - 2) & mask();
                }
                case 3 -> mk(s, pe - mbits - rnd.nextInt(4), rnd.nextBoolean() ? 0 : shortM());
                case 4 -> mk(s, pe + rnd.nextInt(2 * mbits + 8) - mbits - 4, shortM());
                case 5 -> mk(s, pe + rnd.nextInt(7) - 3, rnd.nextLong());
                case 6 -> mk(s, rnd.nextInt(3), rnd.nextLong());
                case 7 -> mk(s, pe - 2L * mbits - rnd.nextInt(40), rnd.nextLong());
                default -> mk(s, pe + 1, anyM());
            };
        }
    }

    private static final String[] OPS_S = {"fadd.s", "fsub.s", "fmul.s", "fdiv.s", "fsqrt.s",
        "fmadd.s", "fmsub.s", "fnmsub.s", "fnmadd.s", "fcvt.w.s", "fcvt.wu.s", "fcvt.l.s", "fcvt.lu.s",
        "fcvt.d.s", "fcvt.s.d", "fcvt.s.w", "fcvt.s.wu", "fcvt.s.l", "fcvt.s.lu"};
    private static final String[] OPS_D = {"fadd.d", "fsub.d", "fmul.d", "fdiv.d", "fsqrt.d",
        "fmadd.d", "fmsub.d", "fnmsub.d", "fnmadd.d", "fcvt.w.d", "fcvt.wu.d", "fcvt.l.d", "fcvt.lu.d",
        "fcvt.d.w", "fcvt.d.wu", "fcvt.d.l", "fcvt.d.lu"};

    private static long[] operands(String op, Gen g, Gen gd, Fpu scratch) {
        SplittableRandom r = g.rnd;
        if (op.startsWith("fcvt")) {
            String[] p = op.split("\\.");
            String to = p[1], from = p[2];
            if (from.equals("s") || from.equals("d")) {
                Gen src = from.equals("d") ? gd : g;
                if (to.equals("s") || to.equals("d")) {
                    // format conversions: any value, or concentrated on binary32 boundaries
                    if (from.equals("d") && r.nextBoolean()) {
                        long e = 1023 - 160 + r.nextInt(320);
                        return new long[] {gd.mk(r.nextBoolean(), e, gd.anyM())};
                    }
                    return new long[] {src.gen()};
                }
                // float -> int: magnitudes 2^-2 .. 2^66 plus anything
                if (r.nextInt(4) == 0) return new long[] {src.gen()};
                long e = src.bias - 2 + r.nextInt(69);
                return new long[] {src.mk(r.nextBoolean(), e, src.anyM())};
            }
            long v = r.nextLong();
            v = switch (r.nextInt(5)) {
                case 0 -> v;
                case 1 -> v >>> r.nextInt(64);
                case 2 -> v >> r.nextInt(64);
                case 3 -> (v & ~((1L << r.nextInt(40)) - 1)) >>> r.nextInt(30);
                default -> (1L << r.nextInt(64)) + r.nextInt(7) - 3;
            };
            return new long[] {v};
        }
        long a = g.gen();
        if (op.startsWith("fsqrt")) return new long[] {r.nextInt(3) == 0 ? a : a & ~g.signBit()};
        boolean isFma = op.contains("madd") || op.contains("msub");
        long b = g.gen2(a, isFma || op.startsWith("fmul"));
        if (!isFma) return new long[] {a, b};
        if (r.nextInt(4) == 0) {
            a = g.mk((a & g.signBit()) != 0, g.exp(a), g.shortM());
            b = g.mk((b & g.signBit()) != 0, g.exp(b), g.shortM());
        }
        return new long[] {a, b, g.genC(a, b, scratch)};
    }

    private static void compare(String[] ops, boolean d, long seed) {
        Gen g = new Gen(seed, d), gd = d ? g : new Gen(seed ^ 0x5DEECE66DL, true);
        Fpu scratch = new Fpu();
        StringBuilder report = new StringBuilder();
        int bad = 0;
        long total = 0;
        for (String op : ops) {
            for (int i = 0; i < N; i++) {
                long[] o = operands(op, g, gd, scratch);
                for (int rm = 0; rm < 5; rm++) {
                    Fpu f = new Fpu(), ref = new Fpu();
                    long r = FpuOps.run(f, op, rm, o);
                    long e = FpuOps.runReference(ref, op, rm, o);
                    total++;
                    if (r != e || f.flags != ref.flags) {
                        if (++bad <= 25) {
                            StringBuilder sb = new StringBuilder();
                            for (long x : o) sb.append(' ').append(Long.toHexString(x));
                            report.append(String.format("%n  %s rm=%d%s -> reference %s %s, Fpu %s %s", op, rm, sb,
                                    Long.toHexString(e), FpuVectorTest.flagNames(ref.flags),
                                    Long.toHexString(r), FpuVectorTest.flagNames(f.flags)));
                        }
                    }
                }
            }
        }
        if (bad > 0) fail(bad + " of " + total + " random cases differ:" + report);
        System.out.println("FpuDifferentialTest: " + total + " cases agree (" + String.join(",", ops) + ")");
    }

    @Test
    void singleFastPathsMatchReference() {
        compare(OPS_S, false, 0x5EED_0001L);
    }

    @Test
    void doubleFastPathsMatchReference() {
        compare(OPS_D, true, 0x5EED_0002L);
    }

    /** Fma in binary64 is the most delicate fast path (ErrFma): extra cases. */
    @Test
    void doubleFmaStress() {
        String[] fma = {"fmadd.d", "fnmsub.d"};
        compare(fma, true, 0x5EED_0003L);
        compare(fma, true, 0x5EED_0004L);
        compare(fma, true, 0x5EED_0005L);
    }
}
