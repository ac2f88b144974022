/* SPEC 5: only code in a subcon that controls X may grant rights over X, add entries into
 * X, map/unmap/protect in X, load into it, attach/detach it or pass its control on. Once
 * the server controls itself, the client that created it is refused all of that (EPERM)
 * and cannot grant itself rights over the server; the server cannot grant itself rights
 * over the client either, but may grant the client R over itself. The client's store into
 * the server (R only) is then a subcontext fault. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l, l2;
    char path[512];
    snprintf(path, sizeof path, "%s.server", argv[0]);
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("the server takes control of itself: %s\n", err(sc_control(s, s)));
    struct sc_info i;
    sc_info(s, &i);
    printf("the server's controller is itself: %s\n", yn(i.controller == s));
    printf("calls still work: %s\n", yn(CALL(l, OP_ADD, 1, 2) == 3));
    long sec = CALL(l, OP_SECRET_ADDR);
    void *page = (void *) (sec & ~(PAGE - 1));
    printf("client grants itself RWX over the server: %s\n", err(sc_grant(s, me, SC_RWX)));
    printf("client grants itself R over the server: %s\n", err(sc_grant(s, me, SC_R)));
    printf("client adds an entry for itself: %s\n", err(sc_entry(s, me, (void *) (l.entry + 4), 1)));
    printf("client removes its own entry: %s\n", err(sc_entry(s, me, (void *) l.entry, 0)));
    printf("sc_mmap into the server: %s\n", err(sc_mmap(s, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)));
    printf("sc_munmap in the server: %s\n", err(sc_munmap(s, page, PAGE)));
    printf("sc_mprotect in the server: %s\n", err(sc_mprotect(s, page, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC)));
    printf("sc_load into the server: %s\n", err(sc_load(s, path, &l2)));
    printf("sc_detach the server: %s\n", err(sc_detach(s, 0)));
    printf("sc_control of the server: %s\n", err(sc_control(s, me)));
    printf("the client may read the server: %s\n", err(sc_owner(page)));
    printf("the server is intact: %s\n", yn(CALL(l, OP_SECRET_GET) == 0x5ec7e7 && CALL(l, OP_ADD, 2, 2) == 4));
    printf("server grants itself RW over the client: %s\n", err(CALL(l, OP_SYSCALL, SC_NR_GRANT, me, s, SC_R | SC_W)));
    printf("server grants the client R over itself: %s\n", err(CALL(l, OP_SYSCALL, SC_NR_GRANT, s, me, SC_R)));
    printf("the client reads the secret: %s\n", yn(*(volatile long *) sec == 0x5ec7e7));
    fflush(stdout);
    *(volatile long *) sec = 1;                    /* R only: stopped */
    printf("the client wrote the secret\n");
    return 0;
}
