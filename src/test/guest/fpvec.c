/*
 * fpvec.c - golden vector generator for the RISC-V F and D extensions.
 *
 * Runs under qemu-riscv64 (the oracle) and prints one line per executed
 * instruction:
 *
 *     <mnemonic> <rm> <operand>... <result> <fflags>
 *
 * all in hex (operands/results as raw register bits: 8 digits for single
 * precision values, 16 for doubles and integer registers).  <rm> is the
 * value written to frm before the instruction; every instruction uses the
 * dynamic rounding mode.  Instructions that do not round are only run with
 * rm=0.  fflags is cleared before and read right after the instruction.
 *
 * Operands: fixed lists of special values (zeros, subnormals, min normal,
 * ones, max finite, infinities, quiet and signaling NaNs, halfway cases,
 * conversion boundaries) plus pseudo-random values from a fixed-seed
 * splitmix64 generator, biased towards interesting cases (near-cancellation,
 * underflow/overflow, short significands that give exact and tie results).
 *
 * Build: riscv64-linux-gnu-gcc -static -O2 -o fpvec fpvec.c
 * See make-fpvectors.sh.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

typedef uint32_t u32;
typedef uint64_t u64;

/* ------------------------------------------------------------------ PRNG */
static u64 rng_state = 0x243F6A8885A308D3ull;
static u64 rnd(void) {
    u64 z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static int rndint(int n) { return (int)(rnd() % (u64)n); }

/* ------------------------------------------------- instruction wrappers */
#define PRE  "csrw frm, %[rm]\n\tcsrw fflags, zero\n\t"
#define POST "\n\tcsrr %[fl], fflags\n\tcsrw frm, zero\n\t"
#define CLOB "ft0", "ft1", "ft2", "ft3"

/* two float operands -> float result */
#define DEF_FF_F(fn, insn, mvin, mvout)                                          \
    static u64 fn(u64 a, u64 b, int rm, unsigned *fl) {                          \
        u64 r; unsigned long f;                                                  \
        __asm__ volatile(mvin " ft0, %[a]\n\t" mvin " ft1, %[b]\n\t" PRE         \
                         insn " ft2, ft0, ft1" POST mvout " %[r], ft2"           \
                         : [r] "=&r"(r), [fl] "=&r"(f)                           \
                         : [a] "r"(a), [b] "r"(b), [rm] "r"(rm) : CLOB);         \
        *fl = (unsigned)f; return r;                                             \
    }
/* three float operands -> float result */
#define DEF_FFF_F(fn, insn, mvin, mvout)                                         \
    static u64 fn(u64 a, u64 b, u64 c, int rm, unsigned *fl) {                   \
        u64 r; unsigned long f;                                                  \
        __asm__ volatile(mvin " ft0, %[a]\n\t" mvin " ft1, %[b]\n\t"             \
                         mvin " ft2, %[c]\n\t" PRE                               \
                         insn " ft3, ft0, ft1, ft2" POST mvout " %[r], ft3"      \
                         : [r] "=&r"(r), [fl] "=&r"(f)                           \
                         : [a] "r"(a), [b] "r"(b), [c] "r"(c), [rm] "r"(rm)      \
                         : CLOB);                                                \
        *fl = (unsigned)f; return r;                                             \
    }
/* one float operand -> float result */
#define DEF_F_F(fn, insn, mvin, mvout)                                           \
    static u64 fn(u64 a, int rm, unsigned *fl) {                                 \
        u64 r; unsigned long f;                                                  \
        __asm__ volatile(mvin " ft0, %[a]\n\t" PRE insn " ft2, ft0" POST         \
                         mvout " %[r], ft2"                                      \
                         : [r] "=&r"(r), [fl] "=&r"(f)                           \
                         : [a] "r"(a), [rm] "r"(rm) : CLOB);                     \
        *fl = (unsigned)f; return r;                                             \
    }
/* two float operands -> integer result */
#define DEF_FF_X(fn, insn, mvin)                                                 \
    static u64 fn(u64 a, u64 b, int rm, unsigned *fl) {                          \
        u64 r; unsigned long f;                                                  \
        __asm__ volatile(mvin " ft0, %[a]\n\t" mvin " ft1, %[b]\n\t" PRE         \
                         insn " %[r], ft0, ft1" POST                             \
                         : [r] "=&r"(r), [fl] "=&r"(f)                           \
                         : [a] "r"(a), [b] "r"(b), [rm] "r"(rm) : CLOB);         \
        *fl = (unsigned)f; return r;                                             \
    }
/* one float operand -> integer result */
#define DEF_F_X(fn, insn, mvin)                                                  \
    static u64 fn(u64 a, int rm, unsigned *fl) {                                 \
        u64 r; unsigned long f;                                                  \
        __asm__ volatile(mvin " ft0, %[a]\n\t" PRE insn " %[r], ft0" POST        \
                         : [r] "=&r"(r), [fl] "=&r"(f)                           \
                         : [a] "r"(a), [rm] "r"(rm) : CLOB);                     \
        *fl = (unsigned)f; return r;                                             \
    }
/* one integer operand -> float result */
#define DEF_X_F(fn, insn, mvout)                                                 \
    static u64 fn(u64 a, int rm, unsigned *fl) {                                 \
        u64 r; unsigned long f;                                                  \
        __asm__ volatile(PRE insn " ft2, %[a]" POST mvout " %[r], ft2"           \
                         : [r] "=&r"(r), [fl] "=&r"(f)                           \
                         : [a] "r"(a), [rm] "r"(rm) : CLOB);                     \
        *fl = (unsigned)f; return r;                                             \
    }

#define WS "fmv.w.x"
#define XS "fmv.x.w"
#define WD "fmv.d.x"
#define XD "fmv.x.d"

DEF_FF_F(fadd_s, "fadd.s", WS, XS)
DEF_FF_F(fsub_s, "fsub.s", WS, XS)
DEF_FF_F(fmul_s, "fmul.s", WS, XS)
DEF_FF_F(fdiv_s, "fdiv.s", WS, XS)
DEF_FF_F(fmin_s, "fmin.s", WS, XS)
DEF_FF_F(fmax_s, "fmax.s", WS, XS)
DEF_F_F(fsqrt_s, "fsqrt.s", WS, XS)
DEF_FFF_F(fmadd_s, "fmadd.s", WS, XS)
DEF_FFF_F(fmsub_s, "fmsub.s", WS, XS)
DEF_FFF_F(fnmsub_s, "fnmsub.s", WS, XS)
DEF_FFF_F(fnmadd_s, "fnmadd.s", WS, XS)
DEF_FF_X(feq_s, "feq.s", WS)
DEF_FF_X(flt_s, "flt.s", WS)
DEF_FF_X(fle_s, "fle.s", WS)
DEF_F_X(fclass_s, "fclass.s", WS)
DEF_F_X(fcvt_w_s, "fcvt.w.s", WS)
DEF_F_X(fcvt_wu_s, "fcvt.wu.s", WS)
DEF_F_X(fcvt_l_s, "fcvt.l.s", WS)
DEF_F_X(fcvt_lu_s, "fcvt.lu.s", WS)
DEF_X_F(fcvt_s_w, "fcvt.s.w", XS)
DEF_X_F(fcvt_s_wu, "fcvt.s.wu", XS)
DEF_X_F(fcvt_s_l, "fcvt.s.l", XS)
DEF_X_F(fcvt_s_lu, "fcvt.s.lu", XS)
DEF_F_F(fcvt_s_d, "fcvt.s.d", WD, XS)
DEF_F_F(fcvt_d_s, "fcvt.d.s", WS, XD)

DEF_FF_F(fadd_d, "fadd.d", WD, XD)
DEF_FF_F(fsub_d, "fsub.d", WD, XD)
DEF_FF_F(fmul_d, "fmul.d", WD, XD)
DEF_FF_F(fdiv_d, "fdiv.d", WD, XD)
DEF_FF_F(fmin_d, "fmin.d", WD, XD)
DEF_FF_F(fmax_d, "fmax.d", WD, XD)
DEF_F_F(fsqrt_d, "fsqrt.d", WD, XD)
DEF_FFF_F(fmadd_d, "fmadd.d", WD, XD)
DEF_FFF_F(fmsub_d, "fmsub.d", WD, XD)
DEF_FFF_F(fnmsub_d, "fnmsub.d", WD, XD)
DEF_FFF_F(fnmadd_d, "fnmadd.d", WD, XD)
DEF_FF_X(feq_d, "feq.d", WD)
DEF_FF_X(flt_d, "flt.d", WD)
DEF_FF_X(fle_d, "fle.d", WD)
DEF_F_X(fclass_d, "fclass.d", WD)
DEF_F_X(fcvt_w_d, "fcvt.w.d", WD)
DEF_F_X(fcvt_wu_d, "fcvt.wu.d", WD)
DEF_F_X(fcvt_l_d, "fcvt.l.d", WD)
DEF_F_X(fcvt_lu_d, "fcvt.lu.d", WD)
DEF_X_F(fcvt_d_w, "fcvt.d.w", XD)
DEF_X_F(fcvt_d_wu, "fcvt.d.wu", XD)
DEF_X_F(fcvt_d_l, "fcvt.d.l", XD)
DEF_X_F(fcvt_d_lu, "fcvt.d.lu", XD)

/* NaN-boxing probe: fsgnj.s of a raw 64-bit register value with itself.
 * qemu checks the NaN box of the single-precision input, so the 64-bit
 * result is boxS(unboxS(a)). */
DEF_FF_F(unbox_probe2, "fsgnj.s", WD, XD)
static u64 unbox_probe(u64 a, int rm, unsigned *fl) { return unbox_probe2(a, a, rm, fl); }

/* ------------------------------------------------------------ printing */
/* single-precision values are printed as 8 hex digits (fmv.x.w sign-extends) */
static unsigned long long W8(u64 v, int w) { return w == 8 ? (v & 0xffffffffull) : v; }
static void p1(const char *op, int rm, u64 a, u64 r, unsigned fl, int wa, int wr) {
    printf("%s %d %0*llx %0*llx %02x\n", op, rm, wa, W8(a, wa), wr, W8(r, wr), fl);
}
static void p2(const char *op, int rm, u64 a, u64 b, u64 r, unsigned fl, int w, int wr) {
    printf("%s %d %0*llx %0*llx %0*llx %02x\n", op, rm, w, W8(a, w), w, W8(b, w), wr, W8(r, wr), fl);
}
static void p3(const char *op, int rm, u64 a, u64 b, u64 c, u64 r, unsigned fl, int w) {
    printf("%s %d %0*llx %0*llx %0*llx %0*llx %02x\n", op, rm, w, W8(a, w), w, W8(b, w), w, W8(c, w),
           w, W8(r, w), fl);
}

/* ------------------------------------------------------ special values */
static const u32 SPEC_S[] = {
    0x00000000, 0x80000000,             /* +-0 */
    0x00000001, 0x80000001,             /* +-min subnormal */
    0x00000003, 0x00400000,             /* small subnormals, half min normal */
    0x007fffff, 0x807fffff,             /* +-max subnormal */
    0x00800000, 0x80800000,             /* +-min normal */
    0x00800001, 0x01000000,             /* min normal + ulp, 2*min normal */
    0x3f800000, 0xbf800000,             /* +-1 */
    0x3f800001, 0x3f7fffff, 0xbf7fffff, /* 1 +- ulp */
    0x3f000000, 0xbf000000,             /* +-0.5 */
    0x3fc00000, 0x40000000, 0x40400000, /* 1.5, 2, 3 */
    0x3dcccccd, 0x3eaaaaab,             /* 0.1, 1/3 */
    0x33800000, 0xb3800000, 0x33800001, /* 2^-24 (half ulp of 1) */
    0x34000000, 0x33000000,             /* 2^-23, 2^-25 */
    0x1f800000, 0x5f800000, 0x5f000000, /* 2^-64, 2^64, 2^63 */
    0x4f000000, 0x4f800000, 0xcf000000, /* 2^31, 2^32, -2^31 */
    0x4b000000, 0x4b800000,             /* 2^23, 2^24 */
    0x7f000000, 0x7f7fffff, 0xff7fffff, /* 2^127, +-max finite */
    0x7f800000, 0xff800000,             /* +-inf */
    0x7fc00000, 0xffc00000, 0x7fc00001, /* quiet NaNs */
    0x7f800001, 0xff800001, 0x7fbfffff, /* signaling NaNs */
};
#define NSPEC_S (int)(sizeof SPEC_S / sizeof SPEC_S[0])

static const u64 SPEC_D[] = {
    0x0000000000000000ull, 0x8000000000000000ull,
    0x0000000000000001ull, 0x8000000000000001ull,
    0x0000000000000003ull, 0x0008000000000000ull,
    0x000fffffffffffffull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x8010000000000000ull,
    0x0010000000000001ull, 0x0020000000000000ull,
    0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3ff0000000000001ull, 0x3fefffffffffffffull, 0xbfefffffffffffffull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull,
    0x3ff8000000000000ull, 0x4000000000000000ull, 0x4008000000000000ull,
    0x3fb999999999999aull, 0x3fd5555555555555ull,
    0x3ca0000000000000ull, 0xbca0000000000000ull, 0x3ca0000000000001ull, /* 2^-53 */
    0x3cb0000000000000ull, 0x3c90000000000000ull,
    0x3bf0000000000000ull, 0x43f0000000000000ull, 0x43e0000000000000ull, /* 2^-64,2^64,2^63 */
    0x41e0000000000000ull, 0x41f0000000000000ull, 0xc1e0000000000000ull, /* 2^31,2^32,-2^31 */
    0x4330000000000000ull, 0x4340000000000000ull,                        /* 2^52, 2^53 */
    0x36a0000000000000ull, 0x47e0000000000000ull, /* 2^-149, 2^127 (single limits) */
    0x7fe0000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull,
    0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff8000000000000ull, 0xfff8000000000000ull, 0x7ff8000000000001ull,
    0x7ff0000000000001ull, 0xfff0000000000001ull, 0x7ff7ffffffffffffull,
};
#define NSPEC_D (int)(sizeof SPEC_D / sizeof SPEC_D[0])

/* small subset for the three-operand (fma) cross product */
static const u32 FMA_S[] = {
    0x00000000, 0x80000000, 0x00000001, 0x007fffff, 0x80800000, 0x3f800000,
    0xbf800000, 0x3f800001, 0x33800000, 0x1f800000, 0x5f800000, 0x7f7fffff,
    0xff800000, 0x7f800000, 0x7fc00000, 0x7f800001,
};
static const u64 FMA_D[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull,
    0x000fffffffffffffull, 0x8010000000000000ull, 0x3ff0000000000000ull,
    0xbff0000000000000ull, 0x3ff0000000000001ull, 0x3ca0000000000000ull,
    0x1ff0000000000000ull, 0x5ff0000000000000ull, 0x7fefffffffffffffull,
    0xfff0000000000000ull, 0x7ff0000000000000ull, 0x7ff8000000000000ull,
    0x7ff0000000000001ull,
};
#define NFMA 16

/* -------------------------------------------------- random generators */
/* generic format description so one generator serves both precisions */
typedef struct { int ebits, mbits; } Fmt;
static const Fmt FS = {8, 23}, FD = {11, 52};

static u64 mk(const Fmt *f, u64 sign, u64 e, u64 m) {
    u64 emax = (1ull << f->ebits) - 1;
    if ((long long)e < 0) e = 0;
    if (e > emax) e = emax;
    return (sign << (f->ebits + f->mbits)) | (e << f->mbits) | (m & ((1ull << f->mbits) - 1));
}
static u64 fexp(const Fmt *f, u64 x) { return (x >> f->mbits) & ((1ull << f->ebits) - 1); }
static u64 fsign(const Fmt *f, u64 x) { return (x >> (f->ebits + f->mbits)) & 1; }
static u64 fmask(const Fmt *f) { return (f->ebits + f->mbits == 31) ? 0xffffffffull : ~0ull; }

/* random significand with only the top k (1..12 resp. 1..28) fraction bits random */
static u64 shortm(const Fmt *f) {
    int k = 1 + rndint(f->mbits == 23 ? 12 : 28);
    u64 m = rnd() & ((1ull << f->mbits) - 1);
    return m & ~((1ull << (f->mbits - k)) - 1);
}

static u64 gen(const Fmt *f) {
    u64 r = rnd();
    u64 bias = (1ull << (f->ebits - 1)) - 1, emax = (1ull << f->ebits) - 2;
    u64 s = rnd() & 1, m = rnd();
    switch (r % 10) {
    case 0: case 1: return rnd() & fmask(f);                           /* uniform bits */
    case 2: return mk(f, s, rndint(4), m);                              /* subnormal / tiny */
    case 3: return mk(f, s, bias - 8 + rndint(17), m);                  /* around 1 */
    case 4: return mk(f, s, emax - rndint(3), m);                       /* near overflow */
    case 5: return mk(f, s, 1 + rndint((int)emax), shortm(f));          /* short significand */
    case 6: return mk(f, s, bias - 8 + rndint(17), shortm(f));
    case 7: { /* special value nudged by a few ulps */
        u64 v = (f->mbits == 23) ? SPEC_S[rndint(NSPEC_S)] : SPEC_D[rndint(NSPEC_D)];
        return (v + (u64)(rndint(7) - 3)) & fmask(f);
    }
    default: return mk(f, s, 1 + rndint((int)emax), m);                 /* any finite */
    }
}

/* second operand correlated with the first */
static u64 gen2(const Fmt *f, u64 a, int forMul) {
    u64 bias = (1ull << (f->ebits - 1)) - 1;
    long long ea = (long long)fexp(f, a), eb;
    u64 s = rnd() & 1, m = rnd();
    switch (rndint(9)) {
    case 0: case 1: return gen(f);
    case 2: return (a + (u64)(rndint(9) - 4)) & fmask(f);               /* close: cancellation in sub */
    case 3: return ((a ^ (1ull << (f->ebits + f->mbits))) + (u64)(rndint(9) - 4)) & fmask(f);
    case 4: eb = ea + rndint(2 * f->mbits + 9) - f->mbits - 4;          /* nearby exponent */
            return mk(f, s, (u64)eb, rndint(2) ? m : shortm(f));
    case 5: /* product near the underflow threshold / quotient near it */
        eb = forMul ? (long long)(2 * bias) - (long long)bias + 1 - ea + rndint(2 * f->mbits + 8) - f->mbits - 6
                    : ea + (long long)bias - 1 - rndint(2 * f->mbits + 8) + f->mbits + 2;
        return mk(f, s, (u64)eb, rndint(2) ? m : shortm(f));
    case 6: /* product / quotient near overflow */
        eb = forMul ? 3 * (long long)bias - ea + rndint(5) - 2 : ea - (long long)bias + rndint(5) - 2;
        return mk(f, s, (u64)eb, m);
    case 7: return mk(f, s, (u64)ea, shortm(f));
    default: return mk(f, s, (u64)(ea + rndint(61) - 30), m);
    }
}

/* ------------------------------------------------------------- drivers */
typedef u64 (*Fn2)(u64, u64, int, unsigned *);
typedef u64 (*Fn3)(u64, u64, u64, int, unsigned *);
typedef u64 (*Fn1)(u64, int, unsigned *);

static void run2(const char *op, Fn2 fn, int nrm, u64 a, u64 b, int w, int wr) {
    for (int rm = 0; rm < nrm; rm++) {
        unsigned fl; u64 r = fn(a, b, rm, &fl);
        p2(op, rm, a, b, r, fl, w, wr);
    }
}
static void run3(const char *op, Fn3 fn, u64 a, u64 b, u64 c, int w) {
    for (int rm = 0; rm < 5; rm++) {
        unsigned fl; u64 r = fn(a, b, c, rm, &fl);
        p3(op, rm, a, b, c, r, fl, w);
    }
}
static void run1(const char *op, Fn1 fn, int nrm, u64 a, int wa, int wr) {
    for (int rm = 0; rm < nrm; rm++) {
        unsigned fl; u64 r = fn(a, rm, &fl);
        p1(op, rm, a, r, fl, wa, wr);
    }
}

#define NRAND2 3000  /* random pairs per binary op */
#define NRAND3 2500  /* random triples per fma op */
#define NRAND1 2500  /* random operands per unary op */

static void binary(const Fmt *f, const char *op, Fn2 fn, int nrm, int kind, int wr) {
    int w = f->mbits == 23 ? 8 : 16;
    int n = f->mbits == 23 ? NSPEC_S : NSPEC_D;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            u64 a = f->mbits == 23 ? SPEC_S[i] : SPEC_D[i];
            u64 b = f->mbits == 23 ? SPEC_S[j] : SPEC_D[j];
            run2(op, fn, nrm, a, b, w, wr);
        }
    for (int i = 0; i < NRAND2; i++) {
        u64 a = gen(f), b = gen2(f, a, kind);
        run2(op, fn, nrm, a, b, w, wr);
    }
}

