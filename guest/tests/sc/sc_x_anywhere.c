/* SPEC 3: X is call-anywhere: with X over T the root may transfer to any executable
 * address of T, the start of a function or the middle of one. (T holds X over the root so
 * it may return: call-anywhere pushes no return frame.) X gives no data access: reading T's
 * code is a subcontext fault (read, rights --x). */
#include "sct.h"

SCT_BLOB(code,
         "li a0, 11\n ret\n"
         ".balign 16\n li a0, 22\n ret\n"
         ".balign 16\n li a0, 1\n addi a0, a0, 100\n ret\n");

int main(void) {
    long me = sc_self();
    void *p;
    long t = sct_code("target", code, code_end, &p);
    char *a = p;
    printf("grant root X: %s\n", err(sc_grant(t, me, SC_X)));
    printf("grant target X over root: %s\n", err(sc_grant(me, t, SC_X)));
    long ok = 1;
    for (int i = 0; i < 200; i++) {
        ok &= ((long (*)(void)) a)() == 11;
        ok &= ((long (*)(void)) (a + 16))() == 22;
        ok &= ((long (*)(void)) (a + 32))() == 101;
    }
    printf("calls to function starts: %s\n", yn(ok));
    printf("call into the middle of a function: %s\n", yn(((long (*)(long)) (a + 36))(5) == 105));
    printf("owner of the code: %s\n", err(sc_owner(a)));
    printf("code readable (system call): %s\n", CANR(a));
    fflush(stdout);
    long v = *(volatile long *) a;                 /* X only: reading is stopped */
    printf("read the code: %lx\n", v);
    return 0;
}
