/* SPEC 2 and 9: the subcons of a context must not overlap: sc_attach fails with EEXIST if
 * any mapping of the subcon overlaps one in the context (another subcon's or the root's,
 * or its own when it is attached already). An unattached subcon may hold mappings anywhere;
 * once the overlap is gone it attaches. Unknown sids and pids give ESRCH, bad flags EINVAL. */
#include "sct.h"

static unsigned long contexts(long sid) {
    struct sc_info i;
    return sc_info(sid, &i) < 0 ? 99 : i.contexts;
}

int main(void) {
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    void *p;
    long x = sct_data("x", 1, PROT_READ | PROT_WRITE, &p);
    long y = sc_create("y", 0);
    printf("y maps where x is (y unattached): %s\n", yn(sc_mmap(y, p, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0) == (long) p));
    printf("attach y: %s\n", err(sc_attach(y, 0, 0)));
    printf("y's contexts: %lu\n", contexts(y));
    printf("attach x again: %s\n", err(sc_attach(x, 0, 0)));
    printf("x's contexts: %lu\n", contexts(x));
    printf("y unmaps it: %s\n", err(sc_munmap(y, p, PAGE)));
    char *q = mmap(0, 2 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    printf("y maps over a root page (y unattached): %s\n", yn(sc_mmap(y, q + PAGE, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0) == (long) (q + PAGE)));
    printf("attach y: %s\n", err(sc_attach(y, 0, 0)));
    printf("the root's page intact: %s\n", yn(sc_owner(q + PAGE) == me));
    printf("root unmaps its page: %s\n", err(munmap(q + PAGE, PAGE) ? -errno : 0));
    printf("attach y: %s\n", err(sc_attach(y, 0, 0)));
    printf("y's contexts: %lu\n", contexts(y));
    printf("y's page is y's: %s\n", err(sc_owner(q + PAGE)));
    printf("y's page is in the context's map: %s\n", mmap(q + PAGE, PAGE, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED ? err(-errno) : "free");
    printf("attach to no such pid: %s\n", err(sc_attach(sc_create("z", 0), 999999, 0)));
    printf("attach no such sid: %s\n", err(sc_attach(1000000, 0, 0)));
    printf("attach with flags: %s\n", err(sc_attach(sc_create("w", 0), 0, 1)));
    return 0;
}
