/* MULH/MULHSU/MULHU (and MUL) with signs and extremes. */
#include "t.h"

#define OP(insn) static uint64_t f_##insn(uint64_t a, uint64_t b) { uint64_t r; __asm__(#insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
OP(mul) OP(mulh) OP(mulhsu) OP(mulhu)

int main(void)
{
    uint64_t v[] = { 0, 1, 2, (uint64_t)-1, (uint64_t)-2, 0x8000000000000000ULL, 0x7fffffffffffffffULL,
                     0xffffffffULL, 0x100000000ULL, 0x123456789abcdef0ULL, 0xfedcba9876543210ULL };
    int n = sizeof v / sizeof v[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if ((i * n + j) % 3 && i != j) continue; /* keep output short */
            printf("a=%016llx b=%016llx mul=%016llx mulh=%016llx mulhsu=%016llx mulhu=%016llx\n",
                   (unsigned long long)v[i], (unsigned long long)v[j], (unsigned long long)f_mul(v[i], v[j]),
                   (unsigned long long)f_mulh(v[i], v[j]), (unsigned long long)f_mulhsu(v[i], v[j]),
                   (unsigned long long)f_mulhu(v[i], v[j]));
        }
    /* cross-check against __int128 on pseudo-random inputs */
    uint64_t s = 5;
    int ok = 1;
    for (int k = 0; k < 20000; k++) {
        uint64_t a = t_rand(&s), b = t_rand(&s);
        if (k & 1) a = (uint64_t)(int64_t)(int32_t)a;
        if (k & 2) b = -b;
        __int128 ss = (__int128)(int64_t)a * (int64_t)b;
        unsigned __int128 uu = (unsigned __int128)a * b;
        __int128 su = (__int128)(int64_t)a * (__int128)(unsigned __int128)b;
        if (f_mulh(a, b) != (uint64_t)(ss >> 64) || f_mulhu(a, b) != (uint64_t)(uu >> 64) ||
            f_mulhsu(a, b) != (uint64_t)(su >> 64) || f_mul(a, b) != (uint64_t)uu) ok = 0;
    }
    CHECK("20000 random products match __int128", ok);
    return 0;
}
