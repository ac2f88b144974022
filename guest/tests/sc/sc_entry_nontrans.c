/* SPEC 3: entry points are not transitive, not even along inclusion. The root includes
 * middle with RWX (and middle holds X over the root, so calls between them go either way
 * as call-anywhere); middle holds a point entry into target and uses it. The root calling
 * target's entry point is a subcontext fault: middle's entry is not the root's. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load m, t;
    long sm = sct_server(argv[0], "middle", 0, &m);
    long st = sct_server(argv[0], "target", 0, &t);
    printf("root includes middle with RWX: %s\n", err(sc_grant(sm, me, SC_RWX)));
    printf("middle includes the root with X: %s\n", err(sc_grant(me, sm, SC_X)));
    printf("entry middle -> target: %s\n", err(sc_entry(st, sm, (void *) t.entry, 1)));
    printf("root reads middle: %s\n", yn(*(volatile long *) CALL(m, OP_SECRET_ADDR) == 0x5ec7e7));
    long ok = 1;
    for (int i = 0; i < 100; i++) ok &= CALL(m, OP_CALL, t.entry, OP_ADD, i, 3) == i + 3;
    printf("root -> middle -> target: %s\n", yn(ok));
    printf("root may read target: %s\n", err(sc_owner((void *) t.entry)));
    fflush(stdout);
    long v = CALL(t, OP_ADD, 1, 2);                /* stopped */
    printf("root called target: %ld\n", v);
    return 0;
}
