/*
 * scbench: the cost of a call into another subcontext and back through a point entry, next to
 * a plain function call and a plain call to a function in another page. Two entries: the
 * server's scrt entry stub (stack switch through sctls, as any server that uses a stack
 * needs), and a leaf function that needs no stack and so can be its own entry point.
 * Prints "NAME ns-per-call" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "subcons.h"

__attribute__((noinline)) long plain(long x) {
    __asm__ volatile("");
    return x + 1;
}

/* Put a function far away, on another page, as a call into a library would be. */
__attribute__((noinline, aligned(4096))) long far_away(long x) {
    __asm__ volatile("");
    return x + 1;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 2000000;
    char path[512];
    snprintf(path, sizeof path, "%s.server", argv[0]);
    long me = sc_self(), srv = sc_create("bench-server", 0);
    struct sc_load l;
    if (sc_load(srv, path, &l) < 0 || sc_attach(srv, 0, 0) < 0 || sc_entry(srv, me, (void *) l.entry, 1) < 0) {
        fprintf(stderr, "scbench: cannot set up the server\n");
        return 1;
    }
    sc_portal_fn call = (sc_portal_fn) l.entry;
    sc_portal_fn leaf = (sc_portal_fn) call(100, 0, 0, 0, 0, 0, 0, 0);
    if (sc_entry(srv, me, (void *) leaf, 1) < 0) return 1;
    long x = 0;
    for (int round = 0; round < 3; round++) {          /* the last round is measured: warm code */
        double t0 = now();
        for (long i = 0; i < n; i++) x = plain(x);
        double t1 = now();
        for (long i = 0; i < n; i++) x = far_away(x);
        double t2 = now();
        for (long i = 0; i < n; i++) x = call(0, x, 0, 0, 0, 0, 0, 0);
        double t3 = now();
        for (long i = 0; i < n; i++) x = leaf(0, x, 0, 0, 0, 0, 0, 0);
        double t4 = now();
        if (round == 2) {
            printf("plain_call_ns %.1f\n", (t1 - t0) / n);
            printf("far_call_ns %.1f\n", (t2 - t1) / n);
            printf("cross_call_stub_ns %.1f\n", (t3 - t2) / n);
            printf("cross_call_leaf_ns %.1f\n", (t4 - t3) / n);
        }
    }
    return x == 12 * n ? 0 : 2;
}
