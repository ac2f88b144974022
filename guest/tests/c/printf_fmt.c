/* printf of integers, strings, chars, widths, flags, %n, snprintf. */
#include "t.h"
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <wchar.h>

int main(void)
{
    printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u);
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+05d]\n", 42, 42, 42, 42, 42, -42);
    printf("[%#x] [%#o] [%#X] [%#x]\n", 255u, 8u, 255u, 0u);
    printf("[%.3d] [%8.3d] [%-8.3d|] [%.0d]\n", 7, 7, 7, 0);
    printf("[%ld] [%lu] [%lld] [%llu]\n", LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX);
    printf("[%hd] [%hhd] [%hu] [%hhu]\n", (short)-1, (signed char)-128, (unsigned short)65535, (unsigned char)255);
    printf("[%" PRId64 "] [%" PRIx64 "] [%zu] [%zd] [%td]\n", INT64_MIN, UINT64_MAX, (size_t)12345, (ssize_t)-5, (ptrdiff_t)-7);
    printf("[%jd] [%ju]\n", INTMAX_MIN, UINTMAX_MAX);
    printf("[%s] [%10s] [%-10s] [%.3s] [%*s] [%-*s] [%.*s]\n", "str", "right", "left", "truncate", 6, "w", 6, "w", 2, "prec");
    printf("[%c] [%3c] [%-3c] [%%]\n", 'A', 'B', 'C');
    printf("[%p]\n", (void *)0);
    printf("[%s]\n", (char *)0 == NULL ? "(null check ok)" : "");
    int n1 = 0, n2 = 0;
    printf("abc%nde%n\n", &n1, &n2);
    printf("%%n: %d %d\n", n1, n2);
    char buf[16];
    const char *volatile longstr = "0123456789abcdefghij";
    int r = snprintf(buf, sizeof buf, "%s", longstr);
    printf("snprintf truncated: ret=%d buf=%s\n", r, buf);
    r = snprintf(NULL, 0, "%d-%s", 12345, "xyz");
    printf("snprintf(NULL,0): %d\n", r);
    printf("[%2$s %1$s]\n", "world", "hello");
    printf("[%'d]\n", 1234567);
    printf("[%lc] [%ls]\n", (wint_t)'W', L"wide");
    printf("[%#.3o] [%#5x] [%-#8x|]\n", 8u, 10u, 10u);
    printf("[%x] [%lx]\n", (unsigned)-1, (unsigned long)-1);
    return 0;
}
