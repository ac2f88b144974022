/* SPEC 9: sc_info reports name, flags, controller, the number of contexts a subcon is
 * attached to and the bytes it maps (whole pages); ESRCH for no such sid, EFAULT for a bad
 * buffer (one the caller may not write). sc_create refuses unknown flags (EINVAL) and bad
 * names (EFAULT). The root is named after the program's file. */
#include "sct.h"

static void show(const char *what, long sid, long me) {
    struct sc_info i;
    memset(&i, 0x55, sizeof i);
    long r = sc_info(sid, &i);
    if (r < 0) {
        printf("%s: %s\n", what, err(r));
        return;
    }
    printf("%s: name \"%s\", flags %lu, controller %s, contexts %lu, bytes %lu\n", what, i.name, i.flags,
           i.controller == me ? "root" : i.controller == sid ? "itself" : "other", i.contexts, i.bytes_mapped);
}

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_info i;
    sc_info(me, &i);
    printf("root: name \"%s\", flags %lu, controller %s, contexts %lu, maps something: %s\n", i.name, i.flags,
           i.controller == me ? "itself" : "other", i.contexts, yn(i.bytes_mapped > 0 && i.bytes_mapped % PAGE == 0));
    long a = sc_create("alpha", SC_SHARE_ON_FORK | SC_KEEP_ON_EXEC);
    show("alpha created", a, me);
    printf("attach: %s\n", err(sc_attach(a, 0, 0)));
    show("alpha attached", a, me);
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    char *p = (char *) sc_mmap(a, 0, 3 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    show("3 pages mapped", a, me);
    printf("unmap the middle one: %s\n", err(sc_munmap(a, p + PAGE, PAGE)));
    show("2 pages mapped", a, me);
    sc_mmap(a, 0, 5000, PROT_READ, anon, -1, 0);
    show("5000 more bytes mapped", a, me);
    printf("mprotect: %s\n", err(sc_mprotect(a, p, PAGE, PROT_READ)));
    show("after mprotect", a, me);
    long b = sc_create("beta", SC_SHARE_ON_FORK);
    long c = sc_create("gamma", SC_KEEP_ON_EXEC);
    show("beta", b, me);
    show("gamma", c, me);
    printf("passed to itself: %s\n", err(sc_control(c, c)));
    show("gamma", c, me);
    const char *n63 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    long d = sc_create(n63, 0);
    sc_info(d, &i);
    printf("63-byte name kept: %s\n", yn(strlen(n63) == 63 && strcmp(i.name, n63) == 0));
    printf("sids are distinct: %s\n", yn(a != b && b != c && c != d && a != me && d != me));
    printf("flags 4: %s\n", err(sc_create("bad", 4)));
    printf("name NULL: %s\n", err(sc_create(0, 0)));
    show("sid 0", 0, me);
    show("sid -1", -1, me);
    show("no such sid", 1000000, me);
    printf("buffer NULL: %s\n", err(sc_info(me, 0)));
    printf("buffer in another subcon: %s\n", err(sc_info(me, (struct sc_info *) p)));
    printf("buffer read-only: %s\n", err(sc_info(me, (struct sc_info *) mmap(0, PAGE, PROT_READ, anon, -1, 0))));
    return 0;
}
