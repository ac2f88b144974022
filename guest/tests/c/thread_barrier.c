/* pthread_barrier: 4 threads through 100 rounds; in each round exactly one
 * gets PTHREAD_BARRIER_SERIAL_THREAD, and nobody starts round r+1 before
 * everybody finished round r. */
#include "t.h"
#include <pthread.h>

#define N 4
#define ROUNDS 100
static pthread_barrier_t bar;
static int arrived[ROUNDS];
static int serial[ROUNDS];
static int violations;

static void *worker(void *arg)
{
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        __atomic_fetch_add(&arrived[r], 1, __ATOMIC_SEQ_CST);
        int s = pthread_barrier_wait(&bar);
        if (s == PTHREAD_BARRIER_SERIAL_THREAD) __atomic_fetch_add(&serial[r], 1, __ATOMIC_SEQ_CST);
        else if (s != 0) __atomic_fetch_add(&violations, 1000, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(&arrived[r], __ATOMIC_SEQ_CST) != N) __atomic_fetch_add(&violations, 1, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

int main(void)
{
    CHECK("barrier count 0 -> EINVAL", pthread_barrier_init(&bar, NULL, 0) == EINVAL);
    REQUIRE(pthread_barrier_init(&bar, NULL, N) == 0);
    pthread_t t[N];
    for (long i = 0; i < N; i++) REQUIRE(pthread_create(&t[i], NULL, worker, NULL) == 0);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    int one = 1;
    for (int r = 0; r < ROUNDS; r++) if (serial[r] != 1) one = 0;
    CHECK("exactly one serial thread per round", one);
    CHECK("nobody passed a barrier early", violations == 0);
    CHECK("destroy", pthread_barrier_destroy(&bar) == 0);
    pthread_barrier_t b1;
    pthread_barrier_init(&b1, NULL, 1);
    CHECK("barrier of 1: the caller is the serial thread", pthread_barrier_wait(&b1) == PTHREAD_BARRIER_SERIAL_THREAD);
    return 0;
}
