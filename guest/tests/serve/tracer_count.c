/*
 * Under `--serve 'tracer -c'`: no line per call, a summary table when the program ends,
 * with exact counts across threads and a forked child (the tracer's counters are shared):
 * getppid 7 times here, 5 times in each of two threads and 4 times in a child: 21 calls;
 * fchdir(-1) 3 times: 3 calls, 3 errors.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "tracer_test.h"

static void *five(void *arg) {
    for (int i = 0; i < 5; i++) syscall(SYS_getppid);
    return arg;
}

int main(void) {
    for (int i = 0; i < 7; i++) syscall(SYS_getppid);
    for (int i = 0; i < 3; i++) syscall(SYS_fchdir, -1);
    pthread_t a, b;
    pthread_create(&a, 0, five, 0);
    pthread_create(&b, 0, five, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    pid_t c = fork();
    if (c == 0) {
        for (int i = 0; i < 4; i++) syscall(SYS_getppid);
        _exit(0);
    }
    waitpid(c, 0, 0);
    printf("done\n");
    return 0;
}
