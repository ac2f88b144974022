/* Thread identity: pthread_self and gettid differ per thread, getpid is the
 * same everywhere, the main thread's tid is the pid, a new thread's tid is
 * not, tgkill with signal 0 finds live threads, a joined thread's tid is
 * gone. */
#include "t.h"
#include <pthread.h>
#include <signal.h>

#define N 3
static pthread_barrier_t bar;
static pid_t tids[N], pids[N];
static pthread_t selves[N];

static void *worker(void *arg)
{
    long id = (long)arg;
    tids[id] = (pid_t)syscall(SYS_gettid);
    pids[id] = getpid();
    selves[id] = pthread_self();
    pthread_barrier_wait(&bar);   /* stay alive until main checked */
    pthread_barrier_wait(&bar);
    return NULL;
}

int main(void)
{
    pthread_barrier_init(&bar, NULL, N + 1);
    pthread_t t[N];
    for (long i = 0; i < N; i++) REQUIRE(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    pthread_barrier_wait(&bar);
    pid_t me = getpid();
    CHECK("main thread: gettid == getpid", syscall(SYS_gettid) == me);
    int samepid = 1, tid_ne_pid = 1, distinct = 1, selfmatch = 1, alive = 1;
    for (int i = 0; i < N; i++) {
        samepid &= pids[i] == me;
        tid_ne_pid &= tids[i] != me && tids[i] > 0;
        selfmatch &= pthread_equal(selves[i], t[i]) && !pthread_equal(selves[i], pthread_self());
        alive &= syscall(SYS_tgkill, me, tids[i], 0) == 0;
        for (int j = 0; j < i; j++) distinct &= tids[i] != tids[j] && !pthread_equal(selves[i], selves[j]);
    }
    CHECK("getpid is the same in every thread", samepid);
    CHECK("thread tids differ from the pid", tid_ne_pid);
    CHECK("tids and pthread_self values pairwise distinct", distinct);
    CHECK("pthread_self in the thread == pthread_create's handle", selfmatch);
    CHECK("tgkill(pid, tid, 0) finds each live thread", alive);
    CHECK("tgkill with the wrong tgid -> ESRCH", syscall(SYS_tgkill, me + 0x3fff0000, tids[0], 0) == -1 && errno == ESRCH);
    pthread_barrier_wait(&bar);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    /* the kernel clears the tid (waking join) slightly before the thread is
     * released: poll for a while */
    int gone = 1;
    for (int i = 0; i < N; i++) {
        int spins = 0;
        while (syscall(SYS_tgkill, me, tids[i], 0) == 0 && spins++ < 1000) usleep(1000);
        gone &= syscall(SYS_tgkill, me, tids[i], 0) == -1 && errno == ESRCH;
    }
    CHECK("joined threads' tids go away (ESRCH)", gone);
    return 0;
}
