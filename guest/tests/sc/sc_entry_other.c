/* SPEC 3: a point entry is granted to one grantee. relay holds an entry into target and
 * uses it; the root, which holds an entry into relay only, calling target's entry point
 * itself is a subcontext fault. */
#include "sct.h"

int main(int argc, char **argv) {
    (void) sc_self();
    struct sc_load r, t;
    long sr = sct_server_entry(argv[0], "relay", 0, &r);
    long st = sct_server(argv[0], "target", 0, &t);
    printf("entry relay -> target: %s\n", err(sc_entry(st, sr, (void *) t.entry, 1)));
    long ok = 1;
    for (int i = 0; i < 100; i++) ok &= CALL(r, OP_CALL, t.entry, OP_ADD, i, 2) == i + 2;
    printf("relay calls target: %s\n", yn(ok));
    printf("target runs as target: %s\n", yn(CALL(r, OP_CALL, t.entry, OP_SCID) == st));
    fflush(stdout);
    long v = CALL(t, OP_ADD, 1, 2);                /* the root holds no entry into target: stopped */
    printf("root called target: %ld\n", v);
    return 0;
}
