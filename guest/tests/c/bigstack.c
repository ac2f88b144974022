/* Large stack usage: a 1 MiB local array and deep recursion. */
#include "t.h"

static __attribute__((noinline)) uint64_t big(int seed)
{
    volatile unsigned char buf[1 << 20];
    for (int i = 0; i < (1 << 20); i += 512) buf[i] = (unsigned char)(i * seed);
    uint64_t s = 0;
    for (int i = 0; i < (1 << 20); i += 512) s += buf[i];
    return s;
}

static __attribute__((noinline)) uint64_t rec(int n)
{
    volatile char pad[200];
    pad[n % 200] = (char)n;
    if (n == 0) return 0;
    return rec(n - 1) + (unsigned char)pad[n % 200];
}

int main(void)
{
    printf("1 MiB array sum: %llu\n", (unsigned long long)big(3));
    printf("recursion 20000 deep: %llu\n", (unsigned long long)rec(20000));
    /* 4 MiB variable-length array */
    size_t n = 4u << 20;
    volatile unsigned char vla[n];
    for (size_t i = 0; i < n; i += 4096) vla[i] = 1;
    size_t c = 0;
    for (size_t i = 0; i < n; i += 4096) c += vla[i];
    printf("4 MiB VLA pages touched: %zu\n", c);
    return 0;
}
