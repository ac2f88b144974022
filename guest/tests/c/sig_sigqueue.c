/* sigqueue (rt_sigqueueinfo): the value arrives in si_value with si_code
 * SI_QUEUE and si_pid; realtime signals queued while blocked keep their
 * values and their order; a standard signal queued twice while blocked
 * arrives once; sigqueue to a child which takes it with sigwaitinfo;
 * pthread_sigqueue (rt_tgsigqueueinfo) to the calling thread. */
#define _GNU_SOURCE
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

static volatile int vals[16], nvals, codes_ok = 1, pids_ok = 1;

static void h(int s, siginfo_t *si, void *c)
{
    (void)s; (void)c;
    if (nvals < 16) vals[nvals++] = si->si_value.sival_int;
    if (si->si_code != SI_QUEUE) codes_ok = 0;
    if (si->si_pid != getpid()) pids_ok = 0;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);

    union sigval v = { .sival_int = 1234 };
    CHECK("sigqueue to self", sigqueue(getpid(), SIGRTMIN + 1, v) == 0);
    CHECK("value 1234, SI_QUEUE, si_pid", nvals == 1 && vals[0] == 1234 && codes_ok && pids_ok);

    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGRTMIN + 1);
    sigaddset(&m, SIGUSR1);
    sigprocmask(SIG_BLOCK, &m, NULL);
    nvals = 0;
    for (int i = 1; i <= 4; i++) { v.sival_int = i * 11; sigqueue(getpid(), SIGRTMIN + 1, v); }
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    printf("queued SIGRTMIN+1 values delivered:");
    for (int i = 0; i < nvals; i++) printf(" %d", vals[i]);
    printf("\n");
    CHECK("all SI_QUEUE", codes_ok);

    sigprocmask(SIG_BLOCK, &m, NULL);
    nvals = 0;
    v.sival_int = 7;
    sigqueue(getpid(), SIGUSR1, v);
    v.sival_int = 8;
    sigqueue(getpid(), SIGUSR1, v);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    CHECK("standard signal queued twice: delivered once, with the first value", nvals == 1 && vals[0] == 7);

    CHECK("sigqueue invalid signal -> EINVAL", sigqueue(getpid(), 99, v) == -1 && errno == EINVAL);
    CHECK("sigqueue signal 0 (existence) -> 0", sigqueue(getpid(), 0, v) == 0);

    /* to a child that waits with sigwaitinfo */
    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        sigset_t w;
        sigemptyset(&w);
        sigaddset(&w, SIGRTMIN + 1);
        sigprocmask(SIG_BLOCK, &w, NULL);
        write(p[1], "r", 1);
        siginfo_t si;
        struct timespec limit = { 5, 0 };       /* never reached when sigqueue works */
        int s = sigtimedwait(&w, &si, &limit);
        _exit(s == SIGRTMIN + 1 && si.si_code == SI_QUEUE && si.si_pid == getppid() ? si.si_value.sival_int : 0);
    }
    char b;
    REQUIRE(read(p[0], &b, 1) == 1);
    v.sival_int = 77;
    sigqueue(c, SIGRTMIN + 1, v);
    int st;
    waitpid(c, &st, 0);
    CHECK("child got value 77 with our pid", WIFEXITED(st) && WEXITSTATUS(st) == 77);

    nvals = 0;
    codes_ok = 1;
    v.sival_int = 99;
    CHECK("pthread_sigqueue to self", pthread_sigqueue(pthread_self(), SIGRTMIN + 1, v) == 0);
    CHECK("value 99, SI_QUEUE", nvals == 1 && vals[0] == 99 && codes_ok);
    return 0;
}
