/* Waiting for signals: sigsuspend with a temporary mask returns -1 EINTR
 * after a handler ran and restores the old mask; a signal pending before
 * sigsuspend is taken at once; the sigwait family on a blocked signal sent
 * by a child.  pause() is in sig_pause. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static volatile int got_usr1, got_usr2;
static void h1(int s) { (void)s; got_usr1++; }
static void h2(int s) { (void)s; got_usr2++; }

static pid_t kill_later(int sig, int usec)
{
    pid_t parent = getpid();
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) { usleep(usec); kill(parent, sig); _exit(0); }
    return c;
}

int main(void)
{
    signal(SIGUSR1, h1);
    signal(SIGUSR2, h2);
    sigset_t block, old, cur, waitmask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, &old);

    /* sigsuspend: SIGUSR2 stays blocked during the wait, SIGUSR1 wakes us */
    pid_t c = kill_later(SIGUSR2, 1000);
    pid_t d = kill_later(SIGUSR1, 30000);
    sigemptyset(&waitmask);
    sigaddset(&waitmask, SIGUSR2);
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);      /* SIGUSR2 is pending now */
    errno = 0;
    int r = sigsuspend(&waitmask);
    CHECK("sigsuspend returns -1 EINTR", r == -1 && errno == EINTR);
    CHECK("SIGUSR1 handler ran, SIGUSR2 still pending (blocked by the temporary mask)", got_usr1 == 1 && got_usr2 == 0);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("old mask restored (both blocked again)", sigismember(&cur, SIGUSR1) && sigismember(&cur, SIGUSR2));
    waitpid(d, &st, 0);

    /* pending before the call: sigsuspend returns at once */
    sigemptyset(&waitmask);
    r = sigsuspend(&waitmask);
    CHECK("pending SIGUSR2 taken at once by sigsuspend", r == -1 && errno == EINTR && got_usr2 == 1);

    /* sigwaitinfo on a blocked signal sent by a child: si_pid is the child */
    c = kill_later(SIGUSR2, 20000);
    siginfo_t si;
    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, SIGUSR2);
    r = sigwaitinfo(&w, &si);
    CHECK("sigwaitinfo: SIGUSR2 from the child (si_pid, SI_USER), no handler", r == SIGUSR2 && si.si_pid == c && si.si_code == SI_USER && got_usr2 == 1);
    waitpid(c, &st, 0);
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    errno = 0;
    CHECK("sigtimedwait with nothing coming -> EAGAIN", sigtimedwait(&w, &si, &ts) == -1 && errno == EAGAIN);
    return 0;
}
