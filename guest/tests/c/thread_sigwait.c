/* A dedicated signal thread: every thread blocks SIGUSR1/SIGUSR2/SIGTERM and
 * some realtime signals; the signal thread takes process-directed signals
 * with sigwait and sigwaitinfo (si_pid, si_code) while it is already
 * waiting, then four pending ones lowest number first, and sigtimedwait
 * fails with EAGAIN when nothing is left; SIGTERM taken this way does not
 * kill.  A watchdog thread ends the test if a wait never returns. */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>

static sigset_t set;
static int got[64], order[16], norder, info_ok, timed_out;
static pthread_barrier_t bar;

static void *sigthread(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&bar);
    /* 1: sigwait for SIGUSR1 */
    int s;
    if (sigwait(&set, &s) == 0) got[s]++;
    pthread_barrier_wait(&bar);
    /* 2: sigwaitinfo for SIGTERM */
    siginfo_t si;
    s = sigwaitinfo(&set, &si);
    if (s == SIGTERM && si.si_pid == getpid() && si.si_code == SI_USER) info_ok = 1;
    if (s > 0) got[s]++;
    pthread_barrier_wait(&bar);
    /* 3: four signals sent while we were not waiting: lowest number first */
    pthread_barrier_wait(&bar);
    for (int i = 0; i < 4; i++) {
        s = sigwaitinfo(&set, &si);
        if (s > 0) { got[s]++; order[norder++] = s; }
    }
    /* 4: nothing more: sigtimedwait times out */
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    if (sigtimedwait(&set, &si, &ts) == -1 && errno == EAGAIN) timed_out = 1;
    return NULL;
}

static void *watchdog(void *arg)
{
    (void)arg;
    sleep(10);
    printf("watchdog: a wait never returned\n");
    fflush(stdout);
    _exit(3);
}

int main(void)
{

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGRTMIN);
    sigaddset(&set, SIGRTMIN + 1);
    sigaddset(&set, SIGRTMIN + 5);
    pthread_sigmask(SIG_BLOCK, &set, NULL);   /* inherited by the new threads */
    pthread_t w;
    pthread_create(&w, NULL, watchdog, NULL);
    pthread_barrier_init(&bar, NULL, 2);
    pthread_t t;
    REQUIRE(pthread_create(&t, NULL, sigthread, NULL) == 0);
    pthread_barrier_wait(&bar);
    kill(getpid(), SIGUSR1);
    pthread_barrier_wait(&bar);
    CHECK("sigwait got SIGUSR1", got[SIGUSR1] == 1);
    kill(getpid(), SIGTERM);
    pthread_barrier_wait(&bar);
    CHECK("sigwaitinfo got SIGTERM with si_pid and SI_USER (and we are alive)", got[SIGTERM] == 1 && info_ok);
    kill(getpid(), SIGRTMIN + 5);
    kill(getpid(), SIGRTMIN + 1);
    kill(getpid(), SIGUSR2);
    kill(getpid(), SIGRTMIN);
    pthread_barrier_wait(&bar);
    pthread_join(t, NULL);
    printf("received:");
    for (int i = 0; i < norder; i++) {
        int s = order[i];
        if (s == SIGUSR2) printf(" SIGUSR2");
        else printf(" SIGRTMIN+%d", s - SIGRTMIN);
    }
    printf("\n");
    CHECK("sigtimedwait with nothing pending -> EAGAIN", timed_out);
    sigset_t p;
    sigpending(&p);
    CHECK("nothing left pending", !sigismember(&p, SIGUSR1) && !sigismember(&p, SIGUSR2) && !sigismember(&p, SIGRTMIN));
    return 0;
}
