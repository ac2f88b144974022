/* SPEC 4.3: mutually untrusting subcons calling each other. ping and pong hold no rights
 * over each other, only point entries both ways; the root may enter ping. Calls nest
 * root -> ping -> pong -> ping -> pong (a callback into ping while ping's call to pong is
 * still open) and every level returns through its frame. ping reading pong's data is still
 * a subcontext fault. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load a, b;
    long sa = sct_server(argv[0], "ping", 0, &a);
    long sb = sct_server(argv[0], "pong", 0, &b);
    printf("entries root->ping ping->pong pong->ping: %s %s %s\n", err(sc_entry(sa, me, (void *) a.entry, 1)),
           err(sc_entry(sb, sa, (void *) b.entry, 1)), err(sc_entry(sa, sb, (void *) a.entry, 1)));
    long ok = 1;
    for (int i = 0; i < 100; i++) ok &= CALL(a, OP_CALL, b.entry, OP_CALL, a.entry, OP_CALL, b.entry, OP_ADD, i) == i;
    printf("root -> ping -> pong -> ping -> pong and back: %s\n", yn(ok));
    printf("the callback runs as ping: %s\n", yn(CALL(a, OP_CALL, b.entry, OP_CALL, a.entry, OP_SCID) == sa));
    printf("pong sets ping's secret through ping's entry: %s\n", err(CALL(a, OP_CALL, b.entry, OP_CALL, a.entry, OP_SECRET_SET, 99)));
    printf("ping's secret: %ld\n", CALL(a, OP_SECRET_GET));
    printf("pong's secret: %s\n", yn(CALL(a, OP_CALL, b.entry, OP_SECRET_GET) == 0x5ec7e7));
    long pong_secret = CALL(a, OP_CALL, b.entry, OP_SECRET_ADDR);
    printf("ping may read pong: %s\n", err(CALL(a, OP_OWNER, pong_secret)));
    printf("pong may read ping: %s\n", err(CALL(a, OP_CALL, b.entry, OP_OWNER, CALL(a, OP_SECRET_ADDR))));
    printf("the root runs as the root: %s\n", yn(sc_scid() == me));
    fflush(stdout);
    long r = CALL(a, OP_READ, pong_secret);        /* ping reads pong: stopped */
    printf("ping read pong's secret: %ld\n", r);
    return 0;
}
