/*
 * Regression: futexes on the memory of a SC_SHARE_ON_FORK subcontext (a server's, shared by
 * a parent and its forked child) meet across the two processes (keyed by frame, as for
 * MAP_SHARED). The child waits in the server (serve_futex_fork.server), the parent wakes it:
 * the child is woken, not timed out. So sc_mutex guards a server's state across a fork.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        long r = getppid();                       /* the server makes it a FUTEX_WAIT */
        printf("child woken (not timed out): %s\n", r == 0 ? "yes" : "no");
        return 0;
    }
    long woke = 0;
    for (int i = 0; i < 200 && woke == 0; i++) {
        usleep(5000);
        woke = getpgid(0);                       /* the server makes it a FUTEX_WAKE */
    }
    waitpid(pid, 0, 0);
    printf("parent woke a waiter: %s\n", woke == 1 ? "yes" : "no");
    return 0;
}
