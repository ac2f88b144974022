/* SPEC 9: sc_grant replaces the mask (it does not add to it). RW, then R: stores stop
 * (a subcontext fault, rights r--) while loads go on. Bad masks and sids are refused, for
 * sc_entry too, and so is a subcon as its own grantee. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    printf("grant RW: %s\n", err(sc_grant(d, me, SC_R | SC_W)));
    for (int i = 0; i < 1000; i++) *(volatile long *) a += 1;
    printf("stores and loads: %s\n", yn(*(volatile long *) a == 1000));
    printf("grant R: %s\n", err(sc_grant(d, me, SC_R)));
    printf("writable (system call): %s\n", CANW(a, 1));
    printf("loads: %s\n", yn(*(volatile long *) a == 1000));
    printf("mask 8: %s\n", err(sc_grant(d, me, 8)));
    printf("no such target: %s\n", err(sc_grant(1000000, me, SC_R)));
    printf("no such grantee: %s\n", err(sc_grant(d, 1000000, SC_R)));
    printf("grant to itself: %s\n", err(sc_grant(d, d, SC_R)));
    printf("entry for no such grantee: %s\n", err(sc_entry(d, 1000000, a, 1)));
    printf("entry for itself: %s\n", err(sc_entry(d, d, a, 1)));
    printf("still R after the refused calls: %s\n", yn(*(volatile long *) a == 1000 && CANW(a, 1)[0] == 'n'));
    fflush(stdout);
    *(volatile long *) a = 0;                      /* stopped */
    printf("stored\n");
    return 0;
}
