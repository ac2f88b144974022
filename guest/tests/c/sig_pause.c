/* pause() (glibc: ppoll(NULL, 0, NULL, NULL) on riscv64) sleeps until a
 * signal handler runs, then returns -1 EINTR: woken by signals sent from a
 * child process, several times; a signal that is ignored does not wake it
 * (the later, caught one does). */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static volatile int got;
static void h(int s) { (void)s; got++; }

int main(void)
{
    signal(SIGUSR1, h);
    signal(SIGUSR2, SIG_IGN);
    pid_t parent = getpid();
    int ok = 1;
    for (int i = 0; i < 3; i++) {
        fflush(stdout);
        pid_t c = fork();
        REQUIRE(c >= 0);
        if (c == 0) { usleep(20000); kill(parent, SIGUSR1); _exit(0); }
        errno = 0;
        int r = pause();
        ok &= r == -1 && errno == EINTR && got == i + 1;
        waitpid(c, NULL, 0);
    }
    CHECK("pause woken 3 times by a child's SIGUSR1: -1 EINTR after the handler", ok);

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) { usleep(10000); kill(parent, SIGUSR2); usleep(30000); kill(parent, SIGUSR1); _exit(0); }
    errno = 0;
    int r = pause();
    CHECK("ignored SIGUSR2 does not end pause; the later SIGUSR1 does", r == -1 && errno == EINTR && got == 4);
    waitpid(c, NULL, 0);
    return 0;
}
