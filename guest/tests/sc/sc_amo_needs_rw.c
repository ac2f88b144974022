/* SPEC 4.1: AMOs need R and W. With RW over a data subcon, amoadd.d and lr.d/sc.d work;
 * with R only, amoadd.d is a subcontext fault (the write half, rights r--). */
#include "sct.h"

static long amoadd(volatile long *p, long v) {
    long old;
    __asm__ volatile("amoadd.d %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory");
    return old;
}

static long lrsc(volatile long *p, long v) {
    long old, fail;
    __asm__ volatile("1: lr.d %0, (%2)\n sc.d %1, %3, (%2)\n bnez %1, 1b" : "=&r"(old), "=&r"(fail) : "r"(p), "r"(v) : "memory");
    return old;
}

int main(void) {
    long me = sc_self();
    void *a, *b;
    long da = sct_data("rw", 1, PROT_READ | PROT_WRITE, &a);
    long db = sct_data("ronly", 1, PROT_READ | PROT_WRITE, &b);
    sct_poke(da, a, 10);
    sct_poke(db, b, 20);
    printf("grant RW: %s\n", err(sc_grant(da, me, SC_R | SC_W)));
    printf("grant R: %s\n", err(sc_grant(db, me, SC_R)));
    printf("amoadd with RW: %s\n", yn(amoadd(a, 5) == 10 && *(volatile long *) a == 15));
    printf("lr/sc with RW: %s\n", yn(lrsc(a, 99) == 15 && *(volatile long *) a == 99));
    printf("plain read with R: %s\n", yn(*(volatile long *) b == 20));
    fflush(stdout);
    long v = amoadd(b, 1);                         /* R only: stopped */
    printf("amoadd with R: %ld\n", v);
    return 0;
}
