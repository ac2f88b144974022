/* SPEC 4.3: a server calls back into its client through a point entry the client granted
 * (root -> server -> root callback -> server -> root), neither holding rights over the
 * other. The callbacks are leaf functions that touch no stack (sp is the server's). A jump
 * by the server to a root function that is not an entry is a subcontext fault. */
#include "sct.h"

__asm__(".text\n"
        ".globl cb_add\n cb_add: addi a0, a0, 100\n ret\n"
        ".globl cb_scid\n cb_scid: csrr a0, 0xcc0\n ret\n"
        ".globl cb_other\n cb_other: li a0, -1\n ret\n");
extern char cb_add[], cb_scid[], cb_other[];

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("entries server -> root: %s %s\n", err(sc_entry(me, s, cb_add, 1)), err(sc_entry(me, s, cb_scid, 1)));
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= CALL(l, OP_CALL, (long) cb_add, i) == i + 100;
    printf("callbacks return: %s\n", yn(ok));
    printf("the callback runs as the root: %s\n", yn(CALL(l, OP_CALL, (long) cb_scid) == me));
    printf("the server runs as the server: %s\n", yn(CALL(l, OP_SCID) == s));
    printf("server may read the root: %s\n", err(CALL(l, OP_OWNER, (long) &ok)));
    fflush(stdout);
    long r = CALL(l, OP_CALL, (long) cb_other);    /* not an entry: stopped */
    printf("called a non-entry: %ld\n", r);
    return 0;
}
