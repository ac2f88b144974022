/* Every rounding mode, static (rm field) and dynamic (frm CSR), on add,
 * sub, mul, div, sqrt, conversions, for single and double. */
#include "t.h"

#define S2(op, rm) static uint32_t op##_s_##rm(uint32_t a, uint32_t b) { uint64_t r; \
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\t" #op ".s ft2, ft0, ft1, " #rm "\n\tfmv.x.w %0, ft2" \
                     : "=r"(r) : "r"((uint64_t)a), "r"((uint64_t)b) : "ft0", "ft1", "ft2"); return (uint32_t)r; }
#define D2(op, rm) static uint64_t op##_d_##rm(uint64_t a, uint64_t b) { uint64_t r; \
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\t" #op ".d ft2, ft0, ft1, " #rm "\n\tfmv.x.d %0, ft2" \
                     : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1", "ft2"); return r; }
#define ALLRM(M, op) M(op, rne) M(op, rtz) M(op, rdn) M(op, rup) M(op, rmm) M(op, dyn)
ALLRM(S2, fadd) ALLRM(S2, fsub) ALLRM(S2, fmul) ALLRM(S2, fdiv)
ALLRM(D2, fadd) ALLRM(D2, fsub) ALLRM(D2, fmul) ALLRM(D2, fdiv)

