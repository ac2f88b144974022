/* pthread_create/pthread_join: arguments in, return values out (return and
 * pthread_exit), joining in any order, 100 short-lived threads, a thread
 * creating a thread, EDEADLK for joining oneself, a 1 MiB stack attribute. */
#include "t.h"
#include <pthread.h>

static void *square(void *arg)
{
    long v = (long)arg;
    return (void *)(v * v);
}

static void *via_exit(void *arg)
{
    pthread_exit((void *)((long)arg + 1000));
    return NULL;
}

static void *nested(void *arg)
{
    (void)arg;
    pthread_t t;
    void *r;
    if (pthread_create(&t, NULL, square, (void *)12L) != 0) return (void *)-1L;
    pthread_join(t, &r);
    return r;
}

static void *self_join(void *arg)
{
    (void)arg;
    return (void *)(long)pthread_join(pthread_self(), NULL);
}

static void *big_stack(void *arg)
{
    volatile char buf[512 * 1024];   /* uses most of a 1 MiB stack */
    for (size_t i = 0; i < sizeof buf; i += 4096) buf[i] = (char)i;
    long s = 0;
    for (size_t i = 0; i < sizeof buf; i += 4096) s += buf[i];
    return (void *)(s + (long)arg);
}

int main(void)
{
    pthread_t t[8];
    for (long i = 0; i < 8; i++) REQUIRE(pthread_create(&t[i], NULL, square, (void *)i) == 0);
    int ok = 1;
    for (int i = 7; i >= 0; i--) {   /* reverse order */
        void *r;
        if (pthread_join(t[i], &r) != 0 || (long)r != (long)i * i) ok = 0;
    }
    CHECK("8 threads: arguments and return values", ok);

    pthread_t e;
    void *r;
    REQUIRE(pthread_create(&e, NULL, via_exit, (void *)5L) == 0);
    CHECK("pthread_exit value reaches join", pthread_join(e, &r) == 0 && (long)r == 1005);

    long sum = 0;
    for (long i = 0; i < 100; i++) {
        pthread_t s;
        REQUIRE(pthread_create(&s, NULL, square, (void *)i) == 0);
        REQUIRE(pthread_join(s, &r) == 0);
        sum += (long)r;
    }
    CHECK("100 sequential threads: sum of squares 328350", sum == 328350);

    pthread_t n;
    REQUIRE(pthread_create(&n, NULL, nested, NULL) == 0);
    CHECK("thread creating and joining a thread", pthread_join(n, &r) == 0 && (long)r == 144);

    REQUIRE(pthread_create(&n, NULL, self_join, NULL) == 0);
    CHECK("joining oneself -> EDEADLK", pthread_join(n, &r) == 0 && (long)r == EDEADLK);
    CHECK("main joining itself -> EDEADLK", pthread_join(pthread_self(), NULL) == EDEADLK);

    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 1 << 20);
    REQUIRE(pthread_create(&n, &at, big_stack, (void *)1L) == 0);
    long want = 1;
    for (size_t i = 0; i < 512 * 1024; i += 4096) want += (char)i;
    CHECK("1 MiB stack attribute, 512 KiB used", pthread_join(n, &r) == 0 && (long)r == want);
    pthread_attr_destroy(&at);

    /* 16 threads alive at once */
    pthread_t many[16];
    for (long i = 0; i < 16; i++) REQUIRE(pthread_create(&many[i], NULL, square, (void *)(i + 100)) == 0);
    ok = 1;
    for (long i = 0; i < 16; i++) { pthread_join(many[i], &r); if ((long)r != (i + 100) * (i + 100)) ok = 0; }
    CHECK("16 concurrent threads", ok);
    CHECK("pthread_equal(self, self)", pthread_equal(pthread_self(), pthread_self()));
    return 0;
}
