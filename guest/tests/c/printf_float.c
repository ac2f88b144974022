/* printf of doubles and long doubles (binary128 on riscv64): %f %e %g %a. */
#include "t.h"
#include <float.h>
#include <math.h>

int main(void)
{
    double d[] = { 0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3, 2.0 / 3, 123456789.125, 1e-10, 1e22, 1e300,
                   DBL_MIN, DBL_MAX, DBL_TRUE_MIN, 5e-324, 0.5, 2.5, 1e15 + 0.3, M_PI, INFINITY, -INFINITY, NAN };
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++)
        printf("%-3u f=[%f] e=[%e] g=[%g] a=[%a] .17g=[%.17g]\n", i, d[i], d[i], d[i], d[i], d[i]);
    printf("[%.0f] [%.0f] [%.0f] [%.0f] [%.1f] [%.2f]\n", 0.5, 1.5, 2.5, -0.5, 0.05, 1.005);
    printf("[%10.3f] [%-10.3f|] [%+.2e] [%010.2f] [% f]\n", M_PI, M_PI, 12345.678, -3.14159, 1.0);
    printf("[%#g] [%#.0f] [%#.0e] [%g] [%g] [%G]\n", 1.0, 3.0, 3.0, 100000.0, 1000000.0, 1e-5);
    printf("[%.30f]\n", 0.1);
    printf("[%.60g]\n", DBL_TRUE_MIN);
    printf("[%A] [%.3a] [%.0a]\n", 1.0, M_PI, 1.5);
    printf("[%f] [%F] [%e] [%E]\n", NAN, INFINITY, -INFINITY, NAN);
    printf("[%.400f]\n", 1e-300);
    printf("[%f]\n", 1e300);
    float fl = 16777217.0f;
    printf("float: [%f] [%a]\n", fl, (double)0.1f);

    long double ld[] = { 0.0L, 1.0L, -1.0L / 3, 0.1L, 1e4000L, LDBL_MIN, LDBL_MAX, LDBL_EPSILON, 1.0L + LDBL_EPSILON, 3.14159265358979323846264338327950288L };
    for (unsigned i = 0; i < sizeof ld / sizeof ld[0]; i++)
        printf("L%-2u Lf=[%.20Lf] Le=[%.30Le] Lg=[%Lg] La=[%La]\n", i, ld[i], ld[i], ld[i], ld[i]);
    printf("sizeof(long double)=%zu LDBL_MANT_DIG=%d\n", sizeof(long double), LDBL_MANT_DIG);
    long double q = 1.0L;
    for (int i = 0; i < 100; i++) q = q * 1.1L;
    printf("1.1^100 = %.33Lg\n", q);
    printf("sqrtl(2) = %.36Lg\n", sqrtl(2.0L));
    return 0;
}
