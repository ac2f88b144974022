/* SPEC 5: plain munmap, mprotect, madvise, mremap and mmap act on the caller's current
 * subcon only, with no control check and no effect on other subcons. The root's munmap
 * over a server page does nothing to it (0, as for an unmapped range), mprotect and
 * madvise(DONTNEED) find nothing of the root's there (ENOMEM), mremap finds no mapping
 * (EFAULT); the server's calls on the root's pages are just as harmless; a munmap spanning
 * root pages and another subcon's page removes only the root's. mmap by server code maps
 * into the server. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    CALL(l, OP_SECRET_SET, 77);
    long sec = CALL(l, OP_SECRET_ADDR);
    void *page = (void *) (sec & ~(PAGE - 1));
    printf("root munmap of the server's page: %s\n", err(munmap(page, PAGE) ? -errno : 0));
    printf("root mprotect of it: %s\n", err(mprotect(page, PAGE, PROT_NONE) ? -errno : 0));
    printf("root madvise(DONTNEED) of it: %s\n", err(madvise(page, PAGE, MADV_DONTNEED) ? -errno : 0));
    void *m = mremap(page, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
    printf("root mremap of it: %s\n", m == MAP_FAILED ? err(-errno) : "moved");
    printf("the server's secret intact: %s\n", yn(CALL(l, OP_SECRET_GET) == 77));
    printf("the server still works: %s\n", yn(CALL(l, OP_ADD, 2, 3) == 5));

    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    volatile long *q = mmap(0, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    *q = 5;
    printf("server munmap of a root page: %s\n", err(CALL(l, OP_SYSCALL, SYS_munmap, (long) q, PAGE)));
    printf("server mprotect of it: %s\n", err(CALL(l, OP_SYSCALL, SYS_mprotect, (long) q, PAGE, PROT_NONE)));
    printf("server madvise(DONTNEED) of it: %s\n", err(CALL(l, OP_SYSCALL, SYS_madvise, (long) q, PAGE, MADV_DONTNEED)));
    *q += 1;
    printf("the root's page intact: %s\n", yn(*q == 6 && sc_owner((void *) q) == me));

    long sm = CALL(l, OP_MMAP, 2 * PAGE);
    printf("server mmap lands in the server: %s\n", yn(sm > 0 && CALL(l, OP_OWNER, sm) == s));
    printf("root may read it: %s\n", err(sc_owner((void *) sm)));
    long *rm = mmap(0, PAGE, PROT_READ, anon, -1, 0);
    printf("root mmap lands in the root: %s\n", yn(sc_owner(rm) == me));

    char *below = mmap(0, 3 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0), *d = below + PAGE, *above = below + 2 * PAGE;
    munmap(d, PAGE);
    long ds = sct_check("sc_create", sc_create("data", 0));
    sct_check("sc_attach", sc_attach(ds, 0, 0));
    printf("a data page between two root pages: %s\n", yn(sc_mmap(ds, d, PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1, 0) == (long) d));
    sct_poke(ds, d, 42);
    printf("root munmap of all three: %s\n", err(munmap(below, 3 * PAGE) ? -errno : 0));
    printf("the root's pages gone: %s %s\n", err(sc_owner(below)), err(sc_owner(above)));
    printf("the data page intact: %s\n", yn(sct_peek(ds, d) == 42));
    return 0;
}
