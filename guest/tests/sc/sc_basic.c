/* A trusted server and its client in one process: the client may only call the server's
 * entry point; the server reads and writes the client's memory. Last, the client reads the
 * server's memory: a subcontext fault kills it (exit 139). */
#include <stdio.h>
#include <string.h>
#include "subcons.h"

int main(int argc, char **argv) {
    char path[512];
    snprintf(path, sizeof path, "%s.server", argv[0]);
    long me = sc_self();
    long srv = sc_create("server", 0);
    struct sc_load l;
    printf("self is a subcontext: %s\n", me > 0 ? "yes" : "no");
    printf("created: %s\n", srv > 0 && srv != me ? "yes" : "no");
    printf("load: %ld\n", sc_load(srv, path, &l));
    printf("attach: %ld\n", sc_attach(srv, 0, 0));
    printf("entry: %ld\n", sc_entry(srv, me, (void *) l.entry, 1));
    printf("grant server rw over client: %ld\n", sc_grant(me, srv, SC_R | SC_W));
    sc_portal_fn call = (sc_portal_fn) l.entry;
    long x = 41;
    printf("add: %ld\n", call(1, 40, 2, 0, 0, 0, 0, 0));
    printf("server reads client: %s\n", call(2, (long) &x, 0, 0, 0, 0, 0, 0) == 41 ? "yes" : "no");
    call(3, (long) &x, 99, 0, 0, 0, 0, 0);
    printf("server wrote client: %s\n", x == 99 ? "yes" : "no");
    printf("server runs as itself: %s\n", call(6, 0, 0, 0, 0, 0, 0, 0) == srv ? "yes" : "no");
    printf("calls counted: %ld\n", call(5, 0, 0, 0, 0, 0, 0, 0));
    printf("client runs as itself again: %s\n", sc_scid() == me ? "yes" : "no");
    long *secret = (long *) call(4, 0, 0, 0, 0, 0, 0, 0);
    printf("owner of the secret: %s\n", sc_owner(secret) == -1 ? "EPERM" : "visible");
    fflush(stdout);
    long v = *secret;                              /* no rights: a subcontext fault */
    printf("read the secret: %lx\n", v);
    return 0;
}
