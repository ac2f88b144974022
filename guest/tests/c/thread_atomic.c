/* 4 threads incrementing shared counters with atomics: __atomic_fetch_add
 * (amoadd), a compare-and-swap loop (lr/sc), __atomic_exchange spin lock
 * around a plain counter, fetch_or of per-thread bits; the totals are
 * exact. */
#include "t.h"
#include <pthread.h>

#define N 4
#define ITERS 100000

static long add_counter;
static int cas_counter;
static int spin;
static long locked_counter;
static unsigned long bits;
static pthread_barrier_t start;

static void *worker(void *arg)
{
    long id = (long)arg;
    pthread_barrier_wait(&start);
    for (int i = 0; i < ITERS; i++) {
        __atomic_fetch_add(&add_counter, 1, __ATOMIC_RELAXED);
        int old = __atomic_load_n(&cas_counter, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_counter, &old, old + 2, 1, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) { }
        if ((i & 7) == 0) {
            while (__atomic_exchange_n(&spin, 1, __ATOMIC_ACQUIRE)) { while (__atomic_load_n(&spin, __ATOMIC_RELAXED)) { } }
            locked_counter += 3;   /* plain read-modify-write under the lock */
            __atomic_store_n(&spin, 0, __ATOMIC_RELEASE);
        }
    }
    __atomic_fetch_or(&bits, 1UL << (id * 8), __ATOMIC_SEQ_CST);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&start, NULL, N);
    for (long i = 0; i < N; i++) REQUIRE(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    printf("amoadd counter: %ld (expected %d)\n", add_counter, N * ITERS);
    printf("CAS counter: %d (expected %d)\n", cas_counter, 2 * N * ITERS);
    printf("spin-locked counter: %ld (expected %d)\n", locked_counter, 3 * N * (ITERS / 8));
    CHECK("fetch_or: every thread's bit", bits == 0x01010101UL);
    return 0;
}
