/*
 * Regression: a served program handles 12 signals. Returning from a handler is a passed
 * rt_sigreturn, which leaves every upcall of the thread; the server must not lose stack to
 * it (once the ninth handled signal killed the process).
 */
#include <signal.h>
#include <stdio.h>

static volatile int hits;
static void on_usr1(int s) { (void) s; hits++; }

int main(void) {
    signal(SIGUSR1, on_usr1);
    for (int i = 0; i < 12; i++) raise(SIGUSR1);
    printf("handled: %d\n", hits);
    return 0;
}
