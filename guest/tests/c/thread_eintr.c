/* Signals interrupting blocked system calls in a thread (the signal is
 * re-sent every 10 ms until the call returns, so it need not arrive while
 * blocked the first time):
 *  - nanosleep returns EINTR with the remaining time, with or without
 *    SA_RESTART (never restarted);
 *  - read() on an empty pipe fails with EINTR without SA_RESTART;
 *  - with SA_RESTART the read is restarted and returns the data written
 *    after the signals. */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>

static volatile int handled;
static volatile int done;
static int p[2];
static struct timespec rem;

static void handler(int s) { (void)s; handled++; }

static void set_handler(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
}

static void *sleeper(void *arg)
{
    (void)arg;
    struct timespec ts = { 10, 0 };
    errno = 0;
    long r = nanosleep(&ts, &rem);
    long e = errno;
    done = 1;
    return (void *)(r == -1 ? e : 0);
}

static void *reader(void *arg)
{
    (void)arg;
    char b[8] = { 0 };
    errno = 0;
    ssize_t n = read(p[0], b, sizeof b);
    long e = errno;
    done = 1;
    if (n < 0) return (void *)e;
    return (void *)(long)(n == 3 && memcmp(b, "abc", 3) == 0 ? 1000 : 2000);
}

/* signal t every 10 ms until it sets done (at most 5 s) */
static void poke(pthread_t t, int max_pokes)
{
    for (int i = 0; i < 500 && !done && (max_pokes == 0 || i < max_pokes); i++) {
        pthread_kill(t, SIGUSR1);
        usleep(10000);
    }
}

int main(void)
{
    pthread_t t;
    void *r;
    for (int restart = 0; restart <= 1; restart++) {
        set_handler(restart ? SA_RESTART : 0);
        done = 0; handled = 0;
        pthread_create(&t, NULL, sleeper, NULL);
        poke(t, 0);
        pthread_join(t, &r);
        printf("nanosleep, SA_RESTART %s: %s\n", restart ? "on" : "off", errname((int)(long)r));
        CHECK("  handler ran", handled >= 1);
        /* Linux may report up to the timer slack (50 us) more than asked */
        CHECK("  remaining time reported (0 < rem < 10 s + 1 ms)", (rem.tv_sec > 0 || rem.tv_nsec > 0) && (rem.tv_sec < 10 || (rem.tv_sec == 10 && rem.tv_nsec < 1000000)));
    }

    REQUIRE(pipe(p) == 0);
    set_handler(0);
    done = 0; handled = 0;
    pthread_create(&t, NULL, reader, NULL);
    poke(t, 0);
    pthread_join(t, &r);
    printf("read, SA_RESTART off: %s\n", errname((int)(long)r));
    CHECK("  handler ran", handled >= 1);

    set_handler(SA_RESTART);
    done = 0; handled = 0;
    pthread_create(&t, NULL, reader, NULL);
    poke(t, 20);               /* 20 signals, each restarting the read */
    CHECK("  still blocked after 20 signals", !done);
    write(p[1], "abc", 3);
    pthread_join(t, &r);
    printf("read, SA_RESTART on: %s\n", (long)r == 1000 ? "restarted, got the data" : errname((int)(long)r));
    CHECK("  handler ran", handled >= 1);
    return 0;
}