#define U(name, pre, insn, post, rm, ti, to) static to name##_##rm(ti a) { uint64_t r; \
    __asm__ volatile(pre " ft0, %1\n\t" insn ", " #rm "\n\t" post : "=r"(r) : "r"((uint64_t)a) : "ft0", "ft2"); return (to)r; }
#define ALLU(name, pre, insn, post, ti, to) U(name, pre, insn, post, rne, ti, to) U(name, pre, insn, post, rtz, ti, to) \
    U(name, pre, insn, post, rdn, ti, to) U(name, pre, insn, post, rup, ti, to) U(name, pre, insn, post, rmm, ti, to) \
    U(name, pre, insn, post, dyn, ti, to)
ALLU(sqrt_s, "fmv.w.x", "fsqrt.s ft2, ft0", "fmv.x.w %0, ft2", uint32_t, uint32_t)
ALLU(sqrt_d, "fmv.d.x", "fsqrt.d ft2, ft0", "fmv.x.d %0, ft2", uint64_t, uint64_t)
ALLU(cvt_w_s, "fmv.w.x", "fcvt.w.s %0, ft0", "", uint32_t, uint64_t)
ALLU(cvt_l_d, "fmv.d.x", "fcvt.l.d %0, ft0", "", uint64_t, uint64_t)
ALLU(cvt_s_d, "fmv.d.x", "fcvt.s.d ft2, ft0", "fmv.x.w %0, ft2", uint64_t, uint32_t)
ALLU(cvt_s_l, "fmv.d.x", "fcvt.s.l ft2, %1", "fmv.x.w %0, ft2", uint64_t, uint32_t)
ALLU(cvt_d_l, "fmv.d.x", "fcvt.d.l ft2, %1", "fmv.x.d %0, ft2", uint64_t, uint64_t)
ALLU(cvt_s_wu, "fmv.d.x", "fcvt.s.wu ft2, %1", "fmv.x.w %0, ft2", uint64_t, uint32_t)

static uint32_t fb(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t db(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

#define ROW_S2(op, a, b) printf("%-6s %08x %08x:", #op ".s", a, b); \
    printf(" rne=%08x rtz=%08x rdn=%08x rup=%08x rmm=%08x |", op##_s_rne(a, b), op##_s_rtz(a, b), op##_s_rdn(a, b), op##_s_rup(a, b), op##_s_rmm(a, b)); \
    for (unsigned m = 0; m < 5; m++) { set_frm(m); printf(" %08x", op##_s_dyn(a, b)); } set_frm(0); printf("\n")
#define ROW_D2(op, a, b) printf("%-6s %016llx %016llx:\n   ", #op ".d", (unsigned long long)(a), (unsigned long long)(b)); \
    printf(" rne=%016llx rtz=%016llx rdn=%016llx rup=%016llx rmm=%016llx\n   dyn:", (unsigned long long)op##_d_rne(a, b), (unsigned long long)op##_d_rtz(a, b), \
           (unsigned long long)op##_d_rdn(a, b), (unsigned long long)op##_d_rup(a, b), (unsigned long long)op##_d_rmm(a, b)); \
    for (unsigned m = 0; m < 5; m++) { set_frm(m); printf(" %016llx", (unsigned long long)op##_d_dyn(a, b)); } set_frm(0); printf("\n")
#define ROW_U(name, a, fmt, cast) printf("%-9s %016llx:", #name, (unsigned long long)(a)); \
    printf(" " fmt " " fmt " " fmt " " fmt " " fmt " |", (cast)name##_rne(a), (cast)name##_rtz(a), (cast)name##_rdn(a), (cast)name##_rup(a), (cast)name##_rmm(a)); \
    for (unsigned m = 0; m < 5; m++) { set_frm(m); printf(" " fmt, (cast)name##_dyn(a)); } set_frm(0); printf("\n")

int main(void)
{
    printf("columns: static rne rtz rdn rup rmm | dynamic frm=0..4\n");
    uint32_t one = fb(1.0f), three = fb(3.0f), tie = 0x33800000 /* 2^-24 */, big = fb(16777216.0f);
    ROW_S2(fadd, one, tie);                      /* exact tie: 1 + half ulp */
    ROW_S2(fadd, fb(-1.0f), tie | 0x80000000u);  /* negative tie */
    ROW_S2(fadd, big, fb(1.0f));
    ROW_S2(fadd, big, fb(3.0f));
    ROW_S2(fsub, fb(1.0f), fb(1.0f));            /* exact zero: -0 only in rdn */
    ROW_S2(fsub, one, 0x33000000);
    ROW_S2(fmul, fb(1.1f), fb(1.1f));
    ROW_S2(fmul, fb(-1.1f), fb(1.1f));
    ROW_S2(fmul, fb(3.4e38f), fb(2.0f));         /* overflow: inf or max */
    ROW_S2(fmul, fb(-3.4e38f), fb(2.0f));
    ROW_S2(fdiv, one, three);
    ROW_S2(fdiv, fb(-1.0f), three);
    ROW_S2(fdiv, fb(2.0f), three);
    ROW_S2(fmul, 0x00800000, 0x3f000001);        /* tiny results around subnormal boundary */
    uint64_t d1 = db(1.0), d3 = db(3.0), dtie = db(0x1p-53);
    ROW_D2(fadd, d1, dtie);
    ROW_D2(fadd, db(-1.0), db(-0x1p-53));
    ROW_D2(fadd, db(1.0), db(0x1.8p-53));
    ROW_D2(fsub, d1, d1);
    ROW_D2(fmul, db(1.1), db(1.1));
    ROW_D2(fmul, db(1.7976931348623157e308), db(-2.0));
    ROW_D2(fdiv, d1, d3);
    ROW_D2(fdiv, db(-2.0), d3);
    ROW_D2(fdiv, db(0x1p-1074), db(2.0));         /* half of the smallest subnormal */
    ROW_U(sqrt_s, fb(2.0f), "%08x", unsigned);
    ROW_U(sqrt_s, fb(3.0f), "%08x", unsigned);
    ROW_U(sqrt_d, db(2.0), "%016llx", unsigned long long);
    ROW_U(sqrt_d, db(5.0), "%016llx", unsigned long long);
    ROW_U(cvt_w_s, fb(2.5f), "%lld", long long);
    ROW_U(cvt_w_s, fb(-2.5f), "%lld", long long);
    ROW_U(cvt_w_s, fb(3.5f), "%lld", long long);
    ROW_U(cvt_w_s, fb(-0.7f), "%lld", long long);
    ROW_U(cvt_l_d, db(1e15 + 0.5), "%lld", long long);
    ROW_U(cvt_l_d, db(-7.5), "%lld", long long);
    ROW_U(cvt_l_d, db(0.49999999999999994), "%lld", long long);
    ROW_U(cvt_s_d, db(1.0 + 0x1p-24), "%08x", unsigned);
    ROW_U(cvt_s_d, db(-(1.0 + 0x1p-24)), "%08x", unsigned);
    ROW_U(cvt_s_d, db(0.1), "%08x", unsigned);
    ROW_U(cvt_s_d, db(1e39), "%08x", unsigned);
    ROW_U(cvt_s_l, 16777217ULL, "%08x", unsigned);
    ROW_U(cvt_s_l, (uint64_t)-16777219LL, "%08x", unsigned);
    ROW_U(cvt_s_l, 0x7fffffffffffffffULL, "%08x", unsigned);
    ROW_U(cvt_d_l, 0x7fffffffffffffffULL, "%016llx", unsigned long long);
    ROW_U(cvt_d_l, 9007199254740993ULL, "%016llx", unsigned long long);
    ROW_U(cvt_s_wu, 0xffffffffULL, "%08x", unsigned);
    ROW_U(cvt_s_wu, 0x12345678ffffffffULL, "%08x", unsigned);
    unsigned long frm;
    set_frm(3);
    __asm__ volatile("frrm %0" : "=r"(frm));
    printf("frm read back after fsrm 3: %lu\n", frm);
    set_frm(0);
    return 0;
}
