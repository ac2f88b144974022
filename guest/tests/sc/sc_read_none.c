/* SPEC 3 (default deny) and 4.1 (loads need R): a subcon has no access at all to another
 * subcon's pages until granted. An R grant over one data subcon lets the root read it;
 * reading a second data subcon, never granted, is a subcontext fault. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a, *b;
    long da = sct_data("granted", 1, PROT_READ | PROT_WRITE, &a);
    long db = sct_data("hidden", 1, PROT_READ | PROT_WRITE, &b);
    sct_poke(da, a, 111);
    sct_poke(db, b, 222);
    printf("readable before any grant: %s\n", CANR(a));
    printf("owner before any grant: %s\n", err(sc_owner(a)));
    printf("grant R: %s\n", err(sc_grant(da, me, SC_R)));
    printf("read the granted subcon: %s\n", yn(*(volatile long *) a == 111));
    printf("owner after the grant: %s\n", yn(sc_owner(a) == da));
    printf("the other subcon readable: %s\n", CANR(b));
    printf("owner of the other: %s\n", err(sc_owner(b)));
    fflush(stdout);
    long v = *(volatile long *) b;                 /* no rights: stopped */
    printf("read the hidden subcon: %ld\n", v);
    return 0;
}
