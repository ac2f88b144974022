/* SPEC 9: sc_entry(target, grantee, addr, 0) removes a point entry. Calls through it work,
 * stop working once it is removed (a subcontext fault), and work again when re-added; the
 * removal takes effect although the entry was used (and cached) a moment before. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= CALL(l, OP_ADD, i, 1) == i + 1;
    printf("calls: %s\n", yn(ok));
    printf("remove: %s\n", err(sc_entry(s, me, (void *) l.entry, 0)));
    printf("add again: %s\n", err(sc_entry(s, me, (void *) l.entry, 1)));
    for (int i = 0; i < 300; i++) ok &= CALL(l, OP_ADD, i, 2) == i + 2;
    printf("calls: %s\n", yn(ok));
    printf("remove: %s\n", err(sc_entry(s, me, (void *) l.entry, 0)));
    fflush(stdout);
    long v = CALL(l, OP_ADD, 1, 2);                /* stopped */
    printf("called a removed entry: %ld\n", v);
    return 0;
}
