/* Forks until the kernel refuses, then cleans up: the host must survive and fork must fail with EAGAIN. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int children = 0, err = 0;
    setpgid(0, 0);
    for (int i = 0; i < 100000; i++) {
        pid_t p = fork();
        if (p == 0) {
            for (;;) pause();
        }
        if (p < 0) {
            err = errno;
            break;
        }
        children++;
    }
    signal(SIGTERM, SIG_IGN);
    kill(0, SIGTERM);
    int reaped = 0;
    while (wait(NULL) > 0) reaped++;
    printf("fork refused with EAGAIN: %s\n", err == EAGAIN ? "yes" : "no");
    printf("all %d children reaped: %s\n", children, reaped == children ? "yes" : "no");
    return 0;
}
