/* SPEC 7 and 9: fork inside a server built with scrt. The forking thread's state carries
 * over to the child: its trusted stack (mapped to the copies) and, like its registers, its
 * sctls words (mapped to the copies), which the scrt entry stub reads on the way out to
 * restore its stack record. In the child the server copy returns normally into the child's
 * root, which then finds its own sctls value too. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    sc_set_sctls(0x1234);
    printf("server's sctls set up: %s\n", yn(CALL(l, OP_SCTLS) != 0));
    fflush(stdout);
    long pid = CALL(l, OP_FORK);
    if (pid == 0) {
        char msg[256];
        int n = snprintf(msg, sizeof msg, "child: returned from the server copy: yes\n"
                         "child: the root's sctls kept: %s\n"
                         "child: calls the copy again: %s\n",
                         yn(sc_get_sctls() == 0x1234), yn(CALL(l, OP_ADD, 2, 3) == 5 && CALL(l, OP_SELF) != s));
        write(1, msg, n);
        _exit(0);
    }
    printf("parent: fork returned a pid: %s\n", yn(pid > 0));
    printf("parent: the root's sctls: %s\n", yn(sc_get_sctls() == 0x1234));
    printf("child: %s\n", sct_wait(pid));
    printf("parent: calls the server: %s\n", yn(CALL(l, OP_ADD, 1, 1) == 2 && sc_scid() == me));
    return 0;
}
