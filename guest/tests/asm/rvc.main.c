/* Driver for rvc.S: compressed instruction results. */
#include "t.h"

void rvc_alu(uint64_t *out, uint64_t x, uint64_t y);
void rvc_mem(uint64_t *out, uint64_t *buf);
uint64_t rvc_ctl(uint64_t x);

int main(void)
{
    static const char *alu[] = { "c.li -32", "c.li 31", "c.lui 0xfffe0", "c.lui 0x1f", "c.addi -1", "c.addiw 1", "c.slli 63",
        "c.srli 33", "c.srai 60", "c.andi -13", "c.add", "c.sub", "c.xor", "c.or", "c.and", "c.addw", "c.subw",
        "c.addiw sext 0", "non-prime regs", "c.li/c.slli a5" };
    uint64_t xs[][2] = { { 0x123456787fffffffULL, 0x0000000100000001ULL }, { 0x8000000000000000ULL, 0xffffffffffffffffULL } };
    for (int k = 0; k < 2; k++) {
        uint64_t out[20];
        memset(out, 0xee, sizeof out);
        rvc_alu(out, xs[k][0], xs[k][1]);
        printf("x=%016llx y=%016llx\n", (unsigned long long)xs[k][0], (unsigned long long)xs[k][1]);
        for (int i = 0; i < 20; i++) printf("  %-16s %016llx\n", alu[i], (unsigned long long)out[i]);
    }
    static const char *mem[] = { "c.ld", "c.lw (neg)", "c.lw (pos)", "c.sw/c.lw via addi4spn", "c.sdsp/c.ldsp",
        "c.swsp/c.lwsp", "c.fld/c.fsd", "c.fsdsp/c.fldsp sum", "c.addi4spn offset" };
    uint64_t buf[3];
    buf[0] = 0xfedcba9880000001ULL;
    buf[1] = 0x7fffffff80000000ULL;
    double d = 1.25;
    memcpy(&buf[2], &d, 8);
    uint64_t out[9];
    memset(out, 0xee, sizeof out);
    rvc_mem(out, buf);
    for (int i = 0; i < 9; i++) printf("%-24s %016llx\n", mem[i], (unsigned long long)out[i]);
    uint64_t c[] = { 0, 1, 0xff, 0x8000000000000001ULL, ~0ULL };
    for (int i = 0; i < 5; i++) printf("rvc_ctl(%016llx) = %llu\n", (unsigned long long)c[i], (unsigned long long)rvc_ctl(c[i]));
    return 0;
}
