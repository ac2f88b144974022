/* SPEC 2 and 9: sc_detach removes a subcon from the context: its pages are gone from the
 * map (sc_owner EFAULT, an access is an ordinary SIGSEGV with SEGV_MAPERR, and the range is
 * free for the root's own mappings), but the subcon lives on while a grant refers to it and
 * keeps its contents; re-attached, it is back. */
#include "sct.h"

static unsigned long contexts(long sid) {
    struct sc_info i;
    return sc_info(sid, &i) < 0 ? 99 : i.contexts;
}

int main(void) {
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    void *p;
    long x = sct_data("x", 2, PROT_READ | PROT_WRITE, &p);
    sct_poke(x, p, 555);
    printf("grant R: %s\n", err(sc_grant(x, me, SC_R)));
    long sum = 0;
    for (int i = 0; i < 1000; i++) sum += *(volatile long *) p;
    printf("read: %s\n", yn(sum == 555000));
    printf("detach: %s\n", err(sc_detach(x, 0)));
    printf("contexts: %lu\n", contexts(x));
    printf("owner: %s\n", err(sc_owner(p)));
    volatile long v = 0;
    (void) v;
    int sig = SCT_CATCH(SIGSEGV, v = *(volatile long *) p);
    printf("read: %s %s\n", sig == SIGSEGV ? "SIGSEGV" : sig ? "other" : "completed", sig ? sct_segv_code() : "");
    printf("detach again: %s\n", sc_detach(x, 0) < 0 ? "refused" : "0");
    void *m = mmap(p, PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED_NOREPLACE, -1, 0);
    printf("the root maps in the freed range: %s\n", yn(m == p));
    printf("attach while the root is there: %s\n", err(sc_attach(x, 0, 0)));
    munmap(m, PAGE);
    printf("attach: %s\n", err(sc_attach(x, 0, 0)));
    printf("contexts: %lu\n", contexts(x));
    printf("contents kept: %s\n", yn(*(volatile long *) p == 555));
    printf("detach from no such pid: %s\n", err(sc_detach(x, 999999)));
    return 0;
}
