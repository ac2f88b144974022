/* Driver for div.S: division corner cases (by zero, overflow INT_MIN/-1,
 * signs, W forms using only the low 32 bits and sign-extending). */
#include "t.h"

typedef uint64_t (*op_fn)(uint64_t, uint64_t);
uint64_t rv_div(uint64_t, uint64_t), rv_divu(uint64_t, uint64_t), rv_rem(uint64_t, uint64_t), rv_remu(uint64_t, uint64_t);
uint64_t rv_divw(uint64_t, uint64_t), rv_divuw(uint64_t, uint64_t), rv_remw(uint64_t, uint64_t), rv_remuw(uint64_t, uint64_t);
uint64_t rv_mul(uint64_t, uint64_t), rv_mulw(uint64_t, uint64_t);

int main(void)
{
    struct { const char *n; op_fn f; } ops[] = {
        { "div", rv_div }, { "divu", rv_divu }, { "rem", rv_rem }, { "remu", rv_remu },
        { "divw", rv_divw }, { "divuw", rv_divuw }, { "remw", rv_remw }, { "remuw", rv_remuw },
        { "mul", rv_mul }, { "mulw", rv_mulw },
    };
    uint64_t v[] = { 0, 1, 2, 3, 7, (uint64_t)-1, (uint64_t)-7, 0x8000000000000000ULL, 0x7fffffffffffffffULL,
                     0x80000000ULL, 0xffffffff80000000ULL, 0x7fffffffULL, 0xffffffffULL, 0x123456789abcdef0ULL,
                     0xdeadbeef00000005ULL, 0x00000001fffffffeULL };
    int nv = sizeof v / sizeof v[0];
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        uint64_t acc = 0;
        for (int i = 0; i < nv; i++)
            for (int j = 0; j < nv; j++) acc = acc * 1000003 ^ ops[o].f(v[i], v[j]);
        printf("%-6s table hash: 0x%016llx\n", ops[o].n, (unsigned long long)acc);
    }
    /* explicitly listed corner cases */
    uint64_t IMIN = 0x8000000000000000ULL, M1 = (uint64_t)-1;
    print_hex("div 7/0", rv_div(7, 0));
    print_hex("divu 7/0", rv_divu(7, 0));
    print_hex("rem 7%0", rv_rem(7, 0));
    print_hex("remu 7%0", rv_remu(7, 0));
    print_hex("div -7/0", rv_div(-7, 0));
    print_hex("rem -7%0", rv_rem(-7, 0));
    print_hex("div INT64_MIN/-1", rv_div(IMIN, M1));
    print_hex("rem INT64_MIN%-1", rv_rem(IMIN, M1));
    print_hex("div -7/2", rv_div(-7, 2));
    print_hex("rem -7%2", rv_rem(-7, 2));
    print_hex("div 7/-2", rv_div(7, -2));
    print_hex("rem 7%-2", rv_rem(7, -2));
    print_hex("divu -1/2", rv_divu(M1, 2));
    print_hex("divw 7/0", rv_divw(7, 0));
    print_hex("divuw 7/0", rv_divuw(7, 0));
    print_hex("remw 7%0", rv_remw(7, 0));
    print_hex("remw 0x80000000%0 (sext)", rv_remw(0x80000000ULL, 0));
    print_hex("remuw 0xfffffff7%0 (sext)", rv_remuw(0xfffffff7ULL, 0));
    print_hex("divw INT32_MIN/-1", rv_divw(0x80000000ULL, M1));
    print_hex("remw INT32_MIN%-1", rv_remw(0x80000000ULL, M1));
    print_hex("divw ignores upper bits", rv_divw(0x1234567800000064ULL, 0xabcdef000000000aULL));
    print_hex("divuw 0xffffffff/1 (sext)", rv_divuw(0xffffffffULL, 1));
    print_hex("divuw 0xfffffffe/2", rv_divuw(0xfffffffeULL, 2));
    print_hex("remuw 0xffffffff%0x10", rv_remuw(0xffffffffULL, 0x10));
    print_hex("mulw overflow sext", rv_mulw(0x10000ULL, 0x8000ULL));
    print_hex("mul low 64", rv_mul(0x123456789abcdef0ULL, 0x0fedcba987654321ULL));
    return 0;
}
