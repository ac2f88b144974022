/* The scrt entry stub gives each nested entry into a server its own 32 KiB window of the
 * thread's 256 KiB stack there, so eight nested entries fit. A ninth must not reach below
 * the stack: scrt keeps one window of guard under it, and the entry faults there (an
 * ordinary SIGSEGV: the page is the server's own, mapped PROT_NONE). Without the guard the
 * ninth entry would run on a buffer the server mapped just after its stack, and go on. */
#include "sct.h"

#define OP_BUFFER 1
#define OP_NEST   2
#define OP_CHECK  3

static long load(const char *argv0, const char *name, struct sc_load *l) {
    char path[4096];
    snprintf(path, sizeof path, "%s.server", argv0);
    long sid = sc_create(name, 0);
    if (sid < 0 || sc_attach(sid, 0, 0) < 0 || sc_load(sid, path, l) < 0) {
        printf("cannot load %s\n", name);
        exit(1);
    }
    return sid;
}

int main(int argc, char **argv) {
    (void) argc;
    long me = sc_self();
    struct sc_load lp, lq;
    long p = load(argv[0], "P", &lp), q = load(argv[0], "Q", &lq);
    printf("entries: %s %s %s\n", err(sc_entry(p, me, (void *) lp.entry, 1)),
           err(sc_entry(q, p, (void *) lq.entry, 1)), err(sc_entry(p, q, (void *) lp.entry, 1)));
    sc_portal_fn P = (sc_portal_fn) lp.entry;
    long buf = P(OP_BUFFER, 0, 0, 0, 0, 0, 0, 0);
    printf("P mapped a buffer: %s\n", yn(buf > 0));
    /* root -> P -> Q -> P ...: n calls are (n + 1) / 2 nested entries into P */
    printf("16 calls deep (8 entries into P): %ld\n", P(OP_NEST, 16, lq.entry, lp.entry, 0, 0, 0, 0));
    printf("P's buffer untouched: %s\n", yn(P(OP_CHECK, buf, 0, 0, 0, 0, 0, 0) == 1));
    fflush(stdout);
    long r = P(OP_NEST, 17, lq.entry, lp.entry, 0, 0, 0, 0);    /* 9 entries into P: stopped */
    printf("17 calls deep (9 entries into P): %ld\n", r);
    printf("P's buffer untouched: %s\n", yn(P(OP_CHECK, buf, 0, 0, 0, 0, 0, 0) == 1));
    return 0;
}
