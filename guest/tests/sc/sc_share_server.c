/* SPEC 2 and 7: one server subcon shared by several processes (SC_SHARE_ON_FORK): the
 * child calls the same subcon (same sid) through its mirrored entry, and the two processes
 * update the same server state concurrently (an atomic counter, a word). The server's grant
 * over the parent's root is mirrored onto the child's root: it reads the child's memory. */
#include "sct.h"

int main(int argc, char **argv) {
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", SC_SHARE_ON_FORK, &l);
    printf("first call: %ld\n", CALL(l, OP_INC));
    printf("server may read the root: %s\n", err(sc_grant(sc_self(), s, SC_R)));
    static long word = 61;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long ok = CALL(l, OP_SELF) == s;
        struct sc_info i;
        sc_info(s, &i);
        ok &= i.contexts == 2;
        for (int k = 0; k < 500; k++) ok &= CALL(l, OP_INC) > 1;
        word = 62;
        ok &= CALL(l, OP_READ, (long) &word) == 62;      /* the grant is mirrored onto the child's root */
        CALL(l, OP_SECRET_SET, 55);
        _exit(ok ? 0 : 1);
    }
    long ok = 1;
    for (int k = 0; k < 500; k++) ok &= CALL(l, OP_INC) > 1;
    printf("parent's calls: %s\n", yn(ok));
    printf("child: %s\n", sct_wait(pid));
    printf("counter after both: %ld\n", CALL(l, OP_INC));
    printf("the child's store is the parent's: %s\n", yn(CALL(l, OP_SECRET_GET) == 55));
    return 0;
}
