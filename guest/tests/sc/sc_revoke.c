/* SPEC 9: sc_grant(target, grantee, 0) revokes. The root reads a data subcon many times
 * (its translations cached and its loop compiled), then revokes its own R: the next read is
 * a subcontext fault. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(d, a, 3);
    printf("grant R: %s\n", err(sc_grant(d, me, SC_R)));
    long sum = 0;
    for (int i = 0; i < 100000; i++) sum += *(volatile long *) a;
    printf("reads: %s\n", yn(sum == 300000));
    printf("revoke: %s\n", err(sc_grant(d, me, 0)));
    printf("readable (system call): %s\n", CANR(a));
    printf("owner: %s\n", err(sc_owner(a)));
    fflush(stdout);
    for (int i = 0; i < 100000; i++) sum += *(volatile long *) a;     /* stopped at once */
    printf("read after revoking: %ld\n", sum);
    return 0;
}
