/* strtod/strtof/strtold/strtol/strtoul/strtoll edge cases. */
#include "t.h"
#include <limits.h>
#include <math.h>
#include <inttypes.h>

static void td(const char *s)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    printf("strtod(\"%s\") = %a (%.17g) consumed=%td errno=%s\n", s, v, v, end - s, errname(errno));
}
static void tl(const char *s, int base)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\",%d) = %ld consumed=%td errno=%s\n", s, base, v, end - s, errname(errno));
}
static void tul(const char *s, int base)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, base);
    printf("strtoul(\"%s\",%d) = %lu consumed=%td errno=%s\n", s, base, v, end - s, errname(errno));
}

int main(void)
{
    const char *ds[] = { "0", "-0", "1.5", "  +3.25e2xyz", "1e308", "1e309", "-1e309", "4.9e-324", "2e-324", "1e-400",
                         "0x1.8p1", "0X.8P-1", "inf", "-Infinity", "nan", "NAN(123)", "abc", "", ".", "1e", "1e+",
                         "0.1", "2.2250738585072011e-308", "2.2250738585072014e-308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
                         "9007199254740993", "123456789012345678901234567890", "0.000000000000000000000000000001" };
    for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) td(ds[i]);
    errno = 0;
    float f = strtof("3.4028236e38", NULL);
    printf("strtof overflow: %a errno=%s\n", (double)f, errname(errno));
    printf("strtof(0.1): %a\n", (double)strtof("0.1", NULL));
    printf("strtold(0.1): %La\n", strtold("0.1", NULL));
    printf("strtold(1e4932): %La\n", strtold("1e4932", NULL));
    printf("atof(\"  -2.5\"): %g atoi(\"42abc\"): %d atol(\"-9\"): %ld\n", atof("  -2.5"), atoi("42abc"), atol("-9"));

    tl("0", 10); tl("-123", 10); tl("  +77", 10); tl("9223372036854775807", 10); tl("9223372036854775808", 10);
    tl("-9223372036854775808", 10); tl("-9223372036854775809", 10); tl("0x1F", 16); tl("0x1F", 0); tl("017", 0);
    tl("0b101", 0); tl("zz", 36); tl("ZZ", 36); tl("12abc", 10); tl("abc", 10); tl("0x", 16); tl("", 10); tl("-0", 10);
    tl("777", 8); tl("8", 8); tl("1", 1); tl("1", 37);
    tul("18446744073709551615", 10); tul("18446744073709551616", 10); tul("-1", 10); tul("0xffffffffffffffff", 0);
    errno = 0;
    long long ll = strtoll("-9223372036854775808", NULL, 10);
    printf("strtoll min: %lld errno=%s\n", ll, errname(errno));
    errno = 0;
    unsigned long long ull = strtoull("99999999999999999999", NULL, 10);
    printf("strtoull overflow: %llu errno=%s\n", ull, errname(errno));
    printf("strtoimax: %jd\n", strtoimax("-4611686018427387904", NULL, 10));
    return 0;
}