/* full: whole special-value cross product, otherwise 1000 random special triples */
static void fma_ops(const Fmt *f, const char *op, Fn3 fn, int full, int nrand) {
    int w = f->mbits == 23 ? 8 : 16;
    for (int n = 0; n < (full ? NFMA * NFMA * NFMA : 1000); n++) {
        int i = full ? n / (NFMA * NFMA) : rndint(NFMA);
        int j = full ? n / NFMA % NFMA : rndint(NFMA);
        int k = full ? n % NFMA : rndint(NFMA);
        u64 a = f->mbits == 23 ? FMA_S[i] : FMA_D[i];
        u64 b = f->mbits == 23 ? FMA_S[j] : FMA_D[j];
        u64 c = f->mbits == 23 ? FMA_S[k] : FMA_D[k];
        run3(op, fn, a, b, c, w);
    }
    u64 bias = (1ull << (f->ebits - 1)) - 1;
    for (int i = 0; i < nrand; i++) {
        u64 a = gen(f), b = gen2(f, a, 1), c;
        long long pe = (long long)fexp(f, a) + (long long)fexp(f, b) - (long long)bias;
        u64 s = rnd() & 1;
        switch (rndint(8)) {
        case 0: case 1: c = gen(f); break;
        case 2: { /* c ~ -(a*b): heavy cancellation (product computed in RNE) */
            unsigned fl;
            u64 p = (f->mbits == 23) ? fmul_s(a, b, 0, &fl) : fmul_d(a, b, 0, &fl);
            c = ((p ^ (1ull << (f->ebits + f->mbits))) + (u64)(rndint(5) - 2)) & fmask(f);
            break;
        }
        case 3: /* addend just below the product's precision: sticky/tie cases */
            c = mk(f, s, (u64)(pe - f->mbits - rndint(4)), rndint(2) ? 0 : shortm(f)); break;
        case 4: c = mk(f, s, (u64)(pe + rndint(2 * f->mbits + 8) - f->mbits - 4), shortm(f)); break;
        case 5: c = mk(f, s, (u64)(pe + rndint(7) - 3), rnd()); break;
        case 6: c = mk(f, s, rndint(3), rnd()); break;              /* tiny addend */
        default: c = mk(f, s, (u64)(pe - 2 * f->mbits - rndint(40)), rnd()); break;
        }
        if (rndint(4) == 0) { /* short significands on the factors: exact products, ties */
            a = mk(f, fsign(f, a), fexp(f, a), shortm(f));
            b = mk(f, fsign(f, b), fexp(f, b), shortm(f));
        }
        run3(op, fn, a, b, c, w);
    }
}

