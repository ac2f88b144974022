/* pthread_once: with 8 threads racing, the init routine runs exactly once
 * and every caller returns only after it finished; a second once_control
 * runs its own routine; call_once-style reuse in the main thread. */
#include "t.h"
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT, once2 = PTHREAD_ONCE_INIT;
static int calls, calls2, init_done;
static pthread_barrier_t bar;
static int saw_done[8];

static void init(void)
{
    __atomic_fetch_add(&calls, 1, __ATOMIC_SEQ_CST);
    usleep(20000);                 /* others must wait for us */
    __atomic_store_n(&init_done, 1, __ATOMIC_SEQ_CST);
}

static void init2(void) { calls2++; }

static void *worker(void *arg)
{
    long id = (long)arg;
    pthread_barrier_wait(&bar);
    pthread_once(&once, init);
    saw_done[id] = __atomic_load_n(&init_done, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(void)
{
    pthread_barrier_init(&bar, NULL, 8);
    pthread_t t[8];
    for (long i = 0; i < 8; i++) REQUIRE(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
    int all = 1;
    for (int i = 0; i < 8; i++) all &= saw_done[i];
    CHECK("init ran exactly once", calls == 1);
    CHECK("every caller returned after init finished", all);
    pthread_once(&once, init);
    CHECK("later call does not run it again", calls == 1);
    pthread_once(&once2, init2);
    pthread_once(&once2, init2);
    CHECK("second control runs its own routine once", calls2 == 1);
    return 0;
}
