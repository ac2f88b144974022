/* 128-bit long double (IEEE binary128, soft-float in libgcc): arithmetic,
 * conversions, comparisons, rounding modes, printed as hex words. */
#include "t.h"
#include <fenv.h>
#include <float.h>

static void pq(const char *n, long double v)
{
    uint64_t w[2];
    memcpy(w, &v, 16);
    printf("%-22s %016llx%016llx  %.36Lg\n", n, (unsigned long long)w[1], (unsigned long long)w[0], v);
}

int main(void)
{
    volatile long double a = 1.0L, b = 3.0L, c = 0.1L, big = LDBL_MAX, tiny = LDBL_MIN;
    pq("1/3", a / b);
    pq("2/3", 2 * a / b);
    pq("0.1", c);
    pq("0.1*3", c * 3);
    pq("1/3+1/3+1/3", a / b + a / b + a / b);
    pq("sqrt-ish Newton(2)", ({ long double x = 1; for (int i = 0; i < 8; i++) x = (x + 2 / x) / 2; x; }));
    pq("LDBL_MAX*2", big * 2);
    pq("LDBL_MIN/2^10", tiny / 1024);
    pq("-0", -(a - a));
    pq("(long double)1e300", (long double)1e300);
    pq("(long double)FLT_MAX", (long double)FLT_MAX);
    pq("2^64 from int", (long double)18446744073709551615ULL);
    pq("INT64_MIN", (long double)INT64_MIN);
    printf("(double)(1/3L) = %a\n", (double)(a / b));
    printf("(float)(1/3L) = %a\n", (double)(float)(a / b));
    printf("(long)(1e18L+0.5) = %ld\n", (long)(1e18L + 0.5L));
    printf("(unsigned long)(2^64-1) = %lu\n", (unsigned long)18446744073709551615.0L);
    unsigned __int128 u = (unsigned __int128)(1e30L);
    printf("(u128)1e30L = %016llx%016llx\n", (unsigned long long)(u >> 64), (unsigned long long)u);
    printf("compare: %d %d %d %d\n", a < b, a / b == 1 / b, c * 10 == 1.0L, __builtin_isnan((a - a) / (a - a)) != 0);
    int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
    const char *mn[] = { "nearest", "down", "up", "zero" };
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        long double q = a / b;
        int inexact = fetestexcept(FE_INEXACT) != 0;
        char name[40];
        snprintf(name, sizeof name, "1/3 %s", mn[m]);
        pq(name, q);
        snprintf(name, sizeof name, "-1/3 %s", mn[m]);
        pq(name, -a / b);
        printf("  inexact flag: %d\n", inexact);
    }
    fesetround(FE_TONEAREST);
    /* accumulate a series in quad precision */
    long double s = 0;
    for (int i = 1; i <= 20000; i++) s += 1.0L / ((long double)i * i);
    pq("sum 1/i^2 (20000)", s);
    return 0;
}