static void unary(const Fmt *f, const char *op, Fn1 fn, int nrm, int wr) {
    int w = f->mbits == 23 ? 8 : 16;
    int n = f->mbits == 23 ? NSPEC_S : NSPEC_D;
    for (int i = 0; i < n; i++) run1(op, fn, nrm, f->mbits == 23 ? SPEC_S[i] : SPEC_D[i], w, wr);
    for (int i = 0; i < NRAND1; i++) {
        u64 a = gen(f);
        if (rndint(3) == 0) a &= ~(1ull << (f->ebits + f->mbits)); /* more positive inputs (sqrt) */
        run1(op, fn, nrm, a, w, wr);
    }
}

/* float -> integer conversion operands: values around integer boundaries */
static int ncvt;
static u64 cvtin[20000];
static void addcvt(u64 v) { if (ncvt < 20000) cvtin[ncvt++] = v; }

static void gen_f2i(const Fmt *f) {
    u64 bias = (1ull << (f->ebits - 1)) - 1;
    u64 sb = 1ull << (f->ebits + f->mbits);
    ncvt = 0;
    int n = f->mbits == 23 ? NSPEC_S : NSPEC_D;
    for (int i = 0; i < n; i++) addcvt(f->mbits == 23 ? SPEC_S[i] : SPEC_D[i]);
    for (int k = -3; k <= 66; k++)           /* +-2^k and neighbours */
        for (int d = -3; d <= 3; d++)
            for (int s = 0; s < 2; s++) {
                u64 v = mk(f, 0, bias + (u64)k, 0) + (u64)d;
                addcvt((v | (s ? sb : 0)) & fmask(f));
            }
    for (int k = 0; k <= 20; k++) {          /* k + {1/4, 1/2, 3/4}, exact in both formats */
        for (int q = 1; q <= 3; q++) {
            if (f->mbits == 23) {
                float x = (float)k + (float)q * 0.25f; u32 b; memcpy(&b, &x, 4);
                addcvt(b); addcvt(b | 0x80000000u);
            } else {
                double x = (double)k + (double)q * 0.25; u64 b; memcpy(&b, &x, 8);
                addcvt(b); addcvt(b | sb);
            }
        }
    }
    while (ncvt < 3000) {                    /* random magnitudes in [2^-2, 2^66) */
        u64 e = bias - 2 + (u64)rndint(69);
        u64 m = rndint(2) ? rnd() : shortm(f);
        addcvt(mk(f, rnd() & 1, e, m));
    }
}

