/*
 * Regression: a signal a served program sends itself is delivered when the upcall returns,
 * under both back-ends (tagged ends upcalls in the hart: it hands the return to the kernel
 * when a signal is waiting). One raise(SIGUSR1) under passthru.
 */
#include <signal.h>
#include <stdio.h>

static volatile int hits;
static void on_usr1(int s) { (void) s; hits++; }

int main(void) {
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    printf("handler ran: %s\n", hits == 1 ? "yes" : "no");
    return 0;
}
