/* fsgnj/fsgnjn/fsgnjx for .s and .d, incl. NaN payloads (no canonicalization),
 * and the fmv/fneg/fabs pseudo-instructions. */
#include "t.h"

#define SG(insn, sfx, mv, mvx) static uint64_t f_##insn##_##sfx(uint64_t a, uint64_t b) { uint64_t r; fclr(); \
    __asm__ volatile(mv " ft0, %1\n\t" mv " ft1, %2\n\t" #insn "." #sfx " ft2, ft0, ft1\n\t" mvx " %0, ft2" : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1", "ft2"); return r; }
SG(fsgnj, s, "fmv.w.x", "fmv.x.w") SG(fsgnjn, s, "fmv.w.x", "fmv.x.w") SG(fsgnjx, s, "fmv.w.x", "fmv.x.w")
SG(fsgnj, d, "fmv.d.x", "fmv.x.d") SG(fsgnjn, d, "fmv.d.x", "fmv.x.d") SG(fsgnjx, d, "fmv.d.x", "fmv.x.d")

int main(void)
{
    uint64_t s[] = { 0x3f800000, 0xbf800000, 0x7f800001, 0xffc12345, 0, 0x80000000 };
    uint64_t d[] = { 0x3ff0000000000000ULL, 0xbff0000000000000ULL, 0x7ff0000000000001ULL, 0xfff8000000012345ULL, 0, 0x8000000000000000ULL };
    for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
        printf("S %08llx %08llx: j=%08llx jn=%08llx jx=%08llx\n", (unsigned long long)s[i], (unsigned long long)s[j],
               (unsigned long long)(uint32_t)f_fsgnj_s(s[i], s[j]), (unsigned long long)(uint32_t)f_fsgnjn_s(s[i], s[j]),
               (unsigned long long)(uint32_t)f_fsgnjx_s(s[i], s[j]));
    }
    for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j += 1) {
        if ((i + j) % 2) continue;
        printf("D %016llx %016llx: j=%016llx jn=%016llx jx=%016llx\n", (unsigned long long)d[i], (unsigned long long)d[j],
               (unsigned long long)f_fsgnj_d(d[i], d[j]), (unsigned long long)f_fsgnjn_d(d[i], d[j]), (unsigned long long)f_fsgnjx_d(d[i], d[j]));
    }
    uint64_t r1, r2, r3;
    fclr();
    __asm__ volatile("fmv.d.x ft0, %3\n\tfmv.d ft1, ft0\n\tfmv.x.d %0, ft1\n\tfneg.d ft1, ft0\n\tfmv.x.d %1, ft1\n\tfabs.d ft1, ft1\n\tfmv.x.d %2, ft1"
                     : "=&r"(r1), "=&r"(r2), "=&r"(r3) : "r"(0x7ff0000000000001ULL) : "ft0", "ft1");
    printf("sNaN double: fmv.d=%016llx fneg.d=%016llx fabs.d=%016llx flags=%s\n", (unsigned long long)r1, (unsigned long long)r2, (unsigned long long)r3, flagstr(fflags()));
    __asm__ volatile("fmv.w.x ft0, %3\n\tfmv.s ft1, ft0\n\tfmv.x.d %0, ft1\n\tfneg.s ft1, ft0\n\tfmv.x.d %1, ft1\n\tfabs.s ft1, ft1\n\tfmv.x.d %2, ft1"
                     : "=&r"(r1), "=&r"(r2), "=&r"(r3) : "r"(0xbf800000ULL) : "ft0", "ft1");
    printf("-1.0f: fmv.s=%016llx fneg.s=%016llx fabs.s=%016llx (boxed)\n", (unsigned long long)r1, (unsigned long long)r2, (unsigned long long)r3);
    fclr();
    return 0;
}
