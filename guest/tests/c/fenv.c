/* Rounding modes via fesetround (all 4) with lrint/nearbyint/rint and
 * arithmetic; exception flags via fetestexcept. */
#include "t.h"
#include <fenv.h>
#include <math.h>

static volatile double vz = 0.0, v1 = 1.0, v3 = 3.0, big = 1e308, tiny = 1e-308;

int main(void)
{
    int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
    const char *names[] = { "TONEAREST", "DOWNWARD", "UPWARD", "TOWARDZERO" };
    double xs[] = { 2.5, 3.5, -2.5, -3.5, 2.4, -2.6, 0.5, -0.5, 1e16 + 1 };
    for (int m = 0; m < 4; m++) {
        CHECK("fesetround", fesetround(modes[m]) == 0);
        CHECK("fegetround matches", fegetround() == modes[m]);
        printf("%s:", names[m]);
        for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++)
            printf(" %ld/%g/%g", lrint(xs[i]), nearbyint(xs[i]), rint(xs[i]));
        printf("\n  1/3=%a -1/3=%a 2/3f=%a sqrt2=%a llrint(-7.5)=%lld\n", v1 / v3, -v1 / v3,
               (double)((float)(2 * v1) / (float)v3), sqrt(2 * v1), llrint(-7.5));
        printf("  1e308*10=%g -1e308*10=%g\n", big * 10, -big * 10);
    }
    fesetround(FE_TONEAREST);

    feclearexcept(FE_ALL_EXCEPT);
    CHECK("no flags after clear", fetestexcept(FE_ALL_EXCEPT) == 0);
    volatile double r = v1 / v3;
    printf("1/3: INEXACT=%d others=%d\n", !!fetestexcept(FE_INEXACT), !!fetestexcept(FE_ALL_EXCEPT & ~FE_INEXACT));
    feclearexcept(FE_ALL_EXCEPT);
    r = v1 / vz;
    printf("1/0: DIVBYZERO=%d inf=%d others=%d\n", !!fetestexcept(FE_DIVBYZERO), isinf(r) != 0, !!fetestexcept(FE_ALL_EXCEPT & ~FE_DIVBYZERO));
    feclearexcept(FE_ALL_EXCEPT);
    r = vz / vz;
    printf("0/0: INVALID=%d nan=%d\n", !!fetestexcept(FE_INVALID), isnan(r) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = big * big;
    printf("overflow: OVERFLOW=%d INEXACT=%d\n", !!fetestexcept(FE_OVERFLOW), !!fetestexcept(FE_INEXACT));
    feclearexcept(FE_ALL_EXCEPT);
    r = tiny * tiny;
    printf("underflow: UNDERFLOW=%d INEXACT=%d\n", !!fetestexcept(FE_UNDERFLOW), !!fetestexcept(FE_INEXACT));
    feclearexcept(FE_ALL_EXCEPT);
    r = sqrt(-v1);
    printf("sqrt(-1): INVALID=%d\n", !!fetestexcept(FE_INVALID));
    feclearexcept(FE_ALL_EXCEPT);
    r = v1 + v3;
    printf("1+3 exact: flags=%d\n", fetestexcept(FE_ALL_EXCEPT));
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    printf("feraiseexcept: OVERFLOW=%d INEXACT=%d DIVBYZERO=%d\n", !!fetestexcept(FE_OVERFLOW), !!fetestexcept(FE_INEXACT), !!fetestexcept(FE_DIVBYZERO));
    fexcept_t saved;
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_ALL_EXCEPT);
    printf("fesetexceptflag restored OVERFLOW=%d\n", !!fetestexcept(FE_OVERFLOW));
    fenv_t env;
    fesetround(FE_UPWARD);
    fegetenv(&env);
    fesetround(FE_DOWNWARD);
    feclearexcept(FE_ALL_EXCEPT);
    fesetenv(&env);
    CHECK("fesetenv restores rounding mode", fegetround() == FE_UPWARD);
    CHECK("fesetenv restores flags", fetestexcept(FE_OVERFLOW) != 0);
    fesetenv(FE_DFL_ENV);
    CHECK("FE_DFL_ENV -> nearest, no flags", fegetround() == FE_TONEAREST && fetestexcept(FE_ALL_EXCEPT) == 0);
    CHECK("fesetround invalid mode fails", fesetround(12345) != 0);
    (void)r;
    return 0;
}