static void gen_i2f(void) {
    ncvt = 0;
    u64 base[] = {0, 1, 2, 3};
    for (int i = 0; i < 4; i++) { addcvt(base[i]); addcvt(-base[i]); }
    for (int k = 1; k <= 64; k++)
        for (int d = -3; d <= 3; d++) {
            u64 v = (k == 64 ? 0 : (1ull << k)) + (u64)d;
            addcvt(v); addcvt(-v);
            addcvt(v | 0xdeadbeef00000000ull);          /* garbage in the upper half (w/wu) */
            addcvt((v & 0xffffffffull) | 0x1234567800000000ull);
        }
    for (int s = 0; s < 40; s++) {           /* exact ties and near ties for both precisions */
        u64 t24 = 0x1000001ull << s, t24b = 0x3000001ull << s;
        u64 t53 = 0x20000000000001ull << (s % 11), t53b = 0x60000000000001ull << (s % 10);
        addcvt(t24); addcvt(t24b); addcvt(t24 + 1); addcvt(-t24); addcvt(-t24b);
        addcvt(t53); addcvt(t53b); addcvt(t53 + 1); addcvt(-t53); addcvt(-t53b);
    }
    while (ncvt < 3000) {
        u64 v = rnd();
        switch (rndint(4)) {
        case 0: break;
        case 1: v >>= rndint(64); break;
        case 2: v = (u64)((long long)v >> rndint(64)); break;
        default: v &= ~((1ull << rndint(40)) - 1); v >>= rndint(30); break;
        }
        addcvt(v);
    }
}

