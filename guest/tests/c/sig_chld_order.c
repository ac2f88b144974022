/* When SIGCHLD is generated: a SIGCHLD generated while the disposition was
 * SIG_DFL (ignored) is discarded, not left pending for a later handler; with
 * a handler, the signal is already pending when wait can see the zombie
 * (Linux notifies the parent before the zombie becomes visible). */
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
    sigset_t chld, none, pend;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigemptyset(&none);
    int st;

    /* 1. SIGCHLD generated under SIG_DFL is thrown away at once */
    int stale = 0;
    for (int i = 0; i < 5; i++) {
        signal(SIGCHLD, SIG_DFL);
        fflush(stdout);
        pid_t c = fork();
        REQUIRE(c >= 0);
        if (c == 0) _exit(i);
        REQUIRE(waitpid(c, &st, 0) == c);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_chld;
        sa.sa_flags = SA_SIGINFO;
        sigprocmask(SIG_BLOCK, &chld, NULL);
        sigaction(SIGCHLD, &sa, NULL);
        usleep(10000);
        sigpending(&pend);
        if (sigismember(&pend, SIGCHLD)) stale++;
        sigprocmask(SIG_UNBLOCK, &chld, NULL);
    }
    CHECK("SIGCHLD under SIG_DFL discarded (never pending later)", stale == 0);

    /* 2. with a handler, blocked: pending as soon as waitpid returns */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGCHLD, &sa, NULL);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    int early = 0;
    for (int i = 0; i < 5; i++) {
        fflush(stdout);
        pid_t c = fork();
        REQUIRE(c >= 0);
        if (c == 0) _exit(0);
        REQUIRE(waitpid(c, &st, 0) == c);
        sigpending(&pend);
        if (sigismember(&pend, SIGCHLD)) early++;
        siginfo_t si;
        struct timespec zero = { 0, 0 };
        sigtimedwait(&chld, &si, &zero);   /* consume it */
    }
    CHECK("SIGCHLD pending as soon as the zombie was reaped", early == 5);

    return 0;
}
