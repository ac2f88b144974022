/* Every AMO (.w and .d, with aq/rl variants), old-value sign extension of
 * .w forms, and the fence family. */
#include "t.h"

#define AMO(name, insn) \
    static uint64_t name(void *p, uint64_t v) { uint64_t r; __asm__ volatile(#insn " %0, %2, (%1)" : "=&r"(r) : "r"(p), "r"(v) : "memory"); return r; }
AMO(swap_w, amoswap.w) AMO(add_w, amoadd.w) AMO(xor_w, amoxor.w) AMO(and_w, amoand.w) AMO(or_w, amoor.w)
AMO(min_w, amomin.w) AMO(max_w, amomax.w) AMO(minu_w, amominu.w) AMO(maxu_w, amomaxu.w)
AMO(swap_d, amoswap.d) AMO(add_d, amoadd.d) AMO(xor_d, amoxor.d) AMO(and_d, amoand.d) AMO(or_d, amoor.d)
AMO(min_d, amomin.d) AMO(max_d, amomax.d) AMO(minu_d, amominu.d) AMO(maxu_d, amomaxu.d)
AMO(add_w_aq, amoadd.w.aq) AMO(add_d_rl, amoadd.d.rl) AMO(swap_d_aqrl, amoswap.d.aqrl) AMO(or_w_aqrl, amoor.w.aqrl)

typedef uint64_t (*amo_fn)(void *, uint64_t);

int main(void)
{
    struct { const char *n; amo_fn f; } w[] = { { "amoswap.w", swap_w }, { "amoadd.w", add_w }, { "amoxor.w", xor_w },
        { "amoand.w", and_w }, { "amoor.w", or_w }, { "amomin.w", min_w }, { "amomax.w", max_w },
        { "amominu.w", minu_w }, { "amomaxu.w", maxu_w }, { "amoadd.w.aq", add_w_aq }, { "amoor.w.aqrl", or_w_aqrl } };
    struct { const char *n; amo_fn f; } d[] = { { "amoswap.d", swap_d }, { "amoadd.d", add_d }, { "amoxor.d", xor_d },
        { "amoand.d", and_d }, { "amoor.d", or_d }, { "amomin.d", min_d }, { "amomax.d", max_d },
        { "amominu.d", minu_d }, { "amomaxu.d", maxu_d }, { "amoadd.d.rl", add_d_rl }, { "amoswap.d.aqrl", swap_d_aqrl } };
    uint32_t wm[] = { 0x80000005u, 0x7ffffff0u, 0x00000001u };
    uint64_t wv[] = { 0x0000000000000003ULL, 0xffffffff90000000ULL, 0x12345678fffffffeULL };
    for (unsigned i = 0; i < sizeof w / sizeof w[0]; i++)
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
            static uint32_t cell[4] __attribute__((aligned(8)));
            cell[0] = wm[a];
            cell[1] = 0xcafebabe;
            uint64_t old = w[i].f(&cell[0], wv[b]);
            printf("%-13s mem=%08x v=%016llx old=%016llx new=%08x neighbour=%08x\n", w[i].n, wm[a],
                   (unsigned long long)wv[b], (unsigned long long)old, cell[0], cell[1]);
        }
    uint64_t dm[] = { 0x8000000000000005ULL, 0x7ffffffffffffff0ULL, 1 };
    uint64_t dv[] = { 3, 0xfffffffffffffffeULL, 0x8000000000000000ULL };
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++)
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
            static uint64_t cell;
            cell = dm[a];
            uint64_t old = d[i].f(&cell, dv[b]);
            printf("%-14s mem=%016llx v=%016llx old=%016llx new=%016llx\n", d[i].n, (unsigned long long)dm[a],
                   (unsigned long long)dv[b], (unsigned long long)old, (unsigned long long)cell);
        }
    /* amo with rd = x0 (no old value written) */
    static uint64_t c = 10;
    __asm__ volatile("amoadd.d zero, %1, (%0)" :: "r"(&c), "r"(5ULL) : "memory");
    printf("amoadd.d rd=x0: %llu\n", (unsigned long long)c);
    /* fences: just must execute */
    __asm__ volatile("fence" ::: "memory");
    __asm__ volatile("fence rw, rw" ::: "memory");
    __asm__ volatile("fence r, r" ::: "memory");
    __asm__ volatile("fence w, w" ::: "memory");
    __asm__ volatile("fence iorw, iorw" ::: "memory");
    __asm__ volatile("fence.tso" ::: "memory");
    __asm__ volatile("fence.i" ::: "memory");
    __asm__ volatile(".insn i 0x0f, 0, x0, x0, 0x0ff" ::: "memory"); /* fence with fm=0 pred/succ=iorw encoded manually */
    printf("fences executed\n");
    /* C11 atomics compile to AMOs */
    static int ai = 0;
    for (int i = 0; i < 100; i++) __atomic_fetch_add(&ai, 2, __ATOMIC_SEQ_CST);
    static long al = 0;
    __atomic_fetch_or(&al, 0x100, __ATOMIC_RELAXED);
    __atomic_fetch_xor(&al, 0x101, __ATOMIC_ACQUIRE);
    printf("atomics: %d %ld exchange-old=%ld\n", ai, al, __atomic_exchange_n(&al, 7, __ATOMIC_RELEASE));
    return 0;
}
