/* SPEC 3 (transitivity): the rights of S over T are the OR over every path of the AND of
 * the masks along it. Graphs of 3 to 5 subcons, the intermediate ones attached nowhere;
 * the root's rights over each attached data subcon are probed with system calls (SPEC 4.5:
 * a buffer the current subcon may not read or write gives EFAULT), and read directly where
 * allowed. Call-anywhere is transitive too. */
#include "sct.h"

static long me;

static void *data(const char *name, long *sid) {
    void *a;
    *sid = sct_data(name, 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(*sid, a, 1000 + *name);
    return a;
}

static void show(const char *what, void *a) {
    printf("%s: read %s, write %s\n", what, CANR(a), CANW((long *) a + 1, 5));
}

#define G(t, g, m) sct_check("grant", sc_grant(t, g, m))

SCT_BLOB(code, "li a0, 5\n ret\n");

int main(void) {
    me = sc_self();
    long b = sc_create("b", 0), c = sc_create("c", 0), e = sc_create("e", 0), f = sc_create("f", 0);
    long h = sc_create("h", 0), j = sc_create("j", 0), k = sc_create("k", 0), l = sc_create("l", 0);
    long q = sc_create("q", 0), s = sc_create("s", 0), m = sc_create("m", 0);
    long d, g, i, p, t;
    void *da = data("d", &d), *ga = data("g", &g), *ia = data("i", &i), *pa = data("p", &p), *ta = data("t", &t);

    G(b, me, SC_R); G(d, b, SC_R | SC_W);                /* root -R-> b -RW-> d */
    G(c, me, SC_W); G(d, c, SC_R | SC_W);                /* root -W-> c -RW-> d */
    show("d by two paths, R and W", da);
    printf("read d directly: %s\n", yn(*(volatile long *) da == 1000 + 'd'));
    G(e, me, SC_R | SC_W); G(f, e, SC_R); G(g, f, SC_R | SC_W);   /* root -RW-> e -R-> f -RW-> g */
    show("g through RW, R, RW", ga);
    printf("owner of g: %s\n", yn(sc_owner(ga) == g));
    G(h, me, SC_RWX);                                    /* root -RWX-> h, nothing from h to i */
    show("i (h includes nothing)", ia);
    G(j, me, SC_R | SC_W); G(k, j, SC_R | SC_W); G(l, k, SC_R | SC_W); G(p, l, SC_W);
    show("p through RW, RW, RW, W", pa);
    printf("owner of p: %s\n", err(sc_owner(pa)));
    G(q, me, SC_R); G(s, q, SC_R | SC_W); G(q, s, SC_R | SC_W); G(t, s, SC_W);   /* a cycle q <-> s */
    show("t through R, a cycle, W", ta);
    G(d, b, 0);                                          /* revoke b -> d */
    show("d after b -> d is revoked", da);
    G(d, c, 0);
    show("d after c -> d is revoked", da);
    G(i, h, SC_R);
    show("i after h includes it with R", ia);
    printf("read i directly: %s\n", yn(*(volatile long *) ia == 1000 + 'i'));
    struct sc_info in;
    sc_info(b, &in);
    printf("b attached nowhere: %s\n", yn(in.contexts == 0));

    void *na;
    long n = sct_code("n", code, code_end, &na);
    G(m, me, SC_X); G(n, m, SC_X); G(me, n, SC_X);       /* root -X-> m -X-> n, n -X-> root */
    printf("call-anywhere through m: %s\n", yn(((long (*)(void)) na)() == 5));
    printf("code of n readable: %s\n", CANR(na));
    return 0;
}
