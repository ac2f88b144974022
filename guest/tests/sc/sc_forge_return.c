/* SPEC 4.3: a transfer through a point entry pushes (caller, ra); the callee may return to
 * exactly ra without rights. A callee that "returns" to ra + 4 instead holds no rights over
 * the root and matches no frame: a subcontext fault. */
#include "sct.h"

SCT_BLOB(code,
         "li a0, 3\n ret\n"
         ".balign 16\n addi ra, ra, 4\n ret\n");

int main(void) {
    long me = sc_self();
    void *p;
    long t = sct_code("callee", code, code_end, &p);
    char *a = p;
    printf("entry for the honest function: %s\n", err(sc_entry(t, me, a, 1)));
    printf("entry for the forging function: %s\n", err(sc_entry(t, me, a + 16, 1)));
    long ok = 1;
    for (int i = 0; i < 500; i++) ok &= ((long (*)(void)) a)() == 3;
    printf("honest returns: %s\n", yn(ok));
    fflush(stdout);
    long r = ((long (*)(void)) (a + 16))();        /* returns to ra + 4: stopped */
    printf("forged return: %ld\n", r);
    return 0;
}
