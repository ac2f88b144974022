/* fmin/fmax with NaNs, sNaN and signed zeros; feq/flt/fle with NaNs. */
#include "t.h"

#define MM(insn, sfx, mv, mvx) static uint64_t f_##insn##sfx(uint64_t a, uint64_t b) { uint64_t r; \
    __asm__ volatile(mv " ft0, %1\n\t" mv " ft1, %2\n\t" #insn "." #sfx " ft2, ft0, ft1\n\t" mvx " %0, ft2" : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1", "ft2"); return r; }
#define CMP(insn, sfx, mv) static uint64_t f_##insn##sfx(uint64_t a, uint64_t b) { uint64_t r; \
    __asm__ volatile(mv " ft0, %1\n\t" mv " ft1, %2\n\t" #insn "." #sfx " %0, ft0, ft1" : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1"); return r; }
MM(fmin, s, "fmv.w.x", "fmv.x.w") MM(fmax, s, "fmv.w.x", "fmv.x.w") MM(fmin, d, "fmv.d.x", "fmv.x.d") MM(fmax, d, "fmv.d.x", "fmv.x.d")
CMP(feq, s, "fmv.w.x") CMP(flt, s, "fmv.w.x") CMP(fle, s, "fmv.w.x") CMP(feq, d, "fmv.d.x") CMP(flt, d, "fmv.d.x") CMP(fle, d, "fmv.d.x")

int main(void)
{
    const char *sn[] = { "+1", "-1", "+0", "-0", "qNaN", "-qNaN", "sNaN", "+inf", "-inf", "sub" };
    uint64_t sv[] = { 0x3f800000, 0xbf800000, 0, 0x80000000, 0x7fc00000, 0xffc00001, 0x7f800001, 0x7f800000, 0xff800000, 0x00000001 };
    uint64_t dv[] = { 0x3ff0000000000000ULL, 0xbff0000000000000ULL, 0, 0x8000000000000000ULL, 0x7ff8000000000000ULL,
                      0xfff8000000000001ULL, 0x7ff0000000000001ULL, 0x7ff0000000000000ULL, 0xfff0000000000000ULL, 1 };
    int n = 10;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
        uint64_t mn, mx, eq, lt, le;
        unsigned f1, f2, f3, f4, f5;
        fclr(); mn = f_fmins(sv[i], sv[j]); f1 = fflags();
        fclr(); mx = f_fmaxs(sv[i], sv[j]); f2 = fflags();
        fclr(); eq = f_feqs(sv[i], sv[j]); f3 = fflags();
        fclr(); lt = f_flts(sv[i], sv[j]); f4 = fflags();
        fclr(); le = f_fles(sv[i], sv[j]); f5 = fflags();
        printf("S %-5s %-5s min=%08x(%s) max=%08x(%s) eq=%llu(%s) lt=%llu(%s) le=%llu(%s)\n", sn[i], sn[j],
               (unsigned)mn, flagstr(f1), (unsigned)mx, flagstr(f2), (unsigned long long)eq, flagstr(f3),
               (unsigned long long)lt, flagstr(f4), (unsigned long long)le, flagstr(f5));
    }
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
        if (i > 6 && j > 6) continue;
        uint64_t mn, mx, eq, lt, le;
        unsigned f1, f2, f3, f4, f5;
        fclr(); mn = f_fmind(dv[i], dv[j]); f1 = fflags();
        fclr(); mx = f_fmaxd(dv[i], dv[j]); f2 = fflags();
        fclr(); eq = f_feqd(dv[i], dv[j]); f3 = fflags();
        fclr(); lt = f_fltd(dv[i], dv[j]); f4 = fflags();
        fclr(); le = f_fled(dv[i], dv[j]); f5 = fflags();
        printf("D %-5s %-5s min=%016llx(%s) max=%016llx(%s) eq=%llu(%s) lt=%llu(%s) le=%llu(%s)\n", sn[i], sn[j],
               (unsigned long long)mn, flagstr(f1), (unsigned long long)mx, flagstr(f2), (unsigned long long)eq, flagstr(f3),
               (unsigned long long)lt, flagstr(f4), (unsigned long long)le, flagstr(f5));
    }
    fclr();
    return 0;
}
