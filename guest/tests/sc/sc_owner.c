/* SPEC 9: sc_owner(addr) is the sid owning the page at addr if the caller may read it:
 * its own pages (code, data, heap, stack, mappings), pages it holds R over, directly or
 * transitively; EPERM for pages it may not read (no rights, W only, X only); EFAULT where
 * nothing is mapped; EACCES for a page of its own whose protection forbids reading (PROT_NONE),
 * so a server that checks a pointer with sc_owner never faults reading it. The server, asking for itself, gets the same answers from its side. */
#include "sct.h"

static long me;

static const char *who(void *a) {
    long r = sc_owner(a);
    return r == me ? "root" : err(r);
}

int main(int argc, char **argv) {
    me = sc_self();
    static long global = 1;
    long local = 2;
    long *heap = malloc(64);
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("code: %s, data: %s, stack: %s, heap: %s\n", who((void *) main), who(&global), who(&local), who(heap));
    long *m = mmap(0, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("own PROT_NONE mapping: %s\n", who(m));
    printf("server code: %s\n", who((void *) l.entry));
    void *r, *w, *x, *t;
    long dr = sct_data("r", 1, PROT_READ | PROT_WRITE, &r);
    long dw = sct_data("w", 1, PROT_READ | PROT_WRITE, &w);
    long dx = sct_data("x", 1, PROT_READ | PROT_WRITE, &x);
    long dt = sct_data("t", 1, PROT_READ | PROT_WRITE, &t);
    long mid = sc_create("mid", 0);
    sc_grant(dr, me, SC_R);
    sc_grant(dw, me, SC_W);
    sc_grant(dx, me, SC_X);
    sc_grant(mid, me, SC_R | SC_W);
    sc_grant(dt, mid, SC_R);
    printf("R granted: %s\n", yn(sc_owner(r) == dr));
    printf("W only: %s\n", who(w));
    printf("X only: %s\n", who(x));
    printf("R through mid: %s\n", yn(sc_owner(t) == dt));
    printf("inside a page, not at its start: %s\n", yn(sc_owner((char *) r + 1234) == dr));
    munmap(m, PAGE);
    printf("unmapped page: %s\n", who(m));
    printf("NULL: %s, 0x1000: %s, 1<<50: %s, -4096: %s\n", who(0), who((void *) 0x1000), who((void *) (1L << 50)), who((void *) -4096L));
    printf("server asks for its code: %s\n", yn(CALL(l, OP_OWNER, l.entry) == s));
    printf("server asks for its mapping: %s\n", yn(CALL(l, OP_OWNER, CALL(l, OP_MMAP, PAGE)) == s));
    printf("server asks for the root's stack: %s\n", err(CALL(l, OP_OWNER, (long) &local)));
    sc_grant(me, s, SC_R);
    printf("after granting it R over the root: %s\n", yn(CALL(l, OP_OWNER, (long) &local) == me));
    printf("server asks for r (R through the root): %s\n", yn(CALL(l, OP_OWNER, (long) r) == dr));
    printf("server asks for w (W only through the root): %s\n", err(CALL(l, OP_OWNER, (long) w)));
    return 0;
}
