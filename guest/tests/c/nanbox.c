/* NaN boxing of single-precision values in 64-bit f registers. */
#include "t.h"

int main(void)
{
    uint64_t r, r2;
    /* fmv.x.w sign-extends the 32-bit pattern */
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(r) : "r"(0x3f800000ULL) : "ft0");
    print_hex("fmv.x.w of 1.0f", r);
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(r) : "r"(0xbf800000ULL) : "ft0");
    print_hex("fmv.x.w of -1.0f (sign-extended)", r);
    /* a single written by fmv.w.x / flw is NaN-boxed when read as double */
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.x.d %0, ft0" : "=r"(r) : "r"(0x12345678abcdef01ULL) : "ft0");
    print_hex("fmv.w.x then fmv.x.d (boxed)", r);
    uint32_t mem = 0x40490fdb;
    __asm__ volatile("flw ft0, 0(%1)\n\tfmv.x.d %0, ft0" : "=r"(r) : "r"(&mem) : "ft0");
    print_hex("flw then fmv.x.d (boxed)", r);
    __asm__ volatile("fmv.w.x ft0, %1\n\tfadd.s ft1, ft0, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(0x3f800000ULL) : "ft0", "ft1");
    print_hex("fadd.s result (boxed)", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.s.d ft1, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(0x4000000000000000ULL) : "ft0", "ft1");
    print_hex("fcvt.s.d result (boxed)", r);
    /* improperly boxed inputs behave as the canonical NaN */
    uint64_t unboxed = 0x000000003f800000ULL; /* 1.0f without the upper ones */
    fclr();
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfadd.s ft2, ft0, ft1\n\tfmv.x.d %0, ft2" : "=r"(r) : "r"(unboxed), "r"(0x3f800000ULL) : "ft0", "ft1", "ft2");
    print_hex("fadd.s(unboxed, 1.0) -> canonical NaN", r);
    printf("  flags: %s\n", flagstr(fflags()));
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(r) : "r"(0xabcdef0140490fdbULL) : "ft0");
    print_hex("fmv.x.w of unboxed reg (low 32 bits, no check)", r);
    uint32_t out = 0;
    __asm__ volatile("fmv.d.x ft0, %1\n\tfsw ft0, 0(%0)" :: "r"(&out), "r"(0x0000000140490fdbULL) : "ft0", "memory");
    print_hex32("fsw of unboxed reg (low 32 bits)", out);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfclass.s %0, ft0" : "=r"(r) : "r"(unboxed) : "ft0");
    print_hex("fclass.s of unboxed (quiet NaN = 0x200)", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.d.s ft1, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(unboxed) : "ft0", "ft1");
    print_hex("fcvt.d.s of unboxed", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfsgnj.s ft2, ft0, ft1\n\tfmv.x.d %0, ft2" : "=r"(r) : "r"(unboxed), "r"(0xbf800000ULL) : "ft0", "ft1", "ft2");
    print_hex("fsgnj.s(unboxed, -1.0)", r);
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.d.x ft1, %2\n\tfsgnjn.s ft2, ft0, ft1\n\tfmv.x.d %0, ft2" : "=r"(r) : "r"(0x40000000ULL), "r"(unboxed) : "ft0", "ft1", "ft2");
    print_hex("fsgnjn.s(2.0, unboxed)", r);
    fclr();
    __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.w.x ft1, %3\n\tfeq.s %0, ft0, ft1\n\tflt.s %1, ft0, ft1" : "=r"(r), "=&r"(r2) : "r"(unboxed), "r"(0x3f800000ULL) : "ft0", "ft1");
    printf("feq.s/flt.s with unboxed: %llu %llu flags: %s\n", (unsigned long long)r, (unsigned long long)r2, flagstr(fflags()));
    __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.w.s %0, ft0, rtz" : "=r"(r) : "r"(unboxed) : "ft0");
    print_hex("fcvt.w.s of unboxed (NaN -> 2^31-1)", r);
    /* an almost-boxed value (one upper bit clear) is not boxed */
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfmul.s ft2, ft0, ft1\n\tfmv.x.w %0, ft2" : "=r"(r) : "r"(0xfffffffe3f800000ULL), "r"(0x40000000ULL) : "ft0", "ft1", "ft2");
    print_hex("fmul.s(0xfffffffe3f800000, 2.0)", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfmul.s ft2, ft0, ft1\n\tfmv.x.w %0, ft2" : "=r"(r) : "r"(0xffffffff3f800000ULL), "r"(0x40000000ULL) : "ft0", "ft1", "ft2");
    print_hex("fmul.s(0xffffffff3f800000, 2.0)", r);
    /* canonical NaN results */
    __asm__ volatile("fmv.w.x ft0, %1\n\tfdiv.s ft1, ft0, ft0\n\tfmv.x.w %0, ft1" : "=r"(r) : "r"(0ULL) : "ft0", "ft1");
    print_hex("0/0 single", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfsqrt.d ft1, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(0xbff0000000000000ULL) : "ft0", "ft1");
    print_hex("sqrt(-1) double", r);
    __asm__ volatile("fmv.w.x ft0, %1\n\tfadd.s ft1, ft0, ft0\n\tfmv.x.w %0, ft1" : "=r"(r) : "r"(0xffc12345ULL) : "ft0", "ft1");
    print_hex("qNaN payload+sign not propagated (single)", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmul.d ft1, ft0, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(0xfff4000000000001ULL) : "ft0", "ft1");
    print_hex("sNaN payload not propagated (double)", r);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.s.d ft1, ft0\n\tfmv.x.w %0, ft1" : "=r"(r) : "r"(0x7ff8000012345678ULL) : "ft0", "ft1");
    print_hex("fcvt.s.d of NaN payload", r);
    fclr();
    return 0;
}
