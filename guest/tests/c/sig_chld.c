/* SIGCHLD to an SA_SIGINFO handler: si_signo/si_code/si_pid/si_status for
 * CLD_EXITED and CLD_KILLED; one signal for two exits while blocked. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t n_chld, last_signo, last_code, last_status, last_pid;

static void on_chld(int s, siginfo_t *si, void *c)
{
    (void)s; (void)c;
    n_chld++;
    last_signo = si->si_signo;
    last_code = si->si_code;
    last_status = si->si_status;
    last_pid = si->si_pid;
}

int main(void)
{
    sigset_t chld, none;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigemptyset(&none);
    int st;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGCHLD, &sa, NULL);
    sigprocmask(SIG_BLOCK, &chld, NULL);

    /* 1. CLD_EXITED details, delivered while waiting in sigsuspend */
    n_chld = 0;
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) _exit(23);
    sigsuspend(&none);
    CHECK("one SIGCHLD", n_chld == 1);
    CHECK("si_signo SIGCHLD", last_signo == SIGCHLD);
    CHECK("si_code CLD_EXITED", last_code == CLD_EXITED);
    CHECK("si_pid == child", last_pid == c);
    CHECK("si_status 23", last_status == 23);
    CHECK("child still a zombie for waitpid", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 23);

    /* 2. CLD_KILLED */
    n_chld = 0;
    fflush(stdout);
    c = fork();
    if (c == 0) { for (;;) pause(); }
    kill(c, SIGUSR2);
    sigsuspend(&none);
    CHECK("killed: si_code CLD_KILLED", n_chld == 1 && last_code == CLD_KILLED);
    CHECK("killed: si_status SIGUSR2, si_pid child", last_status == SIGUSR2 && last_pid == c);
    CHECK("waitpid: WTERMSIG SIGUSR2", waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2);

    /* 3. two children exit while SIGCHLD is blocked: one signal (not queued), two zombies */
    n_chld = 0;
    pid_t a = fork();
    if (a == 0) _exit(1);
    pid_t b = fork();
    if (b == 0) _exit(2);
    REQUIRE(waitpid(a, &st, 0) == a);
    REQUIRE(waitpid(b, &st, 0) == b);
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    CHECK("two exits while blocked -> one handler call", n_chld == 1);
    return 0;
}
