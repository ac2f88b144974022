/* LR/SC: success, sc after a completed sc fails, sc to another address
 * fails, failed sc clears the reservation, lr.w sign extension. */
#include "t.h"

static uint64_t w_mem[64] __attribute__((aligned(256)));
static uint64_t d_mem[64] __attribute__((aligned(256)));

/* Each scenario runs in one asm block so that nothing (no call, no
 * syscall) can legitimately drop the reservation in between. */
struct res { uint64_t v, r1, r2; };

int main(void)
{
    uint32_t *w = (uint32_t *)w_mem;
    struct res q;
    w[0] = 0x80000001u;
    __asm__ volatile("lr.w %0, (%3)\n\tsc.w %1, %4, (%3)\n\tsc.w %2, %5, (%3)"
                     : "=&r"(q.v), "=&r"(q.r1), "=&r"(q.r2) : "r"(w), "r"(0x12345678), "r"(0x55555555) : "memory");
    print_hex("lr.w sign-extends 0x80000001", q.v);
    printf("sc.w right after lr.w: %s\n", q.r1 == 0 ? "success(0)" : "fail");
    printf("second sc.w without new lr: %s, mem=0x%08x\n", q.r2 != 0 ? "fail(nonzero)" : "success", w[0]);

    d_mem[0] = 0x1111111111111111ULL;
    d_mem[32] = 0x2222222222222222ULL;
    __asm__ volatile("lr.d %0, (%3)\n\tsc.d %1, %5, (%4)\n\tsc.d %2, %6, (%3)"
                     : "=&r"(q.v), "=&r"(q.r1), "=&r"(q.r2) : "r"(&d_mem[0]), "r"(&d_mem[32]),
                       "r"(0x3333333333333333ULL), "r"(0x4444444444444444ULL) : "memory");
    print_hex("lr.d", q.v);
    printf("sc.d to a different address: %s, mem1=0x%016llx\n", q.r1 != 0 ? "fail(nonzero)" : "success", (unsigned long long)d_mem[32]);
    printf("sc.d to reserved address after failed sc: %s, mem0=0x%016llx\n", q.r2 != 0 ? "fail(nonzero)" : "success", (unsigned long long)d_mem[0]);
    __asm__ volatile("lr.d %0, (%2)\n\tsc.d %1, %3, (%2)" : "=&r"(q.v), "=&r"(q.r1) : "r"(&d_mem[0]), "r"(0x5555555555555555ULL) : "memory");
    printf("sc.d after fresh lr.d: %s, mem0=0x%016llx\n", q.r1 == 0 ? "success(0)" : "fail", (unsigned long long)d_mem[0]);
    w[64] = 0;
    __asm__ volatile("lr.w %0, (%2)\n\tsc.w %1, %4, (%3)" : "=&r"(q.v), "=&r"(q.r1) : "r"(&w[0]), "r"(&w[64]), "r"(0x77) : "memory");
    printf("sc.w to a word 256 bytes away: %s, w1=0x%08x\n", q.r1 != 0 ? "fail(nonzero)" : "success", w[64]);
    /* lr.w of a positive value: no sign extension */
    w[0] = 0x7fffffffu;
    __asm__ volatile("lr.w %0, (%2)\n\tsc.w %1, %0, (%2)" : "=&r"(q.v), "=&r"(q.r1) : "r"(w) : "memory");
    print_hex("lr.w 0x7fffffff", q.v);
    /* lr.aq / sc.rl forms and a CAS loop incrementing a counter */
    uint64_t counter = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t old, fail;
        __asm__ volatile("1: lr.d.aq %0, (%2)\n\taddi %0, %0, 3\n\tsc.d.rl %1, %0, (%2)\n\tbnez %1, 1b"
                         : "=&r"(old), "=&r"(fail) : "r"(&counter) : "memory");
    }
    printf("lr/sc increment loop: %llu\n", (unsigned long long)counter);
    uint32_t c32 = 0xfffffff0u;
    for (int i = 0; i < 32; i++) {
        uint64_t old, fail;
        __asm__ volatile("1: lr.w.aqrl %0, (%2)\n\taddiw %0, %0, 1\n\tsc.w.aqrl %1, %0, (%2)\n\tbnez %1, 1b"
                         : "=&r"(old), "=&r"(fail) : "r"(&c32) : "memory");
    }
    printf("lr.w/sc.w wraparound: 0x%08x\n", c32);
    /* glibc compare-and-swap built on lr/sc */
    uint64_t x = 5;
    uint64_t expected = 5;
    int ok = __atomic_compare_exchange_n(&x, &expected, 9, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("CAS 5->9: ok=%d x=%llu\n", ok, (unsigned long long)x);
    expected = 5;
    ok = __atomic_compare_exchange_n(&x, &expected, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("CAS 5->1 on 9: ok=%d expected=%llu\n", ok, (unsigned long long)expected);
    return 0;
}
