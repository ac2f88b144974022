/*
 * Regression: rt_sigsuspend in a served program runs the handler of a pending signal and
 * fails with EINTR, as without a server. (The kernel once restored the mask sigsuspend had
 * replaced while the thread was still in the server, so the signal was blocked again when
 * it came back, the call restarted, and so on forever; the alarm ends such a run with 142.)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <errno.h>
#include "tracer_test.h"

static volatile int handled;
static void on_usr1(int sig) { handled++; (void) sig; }

int main(void) {
    alarm(3);
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, 0);
    sigset_t usr1, none;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &usr1, 0);
    kill(getpid(), SIGUSR1);
    int r = sigsuspend(&none);
    printf("sigsuspend: %s, handled %d\n", r == -1 && errno == EINTR ? "EINTR" : "other", handled);
    return 0;
}
