/*
 * scmapbench: the cost of mapping (and unmapping) a page in a subcontext attached to N
 * processes, for N = 1, 10, 100, 1000. The subcontext is SC_SHARE_ON_FORK; children stay
 * blocked on a pipe while the parent maps. Prints "map_unmap_ns N ns" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "subcons.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    int max = argc > 1 ? atoi(argv[1]) : 1000;
    long shared = sc_create("shared", SC_SHARE_ON_FORK);
    if (shared < 0 || sc_attach(shared, 0, 0) < 0) return 1;
    int hold[2];
    if (pipe(hold) < 0) return 1;
    int procs = 1;
    char *where = (char *) 0x200000000000UL;
    for (int i = 0; i < 5000; i++) {                    /* warm up: compiled code, not cold code, is measured */
        sc_mmap(shared, where, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        sc_munmap(shared, where, 4096);
    }
    for (int target = 1; target <= max; target *= 10) {
        for (; procs < target; procs++) {
            pid_t p = fork();
            if (p < 0) {
                perror("fork");
                return 1;
            }
            if (p == 0) {
                char c;
                close(hold[1]);
                read(hold[0], &c, 1);                   /* wait for the parent to finish */
                _exit(0);
            }
        }
        int reps = target >= 1000 ? 200 : 2000;
        double t0 = now();
        for (int i = 0; i < reps; i++) {
            if (sc_mmap(shared, where, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) < 0) return 2;
            sc_munmap(shared, where, 4096);
        }
        double t1 = now();
        printf("map_unmap_ns %d %.0f\n", target, (t1 - t0) / reps);
        fflush(stdout);
    }
    close(hold[1]);
    while (wait(NULL) > 0) {
    }
    return 0;
}
