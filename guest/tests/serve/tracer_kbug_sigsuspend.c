/*
 * KNOWN BUG (KNOWN_BUGS.txt): rt_sigsuspend in a served program never returns. A blocked
 * SIGUSR1 is made pending, sigsuspend with an empty mask must run its handler and fail with
 * EINTR, as without a server. The kernel's sigsuspend gives the server ERESTARTNOHAND; at
 * the safe point after that call, still in the server, SignalDelivery.deliver (which runs
 * no handler there) restores the mask sigsuspend replaced, so SIGUSR1 is blocked again when
 * the thread is back in the program, the call restarts, and so on forever. (An alarm ends
 * the run after 3 s: exit status 142 instead of 0.)
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
