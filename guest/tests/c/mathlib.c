/* libm functions printed in hex-float (bit exact with the same libm). */
#include "t.h"
#include <math.h>

int main(void)
{
    double xs[] = { 0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.14159, 10.0, 100.5, -7.25, 1e-8, 1e8, 710.0, -745.2 };
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i];
        printf("x=%a sin=%a cos=%a tan=%a exp=%a log=%a sqrt=%a\n", x, sin(x), cos(x), tan(x), exp(x), log(x), sqrt(x));
        printf("     atan=%a sinh=%a tanh=%a cbrt=%a log2=%a log10=%a expm1=%a log1p=%a\n", atan(x), sinh(x), tanh(x),
               cbrt(x), log2(x), log10(x), expm1(x), log1p(x));
    }
    printf("pow: %a %a %a %a %a %a\n", pow(2, 10), pow(2, 0.5), pow(-8, 1.0 / 3), pow(0, -1), pow(-2, 3), pow(1.0000001, 1e7));
    printf("atan2: %a %a %a %a\n", atan2(1, 1), atan2(-0.0, -1), atan2(0.0, -1), atan2(-1, 0));
    printf("fma: %a %a\n", fma(0x1.0000000000001p0, 0x1.0000000000001p0, -1.0), fma(1e308, 10, -1e308));
    printf("hypot: %a fmod: %a %a remainder: %a\n", hypot(3, 4), fmod(10.5, 3), fmod(-10.5, 3), remainder(10.5, 3));
    printf("floor/ceil/trunc/round: %a %a %a %a %a\n", floor(-2.5), ceil(-2.5), trunc(-2.5), round(-2.5), round(2.5));
    printf("lround/llround: %ld %lld %ld\n", lround(2.5), llround(-2.5), lround(1e10));
    int e;
    double m = frexp(1000.0, &e);
    printf("frexp: %a %d ldexp: %a modf: ", m, e, ldexp(0.75, 11));
    double ip;
    double fp = modf(-3.75, &ip);
    printf("%a %a\n", fp, ip);
    printf("copysign/nextafter: %a %a %a\n", copysign(3, -0.0), nextafter(1, 2), nextafter(0, -1));
    printf("fmin/fmax: %a %a %a\n", fmin(NAN, 1), fmax(-0.0, 0.0), fmin(2, 3));
    printf("erf/tgamma/lgamma: %a %a %a\n", erf(0.5), tgamma(5.5), lgamma(100));
    printf("float: sinf=%a expf=%a logf=%a sqrtf=%a powf=%a\n", (double)sinf(1.0f), (double)expf(1.0f), (double)logf(3.0f),
           (double)sqrtf(2.0f), (double)powf(1.5f, 2.5f));
    printf("long double: sqrtl=%La expl=%La logl=%La\n", sqrtl(2.0L), expl(1.0L), logl(10.0L));
    printf("classify: %d %d %d %d %d\n", fpclassify(0.0) == FP_ZERO, fpclassify(1e-310) == FP_SUBNORMAL,
           fpclassify(1.0) == FP_NORMAL, fpclassify(INFINITY) == FP_INFINITE, fpclassify(NAN) == FP_NAN);
    printf("signbit/isnan/isinf: %d %d %d %d\n", signbit(-0.0) != 0, isnan(sqrt(-1)) != 0, isinf(log(0)) != 0, isinf(-HUGE_VAL) != 0);
    /* accumulate to catch any off-by-ulp difference */
    double acc = 0;
    for (int i = 1; i <= 2000; i++) acc += sin(i * 0.001) * exp(-i * 0.0005) + log(i) / sqrt(i);
    printf("accumulated: %a\n", acc);
    return 0;
}
