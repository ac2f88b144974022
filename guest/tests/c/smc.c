/* Self-modifying code: write instructions into an RWX mapping, run them,
 * overwrite, fence.i, run again; the same through mprotect(RW->RX); an
 * instruction patched by the running code itself. */
#include "t.h"
#include <sys/mman.h>

static uint32_t addi_a0(int imm) { return ((uint32_t)(imm & 0xfff) << 20) | (10u << 7) | 0x13; }    /* addi a0, zero, imm */
static uint32_t addi_a0_a0(int imm) { return ((uint32_t)(imm & 0xfff) << 20) | (10u << 15) | (10u << 7) | 0x13; }
#define RET 0x00008067u
#define FENCE_I 0x0000100fu
#define NOP 0x00000013u
static uint32_t sw_a1_a0(int off) { return ((uint32_t)(off >> 5) << 25) | (11u << 20) | (10u << 15) | (2u << 12) | ((uint32_t)(off & 31) << 7) | 0x23; }

typedef long (*fn0)(void);
typedef long (*fn2)(void *, long);

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK("mmap RWX", code != MAP_FAILED);
    code[0] = addi_a0(1);
    code[1] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    printf("first version returns %ld\n", ((fn0)code)());
    code[0] = addi_a0(2);
    __asm__ volatile("fence.i" ::: "memory");
    printf("after overwrite + fence.i returns %ld\n", ((fn0)code)());
    /* run it many times then patch again (a JIT would have it hot) */
    long sum = 0;
    for (int k = 0; k < 1000; k++) sum += ((fn0)code)();
    code[0] = addi_a0(-5);
    __asm__ volatile("fence.i" ::: "memory");
    printf("hot loop sum %ld, then patched returns %ld\n", sum, ((fn0)code)());
    /* a longer sequence: a0 = 10; 50 x (a0 += 3); ret */
    code[0] = addi_a0(10);
    for (int k = 1; k <= 50; k++) code[k] = addi_a0_a0(3);
    code[51] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    printf("51-instruction sequence returns %ld\n", ((fn0)code)());
    code[25] = addi_a0_a0(1000);
    __asm__ volatile("fence.i" ::: "memory");
    printf("middle instruction patched returns %ld\n", ((fn0)code)());

    /* code that patches its own later instruction: sw a1,12(a0); fence.i; nop; addi a0,zero,1; ret */
    code[0] = sw_a1_a0(12);
    code[1] = FENCE_I;
    code[2] = NOP;
    code[3] = addi_a0(1);
    code[4] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    printf("self-patching code returns %ld\n", ((fn2)code)(code, (long)addi_a0(77)));
    printf("second call (already patched) returns %ld\n", ((fn2)code)(code, (long)addi_a0(88)));

    /* W^X style: RW, write, mprotect RX, run, back to RW, patch, RX, fence.i, run */
    uint32_t *c2 = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    c2[1024] = addi_a0(11);
    c2[1025] = RET;
    CHECK("mprotect RX", mprotect(c2, 8192, PROT_READ | PROT_EXEC) == 0);
    __asm__ volatile("fence.i" ::: "memory");
    printf("mprotect'ed page returns %ld\n", ((fn0)(c2 + 1024))());
    CHECK("mprotect RW", mprotect(c2, 8192, PROT_READ | PROT_WRITE) == 0);
    c2[1024] = addi_a0(22);
    CHECK("mprotect RX again", mprotect(c2, 8192, PROT_READ | PROT_EXEC) == 0);
    __asm__ volatile("fence.i" ::: "memory");
    printf("after patch through mprotect returns %ld\n", ((fn0)(c2 + 1024))());
    /* new code at the same address after munmap + mmap */
    munmap(code, 4096);
    uint32_t *c3 = mmap(code, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    c3[0] = addi_a0(33);
    c3[1] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    printf("remapped page at same address returns %ld\n", ((fn0)c3)());
    return 0;
}
