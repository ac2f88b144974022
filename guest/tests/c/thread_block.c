/* Threads blocked in system calls are woken by other threads: read() on an
 * empty pipe by a writer thread, write() on a full pipe by a reader
 * thread, waitpid() by a child's exit while another thread runs, a 1 MiB
 * stream between two threads through a pipe. */
#include "t.h"
#include <pthread.h>
#include <sys/wait.h>

static int p[2];
static volatile int reader_started;

static void *reader(void *arg)
{
    (void)arg;
    char b[16] = { 0 };
    reader_started = 1;
    ssize_t n = read(p[0], b, sizeof b);   /* blocks: nothing written yet */
    return (void *)(long)(n == 5 && memcmp(b, "wake!", 5) == 0);
}

static void *drainer(void *arg)
{
    (void)arg;
    usleep(30000);
    static char b[65536];
    long total = 0;
    ssize_t n;
    while ((n = read(p[0], b, sizeof b)) > 0) total += n;
    return (void *)total;
}

static void *streamer(void *arg)
{
    (void)arg;
    static unsigned char b[7777];
    uint64_t s = 99;
    long left = 1 << 20;
    while (left > 0) {
        size_t n = left < (long)sizeof b ? (size_t)left : sizeof b;
        for (size_t i = 0; i < n; i++) b[i] = (unsigned char)t_rand(&s);
        for (size_t off = 0; off < n;) { ssize_t w = write(p[1], b + off, n - off); if (w <= 0) return NULL; off += (size_t)w; }
        left -= (long)n;
    }
    close(p[1]);
    return NULL;
}

static void *child_waiter(void *arg)
{
    pid_t c = (pid_t)(long)arg;
    int st;
    if (waitpid(c, &st, 0) != c) return (void *)-1L;
    return (void *)(long)WEXITSTATUS(st);
}

int main(void)
{
    REQUIRE(pipe(p) == 0);
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    while (!reader_started) sched_yield();
    usleep(30000);
    write(p[1], "wake!", 5);
    void *r;
    pthread_join(t, &r);
    CHECK("reader thread woken by a write from main", (long)r == 1);

    /* writer blocked on a full pipe, woken by a reader thread */
    static char chunk[1 << 18];
    memset(chunk, 'w', sizeof chunk);
    pthread_create(&t, NULL, drainer, NULL);
    ssize_t w = write(p[1], chunk, sizeof chunk);   /* 256 KiB > capacity: blocks until drained */
    close(p[1]);
    pthread_join(t, &r);
    CHECK("256 KiB write to a pipe completed while a thread drained it", w == (ssize_t)sizeof chunk && (long)r == (long)sizeof chunk);
    close(p[0]);

    /* 1 MiB stream thread -> main */
    REQUIRE(pipe(p) == 0);
    pthread_create(&t, NULL, streamer, NULL);
    static unsigned char b[4096];
    uint64_t s = 99, h1 = 1469598103934665603ULL, h2 = h1;
    long total = 0;
    ssize_t n;
    while ((n = read(p[0], b, sizeof b)) > 0) {
        for (ssize_t i = 0; i < n; i++) { h1 ^= b[i]; h1 *= 1099511628211ULL; }
        total += n;
    }
    for (long i = 0; i < (1 << 20); i++) {
        unsigned char c = (unsigned char)t_rand(&s);
        h2 ^= c; h2 *= 1099511628211ULL;
    }
    pthread_join(t, NULL);
    CHECK("1 MiB through a pipe between threads, bytes intact", total == (1 << 20) && h1 == h2);

    /* a thread waiting for a child */
    int go[2];
    pipe(go);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) { char x; close(go[1]); read(go[0], &x, 1); _exit(17); }
    close(go[0]);
    pthread_create(&t, NULL, child_waiter, (void *)(long)c);
    usleep(20000);
    close(go[1]);
    pthread_join(t, &r);
    CHECK("thread blocked in waitpid got the child's status 17", (long)r == 17);
    return 0;
}
