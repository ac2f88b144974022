/*
 * sc_mutual - two mutually untrusting components that call each other.
 *
 * Component A (sc_mutual.a.server) and component B (sc_mutual.b.server) are loaded into
 * two subcontexts of this process. This program, the root subcontext, only wires them up:
 *   - point entries: root -> A, A -> B and B -> A, each at the component's entry stub;
 *   - no grants at all: nobody has data rights over anybody else;
 *   - then each component is made its own controller, so from then on nobody else can
 *     change its rights, entries or mappings.
 * A asks B for f(1) + ... + f(n) where f is A's secret; B calls back into A for each term.
 * The calls nest root -> A -> B -> A, and every return goes back through the trusted
 * return stack: a transfer through a point entry pushes (caller, ra), and the callee's
 * return to exactly that address pops it, without the callee holding any rights over its
 * caller. Then, each in a forked child so this program exits 0: A tries to read B's
 * memory, B is handed a callback that is not an entry point, and the root tries to call B,
 * to which it has no entry.
 *
 * Run: ./subcons run target/guest/sc/sc_mutual   (--trace=subcons shows the stack depth)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "subcons.h"
#define EXAMPLE_WHO "root: "
#include "example.h"

/* A's operations (see sc_mutual.a.server.c). */
#define A_RUN      1
#define A_F        2
#define A_RUN_BAD  3
#define A_PEEK     4
#define A_OWNER    5
#define B_SUM      1

static struct sc_load la, lb;      /* where A and B were loaded */
static sc_portal_fn a_entry;        /* calls into A */

static long load(const char *argv0, const char *suffix, const char *name, struct sc_load *l) {
    char path[4096];
    snprintf(path, sizeof path, "%s%s", argv0, suffix);
    long sid = sc_create(name, 0);
    check(sid, "sc_create");
    /* Attach first: sc_load then picks an address free in this process (see the guide). */
    check(sc_attach(sid, 0, 0), "sc_attach");
    check(sc_load(sid, path, l), "sc_load");
    return sid;
}

static void a_reads_b(void) {
    a_entry(A_PEEK, lb.end - 8, 0, 0, 0, 0, 0, 0);       /* a word of B's data segment */
}

static void b_enters_a_elsewhere(void) {
    a_entry(A_RUN_BAD, 1, lb.entry, 1, 0, 0, 0, 0);
}

static void root_calls_b(void) {
    ((sc_portal_fn) lb.entry)(B_SUM, 1, la.entry, 1, 0, 0, 0, 0);
}

int main(int argc, char **argv) {
    (void) argc;
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("== two mutually untrusting components calling each other ==\n");
    long me = sc_self();
    long a = load(argv[0], ".a.server", "A", &la);
    long b = load(argv[0], ".b.server", "B", &lb);
    printf("root: created subcons \"A\" and \"B\", attached both, loaded a component into each\n");

    check(sc_entry(a, me, (void *) la.entry, 1), "sc_entry(root -> A)");
    check(sc_entry(b, a, (void *) lb.entry, 1), "sc_entry(A -> B)");
    check(sc_entry(a, b, (void *) la.entry, 1), "sc_entry(B -> A)");
    printf("root: point entries root -> A, A -> B, B -> A, each at the entry stub; no grants\n");
    check(sc_control(a, a), "sc_control(A)");
    check(sc_control(b, b), "sc_control(B)");
    printf("root: A and B now control themselves; sc_grant(B, A, r) from here = %s\n", result(sc_grant(b, a, SC_R)));

    a_entry = (sc_portal_fn) la.entry;
    printf("root: asking A whether it may see B's memory: sc_owner from A = %s\n",
           result(a_entry(A_OWNER, lb.end - 8, 0, 0, 0, 0, 0, 0)));

    printf("root -> A  run(3)\n");
    long r = a_entry(A_RUN, 3, lb.entry, 1, 0, 0, 0, 0);
    printf("root <- A  %ld\n", r);
    printf("root: back in my own subcon (scid CSR: %s); every call came back through the trusted return stack\n",
           sc_scid() == me ? "yes" : "no");

    attack("A reads a word of B's data", a_reads_b);
    attack("A hands B a callback that is not A's entry point", b_enters_a_elsewhere);
    attack("the root calls B, to which it has no entry", root_calls_b);
    return 0;
}
