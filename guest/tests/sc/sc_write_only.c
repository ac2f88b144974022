/* SPEC 4.1: a W-only grant (rights -w-) over a read-write page lets the root store but not
 * load: effective permission = page prot AND rights = W. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    printf("grant W: %s\n", err(sc_grant(d, me, SC_W)));
    *(volatile long *) a = 5;
    printf("stored: yes\n");
    printf("readable (system call): %s\n", CANR(a));
    printf("writable (system call): %s\n", CANW((long *) a + 1, 6));
    printf("grant RW: %s\n", err(sc_grant(d, me, SC_R | SC_W)));
    printf("the stores landed: %s\n", yn(((volatile long *) a)[0] == 5 && ((volatile long *) a)[1] == 6));
    printf("grant W again: %s\n", err(sc_grant(d, me, SC_W)));
    ((volatile long *) a)[2] = 7;
    fflush(stdout);
    long v = *(volatile long *) a;                 /* W only: a load is stopped */
    printf("loaded: %ld\n", v);
    return 0;
}
