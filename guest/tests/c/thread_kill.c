/* Thread-directed signals: pthread_kill/tgkill to a specific thread runs
 * the handler in that thread (the handler compares pthread_self with an id
 * kept in TLS), si_code SI_TKILL and si_pid; a process-directed kill()
 * goes to the one thread that does not block it; a signal blocked in the
 * target thread stays pending for that thread only. */
#include "t.h"
#include <pthread.h>
#include <signal.h>

#define N 3
static __thread int my_index = -1;
static pthread_t handles[N + 1];
static volatile int hit_by[N + 1];       /* handler runs per thread index */
static volatile int wrong_thread, last_code, last_pid;
static pthread_barrier_t bar;

static void handler(int s, siginfo_t *si, void *c)
{
    (void)s; (void)c;
    if (my_index < 0 || !pthread_equal(pthread_self(), handles[my_index])) wrong_thread++;
    else hit_by[my_index]++;
    last_code = si->si_code;
    last_pid = si->si_pid;
}

static void *worker(void *arg)
{
    my_index = (int)(long)arg;
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR2);
    if (my_index != 1) pthread_sigmask(SIG_BLOCK, &m, NULL);   /* only thread 1 takes SIGUSR2 */
    pthread_barrier_wait(&bar);   /* ready */
    pthread_barrier_wait(&bar);   /* phase 1 done (directed signals) */
    pthread_barrier_wait(&bar);   /* phase 2 done (process-directed) */
    if (my_index == 2) {
        sigset_t p;
        sigpending(&p);
        hit_by[2] += sigismember(&p, SIGUSR2) ? 100 : 0;  /* pending for thread 2 only */
        pthread_sigmask(SIG_UNBLOCK, &m, NULL);           /* delivered here, now */
    }
    pthread_barrier_wait(&bar);
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    my_index = N;
    handles[N] = pthread_self();
    pthread_barrier_init(&bar, NULL, N + 1);
    for (long i = 0; i < N; i++) REQUIRE(pthread_create(&handles[i], NULL, worker, (void *)i) == 0);
    pthread_barrier_wait(&bar);

    /* phase 1: SIGUSR1 to each thread individually, twice to thread 2 */
    for (int i = 0; i < N; i++) {
        int before = hit_by[i];
        REQUIRE(pthread_kill(handles[i], SIGUSR1) == 0);
        while (hit_by[i] == before && !wrong_thread) sched_yield();
    }
    pthread_kill(handles[2], SIGUSR1);
    while (hit_by[2] != 2 && !wrong_thread) sched_yield();
    CHECK("each directed signal ran in its target thread", wrong_thread == 0 && hit_by[0] == 1 && hit_by[1] == 1 && hit_by[2] == 2);
    CHECK("main thread not hit", hit_by[N] == 0);
    CHECK("si_code SI_TKILL", last_code == SI_TKILL);
    CHECK("si_pid == getpid()", last_pid == getpid());
    raise(SIGUSR1);   /* raise targets the calling thread */
    CHECK("raise() runs the handler in the calling thread", hit_by[N] == 1 && wrong_thread == 0);
    pthread_barrier_wait(&bar);

    /* phase 2: process-directed SIGUSR2; main blocks it too, so thread 1 takes it */
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &m, NULL);
    kill(getpid(), SIGUSR2);
    while (hit_by[1] != 2 && !wrong_thread) sched_yield();
    CHECK("kill() delivered to the only thread not blocking it", hit_by[1] == 2 && wrong_thread == 0 && last_code == SI_USER);
    /* phase 3: directed at thread 2, which blocks it */
    pthread_kill(handles[2], SIGUSR2);
    sigset_t p;
    sigpending(&p);
    CHECK("a signal pending for thread 2 is not pending for main", !sigismember(&p, SIGUSR2));
    pthread_barrier_wait(&bar);
    pthread_barrier_wait(&bar);
    for (int i = 0; i < N; i++) pthread_join(handles[i], NULL);
    CHECK("thread 2 saw it pending, then got it when unblocking", hit_by[2] == 103);
    CHECK("pthread_kill with an invalid signal -> EINVAL", pthread_kill(pthread_self(), 999) == EINVAL);
    return 0;
}
