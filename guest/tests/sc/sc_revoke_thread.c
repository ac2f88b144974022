/* SPEC 3 and 9 with threads: a revocation made by one thread takes effect for every thread
 * of the context. A second thread reads a data subcon in a loop; the main thread revokes
 * the root's R; the reader (already running, its translations cached) is stopped by a
 * subcontext fault, at the latest on its first read after sc_grant has returned. */
#include "sct.h"

static volatile long *data;
static volatile int started, revoked;

static void *reader(void *arg) {
    long sum = 0;
    sum += *data;
    started = 1;
    while (!revoked) sum += *data;
    sum += *data;                                  /* after the revocation: stopped */
    printf("the reader read after the revocation\n");
    fflush(stdout);
    return (void *) sum;
}

int main(void) {
    long me = sc_self();
    void *a;
    long d = sct_data("data", 1, PROT_READ | PROT_WRITE, &a);
    data = a;
    sct_poke(d, a, 1);
    printf("grant R: %s\n", err(sc_grant(d, me, SC_R)));
    pthread_t t;
    pthread_create(&t, 0, reader, 0);
    while (!started) {
    }
    printf("the reader runs: yes\n");
    printf("revoking\n");
    fflush(stdout);
    sc_grant(d, me, 0);
    revoked = 1;
    pthread_join(t, 0);
    printf("joined\n");
    return 0;
}
