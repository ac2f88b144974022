/* SPEC 4.1: LR needs R. With W only over a data subcon, sc.d cannot even start: lr.d is a
 * subcontext fault (read, rights -w-). With R, lr.d works. */
#include "sct.h"

static long lr(volatile long *p) {
    long v;
    __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"(p) : "memory");
    return v;
}

int main(void) {
    long me = sc_self();
    void *a, *b;
    long da = sct_data("readable", 1, PROT_READ | PROT_WRITE, &a);
    long db = sct_data("writeonly", 1, PROT_READ | PROT_WRITE, &b);
    sct_poke(da, a, 31);
    sct_poke(db, b, 32);
    printf("grant R over one: %s\n", err(sc_grant(da, me, SC_R)));
    printf("grant W over the other: %s\n", err(sc_grant(db, me, SC_W)));
    printf("lr.d with R: %s\n", yn(lr(a) == 31));
    fflush(stdout);
    long v = lr(b);                                /* W only: stopped */
    printf("lr.d with W only: %ld\n", v);
    return 0;
}
