/* rdcycle/rdtime/rdinstret are readable from user mode and never decrease. */
#include "t.h"

static uint64_t rdcycle(void) { uint64_t v; __asm__ volatile("rdcycle %0" : "=r"(v)); return v; }
static uint64_t rdtime(void) { uint64_t v; __asm__ volatile("rdtime %0" : "=r"(v)); return v; }
static uint64_t rdinstret(void) { uint64_t v; __asm__ volatile("rdinstret %0" : "=r"(v)); return v; }

int main(void)
{
    uint64_t c0 = rdcycle(), t0 = rdtime(), i0 = rdinstret();
    int okc = 1, okt = 1, oki = 1;
    uint64_t c = c0, t = t0, i = i0;
    volatile uint64_t sink = 0;
    for (int k = 0; k < 2000; k++) {
        for (int j = 0; j < 50; j++) sink += j;
        uint64_t c2 = rdcycle(), t2 = rdtime(), i2 = rdinstret();
        if (c2 < c) okc = 0;
        if (t2 < t) okt = 0;
        if (i2 < i) oki = 0;
        c = c2; t = t2; i = i2;
    }
    CHECK("rdcycle never decreases", okc);
    CHECK("rdtime never decreases", okt);
    CHECK("rdinstret never decreases", oki);
    CHECK("rdinstret advanced over 100k instructions", i > i0);
    CHECK("rdtime advanced after a 2 ms sleep", ({ uint64_t a = rdtime(); usleep(2000); rdtime() > a; }));
    uint64_t v;
    __asm__ volatile("csrr %0, cycle" : "=r"(v));
    CHECK("csrr cycle readable", v >= c);
    __asm__ volatile("csrr %0, time" : "=r"(v));
    CHECK("csrr time readable", v >= t);
    __asm__ volatile("csrr %0, instret" : "=r"(v));
    CHECK("csrr instret readable", v >= i);
    return 0;
}
