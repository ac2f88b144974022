/* SIGCHLD flags.  SIGCHLD to an SA_SIGINFO handler when a child stops and
 * continues (CLD_STOPPED/CLD_CONTINUED with the signal in si_status), none
 * of those with SA_NOCLDSTOP, which still reports the exit; SA_NOCLDWAIT
 * with a handler: the handler runs but no zombie is left (ECHILD).
 * QEMU_DIFFERS: qemu-user 7.2 does not apply either flag. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t n_chld, last_code, last_status, last_pid;

static void on_chld(int s, siginfo_t *si, void *c)
{
    (void)s; (void)c;
    n_chld++;
    last_code = si->si_code;
    last_status = si->si_status;
    last_pid = si->si_pid;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t chld, old, pend;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    int p[2], st;
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) { write(p[1], "r", 1); for (;;) pause(); }
    char b;
    REQUIRE(read(p[0], &b, 1) == 1);

    kill(c, SIGSTOP);
    REQUIRE(waitpid(c, &st, WUNTRACED) == c);
    sigsuspend(&old);
    CHECK("stop: one SIGCHLD", n_chld == 1);
    CHECK("stop: si_pid == child", last_pid == c);
    CHECK("stop: CLD_STOPPED, si_status SIGSTOP", last_code == CLD_STOPPED && last_status == SIGSTOP);
    n_chld = 0;
    kill(c, SIGCONT);
    REQUIRE(waitpid(c, &st, WCONTINUED) == c);
    sigsuspend(&old);
    CHECK("continue: one SIGCHLD, CLD_CONTINUED, si_status SIGCONT", n_chld == 1 && last_code == CLD_CONTINUED && last_status == SIGCONT);

    /* SA_NOCLDSTOP: nothing for stop/continue, still the exit */
    sa.sa_flags = SA_SIGINFO | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    n_chld = 0;
    kill(c, SIGSTOP);
    REQUIRE(waitpid(c, &st, WUNTRACED) == c);
    kill(c, SIGCONT);
    REQUIRE(waitpid(c, &st, WCONTINUED) == c);
    usleep(20000);
    sigpending(&pend);
    CHECK("SA_NOCLDSTOP: no SIGCHLD for stop and continue", !sigismember(&pend, SIGCHLD));
    kill(c, SIGKILL);
    REQUIRE(waitpid(c, &st, 0) == c);
    sigsuspend(&old);
    CHECK("SA_NOCLDSTOP: SIGCHLD for the kill, CLD_KILLED, si_status SIGKILL", n_chld == 1 && last_code == CLD_KILLED && last_status == SIGKILL);

    /* SA_NOCLDWAIT with a handler: the handler still runs, no zombie */
    sa.sa_flags = SA_SIGINFO | SA_NOCLDWAIT;
    sigaction(SIGCHLD, &sa, NULL);
    n_chld = 0;
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(2);
    while (!n_chld) sigsuspend(&old);
    CHECK("SA_NOCLDWAIT: handler ran, CLD_EXITED status 2", n_chld == 1 && last_code == CLD_EXITED && last_status == 2);
    CHECK("SA_NOCLDWAIT: no zombie (ECHILD)", waitpid(c, &st, 0) == -1 && errno == ECHILD);
    return 0;
}
