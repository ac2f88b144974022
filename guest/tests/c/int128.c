/* 128-bit integer arithmetic (libgcc helpers for division). */
#include "t.h"

typedef unsigned __int128 u128;
typedef __int128 i128;

static void p128(const char *n, u128 v) { printf("%s: 0x%016llx%016llx\n", n, (unsigned long long)(v >> 64), (unsigned long long)v); }
static void pdec(const char *n, u128 v)
{
    char b[50];
    int i = 49;
    b[i] = 0;
    if (!v) b[--i] = '0';
    while (v) { b[--i] = (char)('0' + v % 10); v /= 10; }
    printf("%s: %s\n", n, b + i);
}

int main(void)
{
    u128 a = ((u128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL;
    u128 b = ((u128)0x1ULL << 64) | 0x3ULL;
    p128("a+b", a + b);
    p128("a-b", a - b);
    p128("a*b", a * b);
    p128("a/b", a / b);
    p128("a%b", a % b);
    p128("a<<67", a << 67);
    p128("a>>3", a >> 3);
    p128("~a", ~a);
    i128 n = -(i128)a;
    p128("-a", (u128)n);
    p128("-a/7", (u128)(n / 7));
    p128("-a%7", (u128)(n % 7));
    p128("(-a)>>100 arith", (u128)(n >> 100));
    u128 max = ~(u128)0;
    pdec("2^128-1", max);
    pdec("10^38", (u128)10000000000000000000ULL * (u128)10000000000000000000ULL);
    u128 f = 1;
    for (int i = 1; i <= 34; i++) f *= i;
    pdec("34!", f);
    printf("cmp: %d %d %d\n", a > b, n < 0, (i128)max == -1);
    uint64_t x = 0xffffffffffffffffULL, y = 0xfffffffffffffffeULL;
    u128 prod = (u128)x * y;
    p128("full 64x64 product", prod);
    uint64_t q = 0;
    int ovf = __builtin_mul_overflow(x, y, &q);
    printf("mul_overflow: %d\n", ovf);
    /* Fibonacci mod 2^128 checksum */
    u128 fa = 0, fb = 1;
    for (int i = 0; i < 500; i++) { u128 t = fa + fb; fa = fb; fb = t; }
    p128("fib(500) mod 2^128", fa);
    /* division by many divisors */
    u128 acc = 0;
    for (uint64_t d = 1; d < 5000; d += 7) acc = acc * 3 + a / d + (a % d) * 5 + (u128)((i128)n / (i128)d) * 7;
    p128("division sweep", acc);
    return 0;
}
