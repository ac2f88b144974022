/* fmadd/fmsub/fnmsub/fnmadd (.s/.d) with rounding modes, single rounding,
 * inf*0+qNaN raising NV, signed zero results. */
#include "t.h"

#define F4(insn, sfx, rm, mv, mvx) static uint64_t f_##insn##_##sfx##_##rm(uint64_t a, uint64_t b, uint64_t c, unsigned *fl) { uint64_t r; fclr(); \
    __asm__ volatile(mv " ft0, %1\n\t" mv " ft1, %2\n\t" mv " ft2, %3\n\t" #insn "." #sfx " ft3, ft0, ft1, ft2, " #rm "\n\t" mvx " %0, ft3" \
                     : "=r"(r) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); *fl = fflags(); return r; }
#define ALL(insn) F4(insn, s, rne, "fmv.w.x", "fmv.x.w") F4(insn, s, rtz, "fmv.w.x", "fmv.x.w") F4(insn, s, rdn, "fmv.w.x", "fmv.x.w") \
    F4(insn, s, rup, "fmv.w.x", "fmv.x.w") F4(insn, s, rmm, "fmv.w.x", "fmv.x.w") F4(insn, d, rne, "fmv.d.x", "fmv.x.d") \
    F4(insn, d, rtz, "fmv.d.x", "fmv.x.d") F4(insn, d, rdn, "fmv.d.x", "fmv.x.d") F4(insn, d, rup, "fmv.d.x", "fmv.x.d") F4(insn, d, rmm, "fmv.d.x", "fmv.x.d")
ALL(fmadd) ALL(fmsub) ALL(fnmsub) ALL(fnmadd)

typedef uint64_t (*f4)(uint64_t, uint64_t, uint64_t, unsigned *);

int main(void)
{
    struct { const char *n; f4 f[5]; } sops[] = {
        { "fmadd.s", { f_fmadd_s_rne, f_fmadd_s_rtz, f_fmadd_s_rdn, f_fmadd_s_rup, f_fmadd_s_rmm } },
        { "fmsub.s", { f_fmsub_s_rne, f_fmsub_s_rtz, f_fmsub_s_rdn, f_fmsub_s_rup, f_fmsub_s_rmm } },
        { "fnmsub.s", { f_fnmsub_s_rne, f_fnmsub_s_rtz, f_fnmsub_s_rdn, f_fnmsub_s_rup, f_fnmsub_s_rmm } },
        { "fnmadd.s", { f_fnmadd_s_rne, f_fnmadd_s_rtz, f_fnmadd_s_rdn, f_fnmadd_s_rup, f_fnmadd_s_rmm } } };
    struct { const char *n; f4 f[5]; } dops[] = {
        { "fmadd.d", { f_fmadd_d_rne, f_fmadd_d_rtz, f_fmadd_d_rdn, f_fmadd_d_rup, f_fmadd_d_rmm } },
        { "fmsub.d", { f_fmsub_d_rne, f_fmsub_d_rtz, f_fmsub_d_rdn, f_fmsub_d_rup, f_fmsub_d_rmm } },
        { "fnmsub.d", { f_fnmsub_d_rne, f_fnmsub_d_rtz, f_fnmsub_d_rdn, f_fnmsub_d_rup, f_fnmsub_d_rmm } },
        { "fnmadd.d", { f_fnmadd_d_rne, f_fnmadd_d_rtz, f_fnmadd_d_rdn, f_fnmadd_d_rup, f_fnmadd_d_rmm } } };
    uint64_t sin[][3] = { { 0x3f800001, 0x3f800001, 0xbf800000 },  /* (1+u)^2-1: exact only with single rounding */
                          { 0x3f800000, 0x3f800000, 0xbf800000 },  /* 1*1-1 = 0 (sign depends on rm) */
                          { 0x40000000, 0x40400000, 0x3f800000 },  /* 2*3+1 */
                          { 0x3eaaaaab, 0x40400000, 0xbf800000 },  /* (1/3)*3-1: residual */
                          { 0x7f800000, 0, 0x7fc00000 },           /* inf*0+qNaN: NV */
                          { 0x7f800000, 0x3f800000, 0xff800000 },  /* inf-inf: NV */
                          { 0x7f7fffff, 0x40000000, 0xff7fffff },  /* overflowing product, exact result */
                          { 0x00800000, 0x3f000000, 0x80000000 } };/* tiny */
    for (unsigned k = 0; k < 4; k++)
        for (unsigned i = 0; i < sizeof sin / sizeof sin[0]; i++) {
            printf("%-8s %08llx %08llx %08llx:", sops[k].n, (unsigned long long)sin[i][0], (unsigned long long)sin[i][1], (unsigned long long)sin[i][2]);
            for (int m = 0; m < 5; m++) { unsigned fl; uint64_t r = sops[k].f[m](sin[i][0], sin[i][1], sin[i][2], &fl); printf(" %08x(%s)", (unsigned)r, flagstr(fl)); }
            printf("\n");
        }
    uint64_t din[][3] = { { 0x3ff0000000000001ULL, 0x3ff0000000000001ULL, 0xbff0000000000000ULL },
                          { 0x3ff0000000000000ULL, 0x3ff0000000000000ULL, 0xbff0000000000000ULL },
                          { 0x3fd5555555555555ULL, 0x4008000000000000ULL, 0xbff0000000000000ULL },
                          { 0x7ff0000000000000ULL, 0, 0x7ff8000000000000ULL },
                          { 0, 0x7ff0000000000000ULL, 0x7ff0000000000001ULL },
                          { 0x7fefffffffffffffULL, 0x4000000000000000ULL, 0xffefffffffffffffULL },
                          { 0x0010000000000000ULL, 0x3fe0000000000001ULL, 0 } };
    for (unsigned k = 0; k < 4; k++)
        for (unsigned i = 0; i < sizeof din / sizeof din[0]; i++) {
            printf("%-8s %016llx %016llx %016llx:\n  ", dops[k].n, (unsigned long long)din[i][0], (unsigned long long)din[i][1], (unsigned long long)din[i][2]);
            for (int m = 0; m < 5; m++) { unsigned fl; uint64_t r = dops[k].f[m](din[i][0], din[i][1], din[i][2], &fl); printf(" %016llx(%s)", (unsigned long long)r, flagstr(fl)); }
            printf("\n");
        }
    fclr();
    return 0;
}
