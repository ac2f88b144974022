/*
 * Regression: a signal a served program sends itself is delivered before kill returns, as
 * without a server, under both back-ends (tagged ends upcalls in the hart: it hands the
 * return to the kernel when a signal is waiting), and again and again (each handler's
 * rt_sigreturn is itself a served call that never comes back to the server).
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
