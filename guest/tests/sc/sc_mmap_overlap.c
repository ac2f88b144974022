/* SPEC 2 and 5: the mappings of a context never overlap. Plain mmap acts on the current
 * subcon only and never replaces another subcon's mapping: MAP_FIXED and
 * MAP_FIXED_NOREPLACE over it fail with EEXIST and a hint there is placed elsewhere;
 * sc_mmap(own sid, MAP_FIXED) over it and sc_mmap(other, MAP_FIXED) over the root's own
 * pages fail the same way; mremap cannot grow or move onto it. The other subcon's page is
 * unchanged throughout. */
#include "sct.h"

static int overlaps(void *a, unsigned long n, void *b, unsigned long m) {
    return (char *) a < (char *) b + m && (char *) b < (char *) a + n;
}

static const char *mm(void *r) {
    return r == MAP_FAILED ? err(-errno) : "mapped";
}

int main(void) {
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    /* a root page q, and right above it the other subcon's page p */
    char *q = mmap(0, 2 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    char *p = q + PAGE;
    munmap(p, PAGE);
    long s = sct_check("sc_create", sc_create("other", 0));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    if (sc_mmap(s, p, PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1, 0) != (long) p) sct_die("sc_mmap", -1);
    sct_poke(s, p, 4321);
    printf("root page right below it: %s\n", yn(sc_owner(q) == me));
    printf("mmap MAP_FIXED over it: %s\n", mm(mmap(p, PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1, 0)));
    printf("mmap MAP_FIXED over it and the root's page below: %s\n",
           mm(mmap((char *) p - PAGE, 3 * PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1, 0)));
    printf("mmap MAP_FIXED_NOREPLACE over it: %s\n", mm(mmap(p, PAGE, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0)));
    void *h = mmap(p, PAGE, PROT_READ, anon, -1, 0);
    printf("mmap with it as a hint lands elsewhere: %s\n", yn(h != MAP_FAILED && !overlaps(h, PAGE, p, PAGE)));
    void *h3 = mmap((char *) p - PAGE, 3 * PAGE, PROT_READ, anon, -1, 0);
    printf("3 pages hinted around it land elsewhere: %s\n", yn(h3 != MAP_FAILED && !overlaps(h3, 3 * PAGE, p, PAGE)));
    printf("sc_mmap(root, MAP_FIXED) over it: %s\n", err(sc_mmap(me, p, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0)));
    printf("sc_mmap(root, MAP_FIXED_NOREPLACE) over it: %s\n", err(sc_mmap(me, p, PAGE, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0)));
    long local = 0;
    void *stackpage = (void *) ((unsigned long) &local & ~(PAGE - 1));
    printf("sc_mmap(other, MAP_FIXED) over the root's stack: %s\n", err(sc_mmap(s, stackpage, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0)));
    printf("the root's stack intact: %s\n", yn(sc_owner(&local) == me));
    *(volatile long *) q = 12;
    void *g = mremap(q, PAGE, 2 * PAGE, 0);
    printf("mremap growing into it in place: %s\n", g == MAP_FAILED ? err(-errno) : "grown");
    g = mremap(q, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
    printf("mremap growing, may move: %s\n", yn(g != MAP_FAILED && g != q && !overlaps(g, 2 * PAGE, p, PAGE) && *(volatile long *) g == 12));
    void *f = mremap(g, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p);
    printf("mremap moved onto it: %s\n", f == MAP_FAILED ? "refused" : "moved");
    printf("the root's page still there: %s\n", yn(*(volatile long *) g == 12));
    printf("its page intact: %s\n", yn(sct_peek(s, p) == 4321));
    printf("its owner: %s\n", err(sc_owner(p)));
    return 0;
}
