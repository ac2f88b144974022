/* POSIX semaphores (futex based): sem_wait blocks until another thread
 * posts, sem_trywait EAGAIN on zero, sem_timedwait ETIMEDOUT, sem_getvalue,
 * a semaphore as a counting resource pool for 4 threads (never more than
 * 2 inside), ping-pong between two threads 1000 times. */
#include "t.h"
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static sem_t pool, ping, pong;
static int inside, max_inside;
static long work;

static void *user(void *arg)
{
    (void)arg;
    for (int i = 0; i < 500; i++) {
        sem_wait(&pool);
        int n = __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);
        int m = __atomic_load_n(&max_inside, __ATOMIC_SEQ_CST);
        while (n > m && !__atomic_compare_exchange_n(&max_inside, &m, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) { }
        __atomic_fetch_add(&work, 1, __ATOMIC_SEQ_CST);
        __atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
        sem_post(&pool);
    }
    return NULL;
}

static void *ponger(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) { sem_wait(&ping); sem_post(&pong); }
    return NULL;
}

static sem_t late;
static void *late_poster(void *arg)
{
    (void)arg;
    usleep(20000);
    sem_post(&late);
    return NULL;
}

int main(void)
{
    sem_t s;
    int v;
    CHECK("sem_init 2", sem_init(&s, 0, 2) == 0 && sem_getvalue(&s, &v) == 0 && v == 2);
    CHECK("two trywaits succeed", sem_trywait(&s) == 0 && sem_trywait(&s) == 0);
    CHECK("third trywait -> EAGAIN", sem_trywait(&s) == -1 && errno == EAGAIN);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    CHECK("timedwait on zero -> ETIMEDOUT", sem_timedwait(&s, &ts) == -1 && errno == ETIMEDOUT);
    ts.tv_nsec = 2000000000L;
    CHECK("timedwait bad timespec -> EINVAL", sem_timedwait(&s, &ts) == -1 && errno == EINVAL);
    sem_post(&s);
    CHECK("post makes it 1", sem_getvalue(&s, &v) == 0 && v == 1);

    sem_init(&late, 0, 0);
    pthread_t lp;
    pthread_create(&lp, NULL, late_poster, NULL);
    CHECK("sem_wait blocks until another thread posts", sem_wait(&late) == 0);
    pthread_join(lp, NULL);

    sem_init(&pool, 0, 2);
    pthread_t u[4];
    for (int i = 0; i < 4; i++) REQUIRE(pthread_create(&u[i], NULL, user, NULL) == 0);
    for (int i = 0; i < 4; i++) pthread_join(u[i], NULL);
    CHECK("pool: never more than 2 inside", max_inside <= 2 && max_inside >= 1);
    CHECK("pool: all 2000 uses done", work == 2000);
    CHECK("pool: value back to 2", sem_getvalue(&pool, &v) == 0 && v == 2);

    sem_init(&ping, 0, 0);
    sem_init(&pong, 0, 0);
    pthread_t pg;
    pthread_create(&pg, NULL, ponger, NULL);
    int rounds = 0;
    for (int i = 0; i < 1000; i++) { sem_post(&ping); sem_wait(&pong); rounds++; }
    pthread_join(pg, NULL);
    CHECK("1000 ping-pong rounds", rounds == 1000 && sem_getvalue(&ping, &v) == 0 && v == 0);
    return 0;
}
