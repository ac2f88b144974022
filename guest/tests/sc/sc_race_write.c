/* SPEC 2 and 4 with threads: rights follow the code, not the thread's history. Thread 1
 * calls into the server, which spins on its private `stop` word; meanwhile thread 2 (the
 * main thread, running root code) tries to write that word directly to end the spin:
 * a subcontext fault (write, owner the server, rights none). */
#include "sct.h"

static struct sc_load l;
static volatile long inside;

static void *spinner(void *arg) {
    return (void *) CALL(l, OP_SPIN, (long) &inside);
}

int main(int argc, char **argv) {
    long me = sc_self();
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("server may write the root: %s\n", err(sc_grant(me, s, SC_R | SC_W)));
    long *stop = (long *) CALL(l, OP_STOP_ADDR);
    pthread_t t;
    pthread_create(&t, 0, spinner, 0);
    while (!inside) {
    }
    printf("thread 1 is inside the server: yes\n");
    printf("the main thread runs as the root: %s\n", yn(sc_scid() == me));
    printf("the root may write the server's word: %s\n", CANW(stop, 1));
    fflush(stdout);
    *(volatile long *) stop = 1;                   /* stopped */
    pthread_join(t, 0);
    printf("the spin ended\n");
    return 0;
}
