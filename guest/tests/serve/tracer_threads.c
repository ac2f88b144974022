/*
 * Under `--serve 'tracer -o $CWD/trace.txt'`: four threads make calls at once; each call's
 * line carries the tid of the thread that made it, and lines never mix (every line of the
 * file is one whole trace line). A thread's exit is shown " = ?" with its note.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/syscall.h>
#include "tracer_test.h"

#define THREADS 4
#define CALLS 40
static int tids[THREADS];
static int devnull;

static void *run(void *arg) {
    int k = (int) (long) arg;
    char msg[16];
    int n = snprintf(msg, sizeof msg, "thread-%d", k);
    tids[k] = (int) syscall(SYS_gettid);
    for (int i = 0; i < CALLS; i++) write(devnull, msg, (size_t) n);
    return 0;
}

int main(void) {
    devnull = open("/dev/null", O_WRONLY);
    pthread_t th[THREADS];
    for (int k = 0; k < THREADS; k++) pthread_create(&th[k], 0, run, (void *) (long) k);
    for (int k = 0; k < THREADS; k++) pthread_join(th[k], 0);
    char *t = slurp("trace.txt");
    int ok = 1, exits = 1, own = 1;
    for (int k = 0; k < THREADS; k++) {
        char want[64];
        snprintf(want, sizeof want, "\"thread-%d\", 8) = 8", k);
        int all = count_lines(t, want);
        snprintf(want, sizeof want, "[pid %d] write(%d, \"thread-%d\", 8) = 8", tids[k], devnull, k);
        ok &= all == CALLS && count_lines(t, want) == CALLS;
        own &= tids[k] != getpid();
        exits &= has_line(t, "[pid %d] exit(0) = ?", tids[k]) && has_line(t, "[pid %d] +++ exited with 0 +++", tids[k]);
    }
    check("threads have their own tids", own);
    check("each thread's writes under its tid", ok);
    check("each thread's exit", exits);
    int lines = count_lines(t, ""), whole = 0;
    for (const char *l = t; *l;) {
        const char *e = strchr(l, '\n');
        if (!e) break;
        if (!strncmp(l, "[pid ", 5) && (memmem(l, (size_t) (e - l), ") = ", 4) || memmem(l, (size_t) (e - l), "+++ exited", 10)))
            whole++;
        l = e + 1;
    }
    check("every line whole", lines == whole && lines > THREADS * CALLS);
    return 0;
}
