/*
 * sc_mutual.a.server.c - component A of the sc_mutual example.
 *
 * A has a secret function f and wants B to compute f(1) + ... + f(n) for it, without
 * showing B its memory; B does not trust A either. Neither has any data rights over the
 * other: they talk only through calls to each other's entry stub (scrt's _start), with
 * arguments and results in registers, and come back through the kernel's trusted return
 * stack. A gives B the address of its own entry stub as the callback.
 *
 * Built freestanding with scrt; every call into A arrives at _start, which runs
 * server_main on A's own stack. A nested entry (B calling back while A is waiting for B)
 * gets its own part of that stack (scrt's nest window).
 */
#include "scrt.h"

/* Operations of A (a0). */
#define A_RUN      1   /* run(n, B's entry, depth): ask B for f(1) + ... + f(n) */
#define A_F        2   /* f(k, depth): the secret function, B's callback */
#define A_RUN_BAD  3   /* like run, but hand B a callback that is not an entry point */
#define A_PEEK     4   /* peek(addr): read a word (an attack when addr is B's) */
#define A_OWNER    5   /* owner(addr): sc_owner as seen from A */
/* Operations of B. */
#define B_SUM      1   /* sum(n, callback, depth) */

extern char _start[];  /* A's entry stub: the only place B may enter A */

static void indent(long depth) {
    for (long i = 0; i < depth; i++) sc_printf("  ");
}

static long secret_f(long k) {
    return k * k + 1;
}

long server_main(long op, long a1, long a2, long a3, long a4, long a5, long a6, long a7) {
    (void) a4, (void) a5, (void) a6, (void) a7;
    switch (op) {
    case A_RUN:
    case A_RUN_BAD: {
        long n = a1, depth = a3;
        sc_portal_fn b = (sc_portal_fn) a2;
        /* The callback: our entry stub, or (the attack) server_main, which skips it. */
        long callback = op == A_RUN ? (long) _start : (long) server_main;
        indent(depth);
        sc_printf("A: run(%ld): I ask B for the sum of f(k), k = 1..%ld; f is my secret\n", n, n);
        indent(depth);
        sc_printf("A -> B  sum(%ld, callback = %s)\n", n, op == A_RUN ? "my entry stub" : "my server_main");
        long sum = b(B_SUM, n, callback, depth + 1, 0, 0, 0, 0);
        indent(depth);
        sc_printf("A <- B  %ld\n", sum);
        return sum;
    }
    case A_F: {
        long v = secret_f(a1);
        indent(a2);
        sc_printf("A: f(%ld) = %ld\n", a1, v);
        return v;
    }
    case A_PEEK:
        return *(volatile long *) a1;
    case A_OWNER:
        return sc_owner((const void *) a1);
    default:
        return -22;
    }
}
