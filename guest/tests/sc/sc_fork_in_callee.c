/* SPEC 7: threads keep their trusted return stacks across fork. The root calls a code
 * subcon through a point entry and that code forks; in the child, the copy returns into the
 * child's root through the copied frame (mapped to the copies), as the original does in the
 * parent. The callee holds no rights over the root, so only the frame allows the return. */
#include "sct.h"

/* fork (clone(SIGCHLD, 0)) and return its result */
SCT_BLOB(code, "li a7, 220\n li a0, 17\n li a1, 0\n li a2, 0\n li a3, 0\n li a4, 0\n ecall\n ret\n"
               ".balign 16\n li a0, 7\n ret\n");

int main(void) {
    long me = sc_self();
    void *p;
    long c = sct_code("callee", code, code_end, &p);
    printf("entries: %s %s\n", err(sc_entry(c, me, p, 1)), err(sc_entry(c, me, (char *) p + 32, 1)));
    fflush(stdout);
    long pid = ((long (*)(void)) p)();
    if (pid == 0) {
        char msg[128];
        int n = snprintf(msg, sizeof msg, "child: returned through the copied frame into a new root: %s\n"
                         "child: calls the copy again: %s\n",
                         yn(sc_self() != me && sc_scid() == sc_self()), yn(((long (*)(void)) ((char *) p + 32))() == 7));
        write(1, msg, n);
        _exit(0);
    }
    printf("parent: fork returned a pid: %s\n", yn(pid > 0));
    printf("parent: runs as its root: %s\n", yn(sc_scid() == me));
    printf("child: %s\n", sct_wait(pid));
    return 0;
}
