/*
 * Known bug (KNOWN_BUGS.txt): a served program handles 12 signals. Returning from a handler
 * (a passed rt_sigreturn) leaves every upcall of the thread, so, as with execve, the scrt
 * entry stub of the server never gives back 32 KiB of its stack: the ninth handled signal
 * kills the process (views). Under tagged the handlers do not run at all (policy_kbug_signal_tagged).
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
