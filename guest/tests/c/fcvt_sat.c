/* fcvt.{w,wu,l,lu}.{s,d} saturation: NaN, +-inf, out of range, negative to
 * unsigned; results and fflags.  Plus int->fp conversions. */
#include "t.h"

#define CV(name, mv, insn) static uint64_t name(uint64_t a, unsigned *fl) { uint64_t r; fclr(); \
    __asm__ volatile(mv " ft0, %1\n\t" insn " %0, ft0, rtz" : "=r"(r) : "r"(a) : "ft0"); *fl = fflags(); return r; }
CV(w_s, "fmv.w.x", "fcvt.w.s") CV(wu_s, "fmv.w.x", "fcvt.wu.s") CV(l_s, "fmv.w.x", "fcvt.l.s") CV(lu_s, "fmv.w.x", "fcvt.lu.s")
CV(w_d, "fmv.d.x", "fcvt.w.d") CV(wu_d, "fmv.d.x", "fcvt.wu.d") CV(l_d, "fmv.d.x", "fcvt.l.d") CV(lu_d, "fmv.d.x", "fcvt.lu.d")

static uint32_t fb(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t db(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

int main(void)
{
    struct { const char *n; float f; uint32_t bits; } s[] = {
        { "qNaN", 0, 0x7fc00000 }, { "-qNaN", 0, 0xffc00000 }, { "sNaN", 0, 0x7f800001 }, { "+inf", 0, 0x7f800000 }, { "-inf", 0, 0xff800000 },
        { "1e20", 1e20f, 0 }, { "-1e20", -1e20f, 0 }, { "2^31", 2147483648.0f, 0 }, { "-2^31", -2147483648.0f, 0 },
        { "2^32", 4294967296.0f, 0 }, { "3e9", 3e9f, 0 }, { "2^63", 9223372036854775808.0f, 0 }, { "-2^63", -9223372036854775808.0f, 0 },
        { "2^64", 18446744073709551616.0f, 0 }, { "-1.0", -1.0f, 0 }, { "-0.5", -0.5f, 0 }, { "-0.0", -0.0f, 0 }, { "3.7", 3.7f, 0 },
        { "-3.7", -3.7f, 0 }, { "1e-40", 1e-40f, 0 } };
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++) {
        uint64_t x = s[i].bits ? s[i].bits : fb(s[i].f);
        unsigned f1, f2, f3, f4;
        uint64_t a = w_s(x, &f1), b = wu_s(x, &f2), c = l_s(x, &f3), d = lu_s(x, &f4);
        printf("S %-6s w=%016llx(%s) wu=%016llx(%s) l=%016llx(%s) lu=%016llx(%s)\n", s[i].n, (unsigned long long)a, flagstr(f1),
               (unsigned long long)b, flagstr(f2), (unsigned long long)c, flagstr(f3), (unsigned long long)d, flagstr(f4));
    }
    struct { const char *n; double v; uint64_t bits; } d[] = {
        { "qNaN", 0, 0x7ff8000000000000ULL }, { "sNaN", 0, 0x7ff0000000000001ULL }, { "-NaN", 0, 0xfff8000000000000ULL },
        { "+inf", 0, 0x7ff0000000000000ULL }, { "-inf", 0, 0xfff0000000000000ULL }, { "1e300", 1e300, 0 }, { "-1e300", -1e300, 0 },
        { "2^31-0.5", 2147483647.5, 0 }, { "2^31", 2147483648.0, 0 }, { "-2^31-1", -2147483649.0, 0 }, { "-2^31-0.5", -2147483648.5, 0 },
        { "2^32-1", 4294967295.0, 0 }, { "2^32", 4294967296.0, 0 }, { "2^63", 9223372036854775808.0, 0 },
        { "-2^63", -9223372036854775808.0, 0 }, { "2^64", 18446744073709551616.0, 0 }, { "2^64-2^11", 18446744073709549568.0, 0 },
        { "-1.0", -1.0, 0 }, { "-0.9", -0.9, 0 }, { "-0.0", -0.0, 0 }, { "0.5", 0.5, 0 }, { "5e-324", 5e-324, 0 } };
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++) {
        uint64_t x = d[i].bits ? d[i].bits : db(d[i].v);
        unsigned f1, f2, f3, f4;
        uint64_t a = w_d(x, &f1), b = wu_d(x, &f2), c = l_d(x, &f3), e = lu_d(x, &f4);
        printf("D %-9s w=%016llx(%s) wu=%016llx(%s) l=%016llx(%s) lu=%016llx(%s)\n", d[i].n, (unsigned long long)a, flagstr(f1),
               (unsigned long long)b, flagstr(f2), (unsigned long long)c, flagstr(f3), (unsigned long long)e, flagstr(f4));
    }
    /* negative to unsigned with other rounding modes: -0.3 rounds to 0 (NX) or -1 (NV) */
    uint64_t r;
    unsigned fl;
    fclr(); __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.wu.d %0, ft0, rdn" : "=r"(r) : "r"(db(-0.3)) : "ft0"); fl = fflags();
    printf("fcvt.wu.d -0.3 rdn: %016llx (%s)\n", (unsigned long long)r, flagstr(fl));
    fclr(); __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.wu.d %0, ft0, rup" : "=r"(r) : "r"(db(-0.3)) : "ft0"); fl = fflags();
    printf("fcvt.wu.d -0.3 rup: %016llx (%s)\n", (unsigned long long)r, flagstr(fl));
    fclr(); __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.lu.d %0, ft0, rne" : "=r"(r) : "r"(db(-0.5)) : "ft0"); fl = fflags();
    printf("fcvt.lu.d -0.5 rne: %016llx (%s)\n", (unsigned long long)r, flagstr(fl));
    fclr(); __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.lu.d %0, ft0, rmm" : "=r"(r) : "r"(db(-0.5)) : "ft0"); fl = fflags();
    printf("fcvt.lu.d -0.5 rmm: %016llx (%s)\n", (unsigned long long)r, flagstr(fl));
    fclr(); __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.w.d %0, ft0, rup" : "=r"(r) : "r"(db(2147483647.5)) : "ft0"); fl = fflags();
    printf("fcvt.w.d 2^31-0.5 rup: %016llx (%s)\n", (unsigned long long)r, flagstr(fl));
    /* int -> fp, including sign extension rules of the W sources */
    uint64_t ins[] = { 0, 1, (uint64_t)-1, 0x80000000ULL, 0xffffffff80000000ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x123456789ULL };
    for (unsigned i = 0; i < sizeof ins / sizeof ins[0]; i++) {
        uint64_t a, b, c, e, g, h, k, m;
        __asm__ volatile("fcvt.s.w ft0, %8\n\tfmv.x.w %0, ft0\n\tfcvt.s.wu ft0, %8\n\tfmv.x.w %1, ft0\n\t"
                         "fcvt.s.l ft0, %8\n\tfmv.x.w %2, ft0\n\tfcvt.s.lu ft0, %8\n\tfmv.x.w %3, ft0\n\t"
                         "fcvt.d.w ft0, %8\n\tfmv.x.d %4, ft0\n\tfcvt.d.wu ft0, %8\n\tfmv.x.d %5, ft0\n\t"
                         "fcvt.d.l ft0, %8\n\tfmv.x.d %6, ft0\n\tfcvt.d.lu ft0, %8\n\tfmv.x.d %7, ft0"
                         : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(e), "=&r"(g), "=&r"(h), "=&r"(k), "=&r"(m) : "r"(ins[i]) : "ft0");
        printf("int %016llx: s.w=%08x s.wu=%08x s.l=%08x s.lu=%08x d.w=%016llx d.wu=%016llx d.l=%016llx d.lu=%016llx\n",
               (unsigned long long)ins[i], (unsigned)a, (unsigned)b, (unsigned)c, (unsigned)e, (unsigned long long)g,
               (unsigned long long)h, (unsigned long long)k, (unsigned long long)m);
    }
    fclr();
    return 0;
}
