/* SPEC 3 and 4.2: a point entry allows a transfer into T at exactly its address. The root
 * calls the server's entry point many times; a call to the next instruction (entry + 4,
 * in the middle of the entry stub) is a subcontext fault. */
#include "sct.h"

int main(int argc, char **argv) {
    struct sc_load l;
    sct_server_entry(argv[0], "server", 0, &l);
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= CALL(l, OP_ADD, i, 1) == i + 1;
    printf("calls through the entry point: %s\n", yn(ok));
    printf("owner of the entry: %s\n", err(sc_owner((void *) l.entry)));
    fflush(stdout);
    long r = CALLAT(l.entry + 4, OP_ADD, 1, 2);     /* stopped */
    printf("entered at entry+4: %ld\n", r);
    return 0;
}
