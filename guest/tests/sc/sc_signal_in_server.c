/* Signals while a thread is inside another subcon (SPEC 1 and 8: Linux programs, Linux
 * semantics outside the subcontext rules). A child process calls into a server that spins;
 * the parent sends it SIGTERM, whose default action terminates the process wherever its
 * thread happens to be. (A handler may have to wait for the thread to come back to the
 * root; termination may not.) The parent gives it 5 seconds, then SIGKILLs it. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("server may write the root: %s\n", err(sc_grant(me, s, SC_R | SC_W)));
    volatile long *inside = mmap(0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        CALL(l, OP_SPIN, (long) inside);
        _exit(5);
    }
    while (!*inside) {
    }
    printf("the child is inside the server: yes\n");
    kill(pid, SIGTERM);
    int st = 0, ms = 0;
    while (waitpid(pid, &st, WNOHANG) == 0 && ms < 5000) {
        usleep(10000);
        ms += 10;
    }
    if (ms >= 5000) {
        printf("still running 5 seconds after SIGTERM\n");
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
    }
    printf("child: %s\n", sct_status(st));
    return 0;
}