int main(void) {
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);

    /* ---------------------------- single precision */
    binary(&FS, "fadd.s", fadd_s, 5, 0, 8);
    binary(&FS, "fsub.s", fsub_s, 5, 0, 8);
    binary(&FS, "fmul.s", fmul_s, 5, 1, 8);
    binary(&FS, "fdiv.s", fdiv_s, 5, 0, 8);
    binary(&FS, "fmin.s", fmin_s, 1, 0, 8);
    binary(&FS, "fmax.s", fmax_s, 1, 0, 8);
    binary(&FS, "feq.s", feq_s, 1, 0, 16);
    binary(&FS, "flt.s", flt_s, 1, 0, 16);
    binary(&FS, "fle.s", fle_s, 1, 0, 16);
    unary(&FS, "fsqrt.s", fsqrt_s, 5, 8);
    unary(&FS, "fclass.s", fclass_s, 1, 16);
    fma_ops(&FS, "fmadd.s", fmadd_s, 1, NRAND3);
    fma_ops(&FS, "fmsub.s", fmsub_s, 0, NRAND3 / 4);
    fma_ops(&FS, "fnmsub.s", fnmsub_s, 0, NRAND3 / 4);
    fma_ops(&FS, "fnmadd.s", fnmadd_s, 0, NRAND3 / 4);

    gen_f2i(&FS);
    for (int i = 0; i < ncvt; i++) {
        run1("fcvt.w.s", fcvt_w_s, 5, cvtin[i], 8, 16);
        run1("fcvt.wu.s", fcvt_wu_s, 5, cvtin[i], 8, 16);
        run1("fcvt.l.s", fcvt_l_s, 5, cvtin[i], 8, 16);
        run1("fcvt.lu.s", fcvt_lu_s, 5, cvtin[i], 8, 16);
        run1("fcvt.d.s", fcvt_d_s, 1, cvtin[i], 8, 16);
    }
    gen_i2f();
    for (int i = 0; i < ncvt; i++) {
        run1("fcvt.s.w", fcvt_s_w, 5, cvtin[i], 16, 8);
        run1("fcvt.s.wu", fcvt_s_wu, 5, cvtin[i], 16, 8);
        run1("fcvt.s.l", fcvt_s_l, 5, cvtin[i], 16, 8);
        run1("fcvt.s.lu", fcvt_s_lu, 5, cvtin[i], 16, 8);
    }

    /* ---------------------------- double precision */
    binary(&FD, "fadd.d", fadd_d, 5, 0, 16);
    binary(&FD, "fsub.d", fsub_d, 5, 0, 16);
    binary(&FD, "fmul.d", fmul_d, 5, 1, 16);
    binary(&FD, "fdiv.d", fdiv_d, 5, 0, 16);
    binary(&FD, "fmin.d", fmin_d, 1, 0, 16);
    binary(&FD, "fmax.d", fmax_d, 1, 0, 16);
    binary(&FD, "feq.d", feq_d, 1, 0, 16);
    binary(&FD, "flt.d", flt_d, 1, 0, 16);
    binary(&FD, "fle.d", fle_d, 1, 0, 16);
    unary(&FD, "fsqrt.d", fsqrt_d, 5, 16);
    unary(&FD, "fclass.d", fclass_d, 1, 16);
    fma_ops(&FD, "fmadd.d", fmadd_d, 1, NRAND3);
    fma_ops(&FD, "fmsub.d", fmsub_d, 0, NRAND3 / 4);
    fma_ops(&FD, "fnmsub.d", fnmsub_d, 0, NRAND3 / 4);
    fma_ops(&FD, "fnmadd.d", fnmadd_d, 0, NRAND3 / 4);

    gen_f2i(&FD);
    for (int i = 0; i < ncvt; i++) {
        run1("fcvt.w.d", fcvt_w_d, 5, cvtin[i], 16, 16);
        run1("fcvt.wu.d", fcvt_wu_d, 5, cvtin[i], 16, 16);
        run1("fcvt.l.d", fcvt_l_d, 5, cvtin[i], 16, 16);
        run1("fcvt.lu.d", fcvt_lu_d, 5, cvtin[i], 16, 16);
        run1("fcvt.s.d", fcvt_s_d, 5, cvtin[i], 16, 8);
    }
    /* fcvt.s.d over general doubles: overflow, underflow, subnormal results */
    for (int i = 0; i < NSPEC_D; i++) run1("fcvt.s.d", fcvt_s_d, 5, SPEC_D[i], 16, 8);
    for (int i = 0; i < 3000; i++) {
        u64 e, s = rnd() & 1, m = rndint(2) ? rnd() : shortm(&FD);
        switch (rndint(4)) {
        case 0: e = 1023 - 126 - rndint(30); break;   /* single subnormal range */
        case 1: e = 1023 - 130 + rndint(10); break;   /* around single min normal */
        case 2: e = 1023 + 125 + rndint(5); break;    /* around single overflow */
        default: e = 1023 - 160 + rndint(320); break;
        }
        run1("fcvt.s.d", fcvt_s_d, 5, mk(&FD, s, e, m), 16, 8);
    }
    gen_i2f();
    for (int i = 0; i < ncvt; i++) {
        run1("fcvt.d.w", fcvt_d_w, 1, cvtin[i], 16, 16);
        run1("fcvt.d.wu", fcvt_d_wu, 1, cvtin[i], 16, 16);
        run1("fcvt.d.l", fcvt_d_l, 5, cvtin[i], 16, 16);
        run1("fcvt.d.lu", fcvt_d_lu, 5, cvtin[i], 16, 16);
    }

    /* NaN boxing */
    {
        u64 probes[] = {0xffffffff3f800000ull, 0x000000003f800000ull, 0xfffffffe3f800000ull,
                        0x7fffffff3f800000ull, 0xffffffff7f800001ull, 0x3ff0000000000000ull,
                        0xffffffffffffffffull, 0x00000000ffffffffull};
        for (unsigned i = 0; i < sizeof probes / sizeof probes[0]; i++)
            run1("unbox", unbox_probe, 1, probes[i], 16, 16);
        for (int i = 0; i < 200; i++) {
            u64 v = rnd();
            if (i & 1) v |= 0xffffffff00000000ull;
            run1("unbox", unbox_probe, 1, v, 16, 16);
        }
    }
    fflush(stdout);
    return 0;
}
