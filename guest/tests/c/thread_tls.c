/* Thread-local storage: __thread variables (initialised .tdata and zeroed
 * .tbss, a large TLS array) start fresh in every thread, writes stay
 * per-thread, addresses differ between threads; pthread keys with
 * destructors run at thread exit. */
#include "t.h"
#include <pthread.h>

#define N 4
static __thread long tdata = 42;
static __thread long tbss;
static __thread char tarr[10000] = { 1, 2, 3 };
static pthread_barrier_t bar;
static long *addr[N + 1];
static int fresh[N + 1], kept[N + 1];
static pthread_key_t key;
static int destructed;

static void dtor(void *p)
{
    __atomic_fetch_add(&destructed, (int)(long)p, __ATOMIC_SEQ_CST);
}

static void *worker(void *arg)
{
    long id = (long)arg;
    fresh[id] = tdata == 42 && tbss == 0 && tarr[0] == 1 && tarr[2] == 3 && tarr[9999] == 0;
    tdata = 1000 + id;
    tbss = id;
    tarr[9999] = (char)id;
    addr[id] = &tdata;
    pthread_setspecific(key, (void *)(id + 1));
    pthread_barrier_wait(&bar);    /* all threads wrote their copies */
    pthread_barrier_wait(&bar);    /* main checked */
    kept[id] = tdata == 1000 + id && tbss == id && tarr[9999] == (char)id && (long)pthread_getspecific(key) == id + 1;
    return NULL;
}

int main(void)
{
    pthread_key_create(&key, dtor);
    pthread_barrier_init(&bar, NULL, N + 1);
    tdata = 7;
    tbss = 8;
    pthread_t t[N];
    for (long i = 0; i < N; i++) REQUIRE(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    pthread_barrier_wait(&bar);
    addr[N] = &tdata;
    int distinct = 1;
    for (int i = 0; i <= N; i++)
        for (int j = 0; j < i; j++) if (addr[i] == addr[j]) distinct = 0;
    CHECK("main's TLS unchanged by the threads", tdata == 7 && tbss == 8 && tarr[9999] == 0);
    pthread_barrier_wait(&bar);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    int f = 1, k = 1;
    for (int i = 0; i < N; i++) { f &= fresh[i]; k &= kept[i]; }
    CHECK("each thread starts with the initial TLS image", f);
    CHECK("each thread keeps its own values", k);
    CHECK("&tdata differs in all 5 threads", distinct);
    CHECK("key destructors ran with each thread's value (1+2+3+4)", destructed == 10);
    CHECK("main's key value unset", pthread_getspecific(key) == NULL);
    return 0;
}
