/* SPEC 4.3: nested calls through point entries, root -> alpha -> beta -> gamma, each
 * returning through its frame of the trusted stack; each level runs as itself. Entries are
 * not transitive: alpha, which may enter beta, calling gamma directly is a subcontext fault. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load a, b, g;
    long sa = sct_server(argv[0], "alpha", 0, &a);
    long sb = sct_server(argv[0], "beta", 0, &b);
    long sg = sct_server(argv[0], "gamma", 0, &g);
    printf("three copies of the server at different addresses: %s\n", yn(a.base != b.base && b.base != g.base && a.base != g.base));
    printf("entries root->alpha alpha->beta beta->gamma: %s %s %s\n", err(sc_entry(sa, me, (void *) a.entry, 1)),
           err(sc_entry(sb, sa, (void *) b.entry, 1)), err(sc_entry(sg, sb, (void *) g.entry, 1)));
    long ok = 1;
    for (int i = 0; i < 200; i++) ok &= CALL(a, OP_CALL, b.entry, OP_CALL, g.entry, OP_ADD, 40, i) == 40 + i;
    printf("root -> alpha -> beta -> gamma returns: %s\n", yn(ok));
    printf("gamma runs as gamma: %s\n", yn(CALL(a, OP_CALL, b.entry, OP_CALL, g.entry, OP_SCID) == sg));
    printf("beta runs as beta: %s\n", yn(CALL(a, OP_CALL, b.entry, OP_SCID) == sb));
    printf("alpha runs as alpha: %s\n", yn(CALL(a, OP_SELF) == sa));
    printf("the root runs as the root again: %s\n", yn(sc_scid() == me));
    printf("calls served by gamma: %ld\n", CALL(a, OP_CALL, b.entry, OP_CALL, g.entry, OP_COUNT));
    fflush(stdout);
    long r = CALL(a, OP_CALL, g.entry, OP_ADD, 1, 2);   /* alpha -> gamma: stopped */
    printf("alpha called gamma: %ld\n", r);
    return 0;
}
