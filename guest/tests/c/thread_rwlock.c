/* pthread_rwlock: several readers hold the lock at once, a writer is
 * exclusive (no reader or other writer inside while it writes), the data
 * written under the write lock is consistent for every reader; tryrdlock
 * and trywrlock return EBUSY against a writer / a reader. */
#include "t.h"
#include <pthread.h>

#define READERS 3
#define WRITERS 2
#define ITERS 3000
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long a, b;                   /* invariant under the lock: b == 2 * a */
static int readers_in, writers_in;
static int bad;

static void *reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_rwlock_rdlock(&rw);
        __atomic_add_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(&writers_in, __ATOMIC_SEQ_CST) != 0 || b != 2 * a) __atomic_fetch_add(&bad, 1, __ATOMIC_SEQ_CST);
        __atomic_sub_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS / 3; i++) {
        pthread_rwlock_wrlock(&rw);
        if (__atomic_add_fetch(&writers_in, 1, __ATOMIC_SEQ_CST) != 1 || __atomic_load_n(&readers_in, __ATOMIC_SEQ_CST) != 0)
            __atomic_fetch_add(&bad, 1, __ATOMIC_SEQ_CST);
        a++;
        b += 2;
        __atomic_sub_fetch(&writers_in, 1, __ATOMIC_SEQ_CST);
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static pthread_barrier_t bar;
static void *hold_read(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    pthread_barrier_wait(&bar);
    pthread_barrier_wait(&bar);
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void)
{
    pthread_t r[READERS], w[WRITERS];
    for (int i = 0; i < READERS; i++) REQUIRE(pthread_create(&r[i], NULL, reader, NULL) == 0);
    for (int i = 0; i < WRITERS; i++) REQUIRE(pthread_create(&w[i], NULL, writer, NULL) == 0);
    for (int i = 0; i < READERS; i++) pthread_join(r[i], NULL);
    for (int i = 0; i < WRITERS; i++) pthread_join(w[i], NULL);
    CHECK("writers exclusive, readers saw consistent data", bad == 0);
    printf("writes: %ld (expected %d)\n", a, WRITERS * (ITERS / 3));

    /* EBUSY cases, and readers sharing */
    pthread_barrier_init(&bar, NULL, 2);
    pthread_t h;
    pthread_create(&h, NULL, hold_read, NULL);
    pthread_barrier_wait(&bar);
    CHECK("trywrlock while another thread reads -> EBUSY", pthread_rwlock_trywrlock(&rw) == EBUSY);
    CHECK("tryrdlock while another thread reads -> 0 (shared)", pthread_rwlock_tryrdlock(&rw) == 0);
    pthread_rwlock_unlock(&rw);
    pthread_barrier_wait(&bar);
    pthread_join(h, NULL);
    CHECK("wrlock", pthread_rwlock_wrlock(&rw) == 0);
    CHECK("wrlock held: rdlock by the owner -> EDEADLK", pthread_rwlock_rdlock(&rw) == EDEADLK);
    pthread_rwlock_unlock(&rw);
    return 0;
}
