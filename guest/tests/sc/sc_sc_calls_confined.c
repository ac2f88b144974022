/* SPEC 2 and 5: control of a subcon is no power over anyone else's pages. sc_munmap,
 * sc_mprotect and sc_mmap(MAP_FIXED) on a subcon the caller controls, aimed at a range where
 * another subcon has its pages, leave those pages alone (0 with nothing unmapped, ENOMEM,
 * EEXIST): the server, controlling a data subcon, aims them at a root page; the root,
 * controlling itself, aims them at the server's page. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    void *xa;
    long x = sct_data("data", 1, PROT_READ | PROT_WRITE, &xa);
    sc_control(s, s);
    printf("data to the server: %s\n", err(sc_control(x, s)));
    volatile long *q = mmap(0, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    *q = 1;
    printf("server: sc_munmap(data, root page): %s\n", err(CALL(l, OP_SYSCALL, SC_NR_MUNMAP, x, (long) q, PAGE)));
    printf("server: sc_mprotect(data, root page): %s\n", err(CALL(l, OP_SYSCALL, SC_NR_MPROTECT, x, (long) q, PAGE, PROT_NONE)));
    printf("server: sc_mmap(data, root page, MAP_FIXED): %s\n", err(CALL(l, OP_SYSCALL, SC_NR_MMAP, x, (long) q, PAGE, PROT_READ, anon | MAP_FIXED, -1)));
    *q += 1;
    printf("the root page intact: %s\n", yn(*q == 2 && sc_owner((void *) q) == me));
    CALL(l, OP_SECRET_SET, 8);
    void *sp = (void *) (CALL(l, OP_SECRET_ADDR) & ~(PAGE - 1));
    printf("root: sc_munmap(root, server page): %s\n", err(sc_munmap(me, sp, PAGE)));
    printf("root: sc_mprotect(root, server page): %s\n", err(sc_mprotect(me, sp, PAGE, PROT_NONE)));
    printf("root: sc_mmap(root, server page, MAP_FIXED): %s\n", err(sc_mmap(me, sp, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0)));
    printf("the server intact: %s\n", yn(CALL(l, OP_SECRET_GET) == 8 && CALL(l, OP_ADD, 1, 1) == 2));
    printf("root: sc_munmap(data): %s\n", err(sc_munmap(x, xa, PAGE)));
    printf("server: sc_munmap(data): %s\n", err(CALL(l, OP_SYSCALL, SC_NR_MUNMAP, x, (long) xa, PAGE)));
    struct sc_info i;
    sc_info(x, &i);
    printf("data maps nothing now: %s\n", yn(i.bytes_mapped == 0));
    return 0;
}
