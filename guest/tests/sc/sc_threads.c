/* SPEC 7 (threads): threads share the context, but each has its own current subcon and
 * its own trusted return stack. One thread stays inside the server (spinning) while the
 * main thread enters and leaves the server hundreds of times and finally stops the spin
 * through the server's own code; then four threads call the server concurrently. Every
 * call returns to its own caller, and each thread gets its own stack in the server (its
 * own sctls there). */
#include "sct.h"

static struct sc_load l;
static volatile long inside;
static long me, srv;

static void *spinner(void *arg) {
    long r = CALL(l, OP_SPIN, (long) &inside);
    return (void *) (long) (r == 1 && sc_scid() == me);
}

static long tls[4];

static void *worker(void *arg) {
    long k = (long) arg, ok = 1;
    tls[k] = CALL(l, OP_SCTLS);
    for (int i = 0; i < 500; i++) {
        ok &= CALL(l, OP_ADD, i, k) == i + k;
        ok &= CALL(l, OP_INC) > 0;
        ok &= CALL(l, OP_SCTLS) == tls[k];
        ok &= sc_scid() == me;
    }
    return (void *) ok;
}

int main(int argc, char **argv) {
    me = sc_self();
    srv = sct_server_entry(argv[0], "server", 0, &l);
    printf("server may write the root: %s\n", err(sc_grant(me, srv, SC_R | SC_W)));
    pthread_t t;
    pthread_create(&t, 0, spinner, 0);
    while (!inside) {
    }
    long ok = 1;
    for (int i = 0; i < 300; i++) ok &= CALL(l, OP_ADD, i, 1) == i + 1 && CALL(l, OP_SCID) == srv && sc_scid() == me;
    printf("main thread calls while the other is inside: %s\n", yn(ok));
    printf("stop the spin through the server: %s\n", err(CALL(l, OP_STOP, 1)));
    void *r;
    pthread_join(t, &r);
    printf("the spinning thread returned to the root: %s\n", yn(r != 0));
    pthread_t w[4];
    for (long k = 0; k < 4; k++) pthread_create(&w[k], 0, worker, (void *) k);
    ok = 1;
    for (int k = 0; k < 4; k++) {
        pthread_join(w[k], &r);
        ok &= r != 0;
    }
    printf("four threads calling at once: %s\n", yn(ok));
    printf("counter: %ld\n", CALL(l, OP_INC));
    int distinct = 1;
    for (int a = 0; a < 4; a++)
        for (int b = a + 1; b < 4; b++) distinct &= tls[a] != tls[b];
    printf("each thread has its own sctls in the server: %s\n", yn(distinct && CALL(l, OP_SCTLS) != tls[0]));
    return 0;
}
