/* The server of scbench: one trivial service, so the benchmark measures the crossing. */
#include "scrt.h"

/* A leaf: it needs no stack, so it may be an entry point itself, without the stub. */
long leaf_add(long op, long a) {
    return a + 1;
}

long server_main(long op, long a, long b, long c, long d, long e, long f, long g) {
    if (op == 100) return (long) leaf_add;      /* where the leaf entry is */
    return a + 1;
}
