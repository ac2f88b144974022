/*
 * syscallbench - the cost of one system call, by how it is served.
 *   syscallbench direct [N]   getppid N times: handled by the kernel, or by whatever
 *                             --serve put under this program (subcons bench syscalls)
 *   syscallbench pipe [N]     the same service from a server process over a pipe pair
 *                             (the microkernel way): request and reply, N round trips
 * Prints: "MODE N calls, NS ns per call".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static long direct(long n) {
    long sum = 0;
    for (long i = 0; i < n; i++) sum += syscall(SYS_getppid);
    return sum;
}

static int req[2], rep[2];

static void pipe_server(void) {
    long v, answer = getppid();
    while (read(req[0], &v, sizeof v) == sizeof v) {
        if (write(rep[1], &answer, sizeof answer) != sizeof answer) break;
    }
    _exit(0);
}

static long piped(long n) {
    long sum = 0, v = 0, r;
    for (long i = 0; i < n; i++) {
        if (write(req[1], &v, sizeof v) != sizeof v || read(rep[0], &r, sizeof r) != sizeof r) {
            perror("pipe round trip");
            exit(1);
        }
        sum += r;
    }
    return sum;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "direct";
    int pipe_mode = strcmp(mode, "pipe") == 0;
    long n = argc > 2 ? atol(argv[2]) : pipe_mode ? 20000 : 1000000;
    pid_t child = -1;
    if (pipe_mode) {
        if (pipe(req) || pipe(rep)) { perror("pipe"); return 1; }
        child = fork();
        if (child == 0) {
            close(req[1]);
            close(rep[0]);
            pipe_server();
        }
        close(req[0]);
        close(rep[1]);
    }
    long (*run)(long) = pipe_mode ? piped : direct;
    run(n / 4 + 1);                                 /* warm up: the JIT compiles the loop */
    double t0 = now_ns();
    long sum = run(n);
    double t1 = now_ns();
    if (sum == 42) puts("");                        /* keep the calls */
    printf("%s %ld calls, %.1f ns per call\n", mode, n, (t1 - t0) / n);
    if (pipe_mode) {
        close(req[1]);
        waitpid(child, 0, 0);
    }
    return 0;
}
