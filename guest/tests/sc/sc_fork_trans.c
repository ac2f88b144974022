/* SPEC 3 and 7: fork mirrors the rights graph onto the copies, including paths through
 * subcons attached nowhere (which SPEC 3 says count). The parent's root reads a data subcon
 * through mid (root -R-> mid -RW-> data, mid attached to no context). In the child, the
 * root's copy reads the copy of data the same way, and it still cannot write it. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    sct_poke(d, a, 64);
    long mid = sc_create("mid", 0);
    printf("grants: %s %s\n", err(sc_grant(mid, me, SC_R)), err(sc_grant(d, mid, SC_R | SC_W)));
    printf("parent reads data: %s\n", yn(*(volatile long *) a == 64));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char msg[256];
        int n = snprintf(msg, sizeof msg, "child: reads its copy of data (system call): %s\nchild: writes it (system call): %s\n",
                         CANR(a), CANW(a, 1));
        write(1, msg, n);
        _exit(0);
    }
    printf("child: %s\n", sct_wait(pid));
    return 0;
}
