/* A 4-byte instruction straddling a page boundary (offset 4094), entered
 * both by fall-through and as a jump target; then only its second half
 * (on the next page) is rewritten. */
#include "t.h"
#include <sys/mman.h>

typedef long (*fn)(long);

static void put16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static uint32_t addi_a0_a0(int imm) { return ((uint32_t)(imm & 0xfff) << 20) | (10u << 15) | (10u << 7) | 0x13; }

int main(void)
{
    uint8_t *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(m != MAP_FAILED);
    /* 4088: addi a0,a0,1 (4 bytes)  4092: c.addi a0,2  4094: addi a0,a0,0x123 (straddles)  4098: c.jr ra */
    put32(m + 4088, addi_a0_a0(1));
    put16(m + 4092, 0x0509);             /* c.addi a0, 2 */
    put32(m + 4094, addi_a0_a0(0x123));
    put16(m + 4098, 0x8082);             /* c.jr ra */
    __asm__ volatile("fence.i" ::: "memory");
    printf("fall-through into straddling insn: %ld\n", ((fn)(m + 4088))(0));
    printf("jump directly to straddling insn: %ld\n", ((fn)(m + 4094))(1000));
    /* rewrite only bytes 4096..4097 (the upper half, imm[11:4]) */
    uint32_t nw = addi_a0_a0(0x7f3);
    uint32_t old = addi_a0_a0(0x123);
    CHECK("lower halves equal", (nw & 0xffff) == (old & 0xffff));
    put16(m + 4096, (uint16_t)(nw >> 16));
    __asm__ volatile("fence.i" ::: "memory");
    printf("after rewriting second page half: %ld\n", ((fn)(m + 4088))(0));
    /* straddling compressed sequence: a 4-byte insn at 8190 would leave the
     * mapping; instead put a 2-byte insn at 4094 and a 4-byte one at 4096 */
    put16(m + 4094, 0x0505);             /* c.addi a0, 1 */
    put32(m + 4096, addi_a0_a0(5));
    put16(m + 4100, 0x8082);
    __asm__ volatile("fence.i" ::: "memory");
    printf("2-byte insn ending exactly at the boundary: %ld\n", ((fn)(m + 4088))(0));
    return 0;
}
