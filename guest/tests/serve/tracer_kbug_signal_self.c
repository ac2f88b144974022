/*
 * KNOWN BUG (KNOWN_BUGS.txt): a signal a served program sends itself must be delivered
 * before kill returns, as without a server. Under the tagged back-end the hart ends the
 * upcall (sc_return) itself and the kernel does not look for pending signals then: the
 * handler runs only at some later safe point, so "handled" lags behind.
 */
#define _GNU_SOURCE
#include <signal.h>
#include "tracer_test.h"

static volatile int handled;
static void on_usr1(int sig) { handled++; (void) sig; }

int main(void) {
    signal(SIGUSR1, on_usr1);
    for (int i = 1; i <= 5; i++) {
        kill(getpid(), SIGUSR1);
        printf("after kill %d: handled %d\n", i, handled);
    }
    return 0;
}
