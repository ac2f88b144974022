/* Condition variables: a bounded queue with 2 producers and 2 consumers
 * (not-full / not-empty condition variables); every item is consumed
 * exactly once; broadcast wakes all waiters; timedwait times out. */
#include "t.h"
#include <pthread.h>
#include <time.h>

#define CAP 8
#define PER_PRODUCER 10000
#define STOP (-1L)

static long q[CAP];
static int head, tail, count;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static int seen[2 * PER_PRODUCER];

static void put(long v)
{
    pthread_mutex_lock(&m);
    while (count == CAP) pthread_cond_wait(&not_full, &m);
    q[tail] = v;
    tail = (tail + 1) % CAP;
    count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&m);
}

static long get(void)
{
    pthread_mutex_lock(&m);
    while (count == 0) pthread_cond_wait(&not_empty, &m);
    long v = q[head];
    head = (head + 1) % CAP;
    count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&m);
    return v;
}

static void *producer(void *arg)
{
    long base = (long)arg * PER_PRODUCER;
    for (long i = 0; i < PER_PRODUCER; i++) put(base + i);
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    long n = 0;
    for (;;) {
        long v = get();
        if (v == STOP) break;
        __atomic_fetch_add(&seen[v], 1, __ATOMIC_RELAXED);
        n++;
    }
    return (void *)n;
}

static int ready, released;
static pthread_cond_t bc = PTHREAD_COND_INITIALIZER;
static int go;

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    ready++;
    pthread_cond_broadcast(&not_empty);   /* tell main we wait */
    while (!go) pthread_cond_wait(&bc, &m);
    released++;
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t p[2], c[2];
    for (long i = 0; i < 2; i++) REQUIRE(pthread_create(&c[i], NULL, consumer, NULL) == 0);
    for (long i = 0; i < 2; i++) REQUIRE(pthread_create(&p[i], NULL, producer, (void *)i) == 0);
    for (int i = 0; i < 2; i++) pthread_join(p[i], NULL);
    put(STOP);
    put(STOP);
    long total = 0;
    for (int i = 0; i < 2; i++) { void *r; pthread_join(c[i], &r); total += (long)r; }
    printf("items consumed: %ld (expected %d)\n", total, 2 * PER_PRODUCER);
    int once = 1;
    for (int i = 0; i < 2 * PER_PRODUCER; i++) if (seen[i] != 1) once = 0;
    CHECK("every item consumed exactly once", once);
    CHECK("queue empty at the end", count == 0);

    /* broadcast releases all 3 waiters */
    pthread_t w[3];
    for (int i = 0; i < 3; i++) REQUIRE(pthread_create(&w[i], NULL, waiter, NULL) == 0);
    pthread_mutex_lock(&m);
    while (ready < 3) pthread_cond_wait(&not_empty, &m);
    go = 1;
    pthread_cond_broadcast(&bc);
    pthread_mutex_unlock(&m);
    for (int i = 0; i < 3; i++) pthread_join(w[i], NULL);
    CHECK("broadcast released all 3 waiters", released == 3);

    /* timedwait with nobody signalling */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&m);
    int r = pthread_cond_timedwait(&bc, &m, &ts);
    pthread_mutex_unlock(&m);
    CHECK("timedwait -> ETIMEDOUT (mutex reacquired)", r == ETIMEDOUT);
    /* CLOCK_MONOTONIC condattr */
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_t mono;
    pthread_cond_init(&mono, &ca);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&m);
    r = pthread_cond_timedwait(&mono, &m, &ts);
    pthread_mutex_unlock(&m);
    CHECK("monotonic timedwait -> ETIMEDOUT", r == ETIMEDOUT);
    return 0;
}
