/* SPEC 3 (transitivity): root includes mid with R, mid includes data with RW; the root's
 * rights over data are the AND along the path: R. mid is attached to no context: paths
 * through it still count. The root reads data; a store is a subcontext fault (r--). */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(d, a, 64);
    long mid = sc_create("mid", 0);
    struct sc_info i;
    sc_info(mid, &i);
    printf("mid attached nowhere: %s\n", yn(i.contexts == 0));
    printf("root includes mid with R: %s\n", err(sc_grant(mid, me, SC_R)));
    printf("readable before mid includes data: %s\n", CANR(a));
    printf("mid includes data with RW: %s\n", err(sc_grant(d, mid, SC_R | SC_W)));
    long sum = 0;
    for (int k = 0; k < 1000; k++) sum += *(volatile long *) a;
    printf("root reads data: %s\n", yn(sum == 64000));
    printf("owner of data: %s\n", yn(sc_owner(a) == d));
    printf("root writable (system call): %s\n", CANW(a, 1));
    fflush(stdout);
    *(volatile long *) a = 65;                     /* R AND RW = R: stopped */
    printf("wrote data\n");
    return 0;
}
