/* SPEC 4.2-4.3: a transfer to an address that is a point entry granted to the caller is a
 * transfer through that point entry, and pushes a return frame, whatever other rights the
 * caller holds. A server that holds call-anywhere (X) over its client, as a serving layer
 * does, and also a point entry at the client's callback, calls the callback; the client
 * (no rights over the server) returns through the frame. Calling the callback at the entry
 * must not behave worse than without the X grant. */
#include "sct.h"

__asm__(".text\n.globl cb_add\n cb_add: addi a0, a0, 100\n ret\n");
extern char cb_add[];

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("entry server -> root at the callback: %s\n", err(sc_entry(me, s, cb_add, 1)));
    printf("callback through the entry: %s\n", yn(CALL(l, OP_CALL, (long) cb_add, 1) == 101));
    printf("server gets X over the root too: %s\n", err(sc_grant(me, s, SC_X)));
    fflush(stdout);
    printf("callback with X and the entry: %s\n", yn(CALL(l, OP_CALL, (long) cb_add, 2) == 102));
    return 0;
}
