/* pthread mutexes: 4 threads incrementing a plain counter under a mutex
 * (exact total, contention through futex waits), trylock EBUSY, recursive
 * and error-checking mutexes (EDEADLK, EPERM), timedlock ETIMEDOUT while
 * another thread holds it. */
#include "t.h"
#include <pthread.h>
#include <time.h>

#define N 4
#define ITERS 50000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static long per_thread[N];

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&m);
        counter++;
        per_thread[id]++;
        if ((i & 1023) == 0) sched_yield();   /* yield while holding it: others block */
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static int holder_state;

static void *holder(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&held);
    pthread_mutex_lock(&gate);
    holder_state = 1;
    pthread_cond_signal(&gate_cv);
    while (holder_state != 2) pthread_cond_wait(&gate_cv, &gate);
    pthread_mutex_unlock(&gate);
    pthread_mutex_unlock(&held);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (long i = 0; i < N; i++) REQUIRE(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    printf("mutex counter: %ld (expected %d)\n", counter, N * ITERS);
    int each = 1;
    for (int i = 0; i < N; i++) if (per_thread[i] != ITERS) each = 0;
    CHECK("each thread counted its own iterations", each);

    /* a mutex held by another thread */
    pthread_t h;
    REQUIRE(pthread_create(&h, NULL, holder, NULL) == 0);
    pthread_mutex_lock(&gate);
    while (holder_state != 1) pthread_cond_wait(&gate_cv, &gate);
    pthread_mutex_unlock(&gate);
    CHECK("trylock of a held mutex -> EBUSY", pthread_mutex_trylock(&held) == EBUSY);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 30 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    CHECK("timedlock of a held mutex -> ETIMEDOUT", pthread_mutex_timedlock(&held, &ts) == ETIMEDOUT);
    pthread_mutex_lock(&gate);
    holder_state = 2;
    pthread_cond_signal(&gate_cv);
    pthread_mutex_unlock(&gate);
    CHECK("lock succeeds once released", pthread_mutex_lock(&held) == 0);
    pthread_join(h, NULL);
    CHECK("unlock", pthread_mutex_unlock(&held) == 0);

    /* recursive */
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t r;
    pthread_mutex_init(&r, &a);
    CHECK("recursive: lock 3 times", pthread_mutex_lock(&r) == 0 && pthread_mutex_lock(&r) == 0 && pthread_mutex_trylock(&r) == 0);
    CHECK("recursive: unlock 3 times", pthread_mutex_unlock(&r) == 0 && pthread_mutex_unlock(&r) == 0 && pthread_mutex_unlock(&r) == 0);
    CHECK("recursive: 4th unlock -> EPERM", pthread_mutex_unlock(&r) == EPERM);
    /* error checking */
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_t e;
    pthread_mutex_init(&e, &a);
    CHECK("errorcheck: relock -> EDEADLK", pthread_mutex_lock(&e) == 0 && pthread_mutex_lock(&e) == EDEADLK);
    CHECK("errorcheck: unlock", pthread_mutex_unlock(&e) == 0);
    CHECK("errorcheck: unlock unlocked -> EPERM", pthread_mutex_unlock(&e) == EPERM);
    pthread_mutexattr_destroy(&a);
    return 0;
}
