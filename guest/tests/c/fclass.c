/* fclass.s / fclass.d for all ten classes. */
#include "t.h"

int main(void)
{
    const char *names[] = { "-inf", "-normal", "-subnormal", "-0", "+0", "+subnormal", "+normal", "+inf", "sNaN", "qNaN", "-sNaN", "-qNaN", "max", "min-normal" };
    uint64_t s[] = { 0xff800000, 0xbf800000, 0x807fffff, 0x80000000, 0, 0x00000001, 0x3f800000, 0x7f800000, 0x7f800001, 0x7fc00000, 0xffbfffff, 0xffc00000, 0x7f7fffff, 0x00800000 };
    uint64_t d[] = { 0xfff0000000000000ULL, 0xc000000000000000ULL, 0x800fffffffffffffULL, 0x8000000000000000ULL, 0, 1, 0x3ff0000000000000ULL,
                     0x7ff0000000000000ULL, 0x7ff4000000000000ULL, 0x7ff8000000000000ULL, 0xfff0000000000001ULL, 0xfff8000000000000ULL,
                     0x7fefffffffffffffULL, 0x0010000000000000ULL };
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++) {
        uint64_t cs, cd;
        fclr();
        __asm__ volatile("fmv.w.x ft0, %2\n\tfclass.s %0, ft0\n\tfmv.d.x ft1, %3\n\tfclass.d %1, ft1" : "=&r"(cs), "=&r"(cd) : "r"(s[i]), "r"(d[i]) : "ft0", "ft1");
        printf("%-11s fclass.s=0x%03llx fclass.d=0x%03llx flags=%s\n", names[i], (unsigned long long)cs, (unsigned long long)cd, flagstr(fflags()));
    }
    return 0;
}
