/* All load/store widths with sign/zero extension and negative offsets. */
#include "t.h"

int main(void)
{
    static uint8_t m[64] __attribute__((aligned(16)));
    for (int i = 0; i < 64; i++) m[i] = (uint8_t)(0x80 + i * 3);
    uint8_t *p = m + 32;
    uint64_t r;
#define LD(insn, off) __asm__ volatile(#insn " %0, " #off "(%1)" : "=r"(r) : "r"(p) : "memory"); \
    printf("%-3s %4d: %016llx\n", #insn, off, (unsigned long long)r)
    LD(lb, 0); LD(lbu, 0); LD(lb, -31); LD(lbu, -31); LD(lh, 0); LD(lhu, 0); LD(lh, -32); LD(lhu, -32);
    LD(lw, 0); LD(lwu, 0); LD(lw, -8); LD(lwu, -8); LD(lw, 12); LD(ld, 0); LD(ld, -32); LD(ld, 24);
    /* a positive byte/half/word for the non-negative branch of sign extension */
    m[40] = 0x7f; m[41] = 0x00;
    LD(lb, 8); LD(lh, 8);
    uint64_t v = 0xfedcba9876543210ULL;
#define ST(insn, off) memset(m, 0, 64); __asm__ volatile(#insn " %1, " #off "(%0)" :: "r"(p), "r"(v) : "memory"); \
    printf("%-3s %4d: ", #insn, off); for (int i = 24; i < 48; i++) printf("%02x", m[i]); printf("\n")
    ST(sb, 0); ST(sh, 2); ST(sw, -4); ST(sd, 8); ST(sb, -1); ST(sd, -8);
    /* store then load through x0-relative-free paths: sd/ld of -1 */
    int64_t neg = -2;
    __asm__ volatile("sd %1, 0(%2)\n\tld %0, 0(%2)" : "=r"(r) : "r"(neg), "r"(p) : "memory");
    print_hex("sd/ld -2", r);
    __asm__ volatile("sw %1, 0(%2)\n\tlwu %0, 0(%2)" : "=r"(r) : "r"(neg), "r"(p) : "memory");
    print_hex("sw/lwu -2", r);
    /* a load into the same register as the base */
    uint64_t base = (uint64_t)(uintptr_t)p;
    __asm__ volatile("ld %0, 0(%0)" : "+r"(base) :: "memory");
    print_hex("ld rd==rs1", base);
    /* 2048-byte offsets at the immediate limits */
    static uint8_t big[4096] __attribute__((aligned(8)));
    big[0] = 0x11; big[4095] = 0x22;
    uint8_t *mid = big + 2048;
    __asm__ volatile("lbu %0, -2048(%1)" : "=r"(r) : "r"(mid)); printf("lbu -2048: %02llx\n", (unsigned long long)r);
    __asm__ volatile("lbu %0, 2047(%1)" : "=r"(r) : "r"(mid)); printf("lbu 2047: %02llx\n", (unsigned long long)r);
    return 0;
}
