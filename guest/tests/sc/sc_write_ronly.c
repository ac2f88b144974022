/* SPEC 4.1: stores need W in the effective permission. With an R grant the root reads a
 * data subcon but may not write it: a store is a subcontext fault (rights r--). */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(d, a, 7);
    printf("grant R: %s\n", err(sc_grant(d, me, SC_R)));
    long sum = 0;
    for (int i = 0; i < 1000; i++) sum += ((volatile long *) a)[0];
    printf("reads: %s\n", yn(sum == 7000));
    printf("writable (system call): %s\n", CANW(a, 9));
    printf("unchanged: %s\n", yn(*(volatile long *) a == 7));
    fflush(stdout);
    *(volatile long *) a = 8;                      /* R only: stopped */
    printf("wrote: %ld\n", *(volatile long *) a);
    return 0;
}
