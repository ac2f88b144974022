/* SPEC 2 and 9: the scid CSR is the current subcon, the owner of the page holding pc: the
 * root outside, the server inside its code (the same as sc_self there), a code subcon in
 * its code; back in the root after every return. scid is read-only: writing it is an
 * illegal instruction (SIGILL). */
#include "sct.h"

SCT_BLOB(code, "csrr a0, 0xcc0\n ret\n");

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    void *p;
    long c = sct_code("code", code, code_end, &p);
    sc_entry(c, me, p, 1);
    printf("root: scid is sc_self: %s\n", yn(sc_scid() == me));
    long ok = 1;
    for (int i = 0; i < 200; i++) {
        ok &= CALL(l, OP_SCID) == s;
        ok &= sc_scid() == me;
        ok &= ((long (*)(void)) p)() == c;
        ok &= sc_scid() == me;
    }
    printf("server and code subcon see themselves, the root itself: %s\n", yn(ok));
    printf("server: scid is sc_self: %s\n", yn(CALL(l, OP_SELF) == s));
    volatile long v = 5;
    int sig = SCT_CATCH(SIGILL, __asm__ volatile("csrrw zero, 0xcc0, %0" : : "r"(v)));
    printf("writing scid: %s\n", sig == SIGILL ? "SIGILL" : sig ? "other" : "completed");
    printf("scid unchanged: %s\n", yn(sc_scid() == me));
    return 0;
}
