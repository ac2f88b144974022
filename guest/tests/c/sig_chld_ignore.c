/* SIGCHLD set to SIG_IGN: children are reaped automatically, wait blocks
 * until they are all gone and then fails with ECHILD; SIG_DFL (also
 * ignored) keeps zombies. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    int st;
    /* SIG_DFL: zombie kept */
    signal(SIGCHLD, SIG_DFL);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) _exit(5);
    usleep(20000);
    CHECK("SIG_DFL: child remains waitable", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 5);

    /* SIG_IGN: no zombies */
    signal(SIGCHLD, SIG_IGN);
    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t k[3];
    for (int i = 0; i < 3; i++) {
        k[i] = fork();
        REQUIRE(k[i] >= 0);
        if (k[i] == 0) { char b; close(p[1]); read(p[0], &b, 1); _exit(i); }
    }
    close(p[0]);
    CHECK("SIG_IGN: WNOHANG while children run -> 0", waitpid(-1, &st, WNOHANG) == 0);
    close(p[1]);  /* all three see EOF and exit */
    errno = 0;
    pid_t r = wait(&st);
    CHECK("SIG_IGN: wait blocks until all exit, then ECHILD", r == -1 && errno == ECHILD);
    int alive = 0;
    for (int i = 0; i < 3; i++) if (kill(k[i], 0) == 0) alive++;
    CHECK("SIG_IGN: reaped children no longer exist (kill 0 -> ESRCH)", alive == 0 && errno == ESRCH);
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(1);
    CHECK("SIG_IGN: waitpid(child) -> ECHILD", waitpid(c, &st, 0) == -1 && errno == ECHILD);

    /* back to SIG_DFL: zombies again */
    signal(SIGCHLD, SIG_DFL);
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(6);
    CHECK("SIG_DFL again: waitable", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 6);
    return 0;
}
