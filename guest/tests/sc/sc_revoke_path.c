/* SPEC 3 and 9: revoking an edge in the middle of a path removes the rights it carried.
 * root includes mid (R), mid includes data (R); the root reads data until the controller
 * revokes mid -> data; the root's next read is a subcontext fault. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(d, a, 2);
    long mid = sc_create("mid", 0);
    printf("grants: %s %s\n", err(sc_grant(mid, me, SC_R)), err(sc_grant(d, mid, SC_R)));
    long sum = 0;
    for (int i = 0; i < 100000; i++) sum += *(volatile long *) a;
    printf("reads through mid: %s\n", yn(sum == 200000));
    printf("revoke mid -> data: %s\n", err(sc_grant(d, mid, 0)));
    printf("root -> mid still there: %s\n", yn(sc_grant(mid, me, SC_R) == 0));
    fflush(stdout);
    for (int i = 0; i < 100000; i++) sum += *(volatile long *) a;     /* stopped */
    printf("read after revoking: %ld\n", sum);
    return 0;
}
