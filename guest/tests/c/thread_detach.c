/* Detached threads (pthread_detach and the DETACHED attribute) run to
 * completion and report through a semaphore; joining one fails with
 * EINVAL; pthread_exit in a thread leaves main running; pthread_exit in
 * main lets the other threads finish, and the process exits 0 after the
 * last one (its output comes last). */
#include "t.h"
#include <pthread.h>
#include <semaphore.h>

static sem_t done;
static int results[4];

static void *job(void *arg)
{
    long id = (long)arg;
    usleep(1000 * (int)id);
    results[id] = (int)(id * 10);
    sem_post(&done);
    return NULL;
}

static void *waits(void *arg)
{
    sem_wait((sem_t *)arg);
    sem_post(&done);
    return NULL;
}

static void *exits_early(void *arg)
{
    (void)arg;
    results[3] = 1;
    pthread_exit(NULL);
    results[3] = 2;   /* not reached */
    return NULL;
}

static pthread_t main_thread;

static void *outlives_main(void *arg)
{
    (void)arg;
    /* main has called pthread_exit: wait until it is gone from our view
     * by joining it (allowed: main is joinable), then finish */
    void *r = (void *)1;
    int j = pthread_join(main_thread, &r);
    printf("last thread: joined the exited main thread, value NULL: %s\n", j == 0 && r == NULL ? "yes" : "no");
    printf("last thread: finishing; the process exits 0 after me\n");
    fflush(stdout);
    return NULL;
}

int main(void)
{
    sem_init(&done, 0, 0);
    pthread_t t;
    REQUIRE(pthread_create(&t, NULL, job, (void *)0L) == 0);
    CHECK("pthread_detach", pthread_detach(t) == 0);
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    int ds;
    pthread_attr_getdetachstate(&at, &ds);
    CHECK("attribute says detached", ds == PTHREAD_CREATE_DETACHED);
    pthread_t t2;
    REQUIRE(pthread_create(&t2, &at, job, (void *)1L) == 0);
    pthread_t t3;
    REQUIRE(pthread_create(&t3, &at, job, (void *)2L) == 0);
    for (int i = 0; i < 3; i++) sem_wait(&done);
    CHECK("three detached threads finished their work", results[0] == 0 && results[1] == 10 && results[2] == 20);
    pthread_t blocked;
    sem_t hold;
    sem_init(&hold, 0, 0);
    REQUIRE(pthread_create(&blocked, &at, waits, &hold) == 0);
    CHECK("joining a (live) detached thread -> EINVAL", pthread_join(blocked, NULL) == EINVAL);
    sem_post(&hold);
    sem_wait(&done);

    pthread_t e;
    REQUIRE(pthread_create(&e, NULL, exits_early, NULL) == 0);
    void *r;
    CHECK("pthread_exit(NULL) in a thread; main goes on", pthread_join(e, &r) == 0 && r == NULL && results[3] == 1);

    /* many detached threads in flight at once */
    for (int i = 0; i < 20; i++) { pthread_t d; REQUIRE(pthread_create(&d, &at, job, (void *)0L) == 0); }
    for (int i = 0; i < 20; i++) sem_wait(&done);
    CHECK("20 detached threads all posted", 1);
    pthread_attr_destroy(&at);

    main_thread = pthread_self();
    pthread_t last;
    REQUIRE(pthread_create(&last, NULL, outlives_main, NULL) == 0);
    printf("main: calling pthread_exit\n");
    fflush(stdout);
    pthread_exit((void *)0);
}
