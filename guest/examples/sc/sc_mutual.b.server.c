/*
 * sc_mutual.b.server.c - component B of the sc_mutual example: a summing service that
 * calls back into its caller.
 *
 * B has no rights over A's memory, and A none over B's. B may enter A at exactly one
 * address (A's entry stub, granted with sc_entry by the process that set both up). When A
 * asks for sum(n, callback), B calls the callback once per term: each call is a transfer
 * B -> A through a point entry (the kernel pushes a frame on the trusted return stack) and
 * A's return to B pops it. If A hands B any other address, B's call is a denied transfer.
 */
#include "scrt.h"

#define A_F    2       /* A's callback operation: f(k, depth) */
#define B_SUM  1       /* sum(n, callback, depth) */

static void indent(long depth) {
    for (long i = 0; i < depth; i++) sc_printf("  ");
}

static long calls;     /* B's private state */

long server_main(long op, long a1, long a2, long a3, long a4, long a5, long a6, long a7) {
    (void) a4, (void) a5, (void) a6, (void) a7;
    if (op != B_SUM) return -22;
    long n = a1, depth = a3;
    sc_portal_fn callback = (sc_portal_fn) a2;
    calls++;
    indent(depth);
    /* B cannot read A's pages, so it cannot even learn who owns the callback address. */
    sc_printf("B: sum(%ld): sc_owner(callback) = %s; I may only call it\n", n,
              sc_owner((const void *) a2) == -1 ? "-EPERM" : "visible");
    long sum = 0;
    for (long k = 1; k <= n; k++) {
        indent(depth);
        sc_printf("B -> A  f(%ld)\n", k);
        long v = callback(A_F, k, depth + 1, 0, 0, 0, 0, 0);
        indent(depth);
        sc_printf("B <- A  %ld\n", v);
        sum += v;
    }
    indent(depth);
    sc_printf("B: sum = %ld, returning to A\n", sum);
    return sum;
}
