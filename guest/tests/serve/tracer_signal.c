/*
 * Under `--serve tracer`: signals. A blocked SIGUSR1 is sent to the process, sigsuspend
 * lets it in: the handler runs (its calls are traced), returns through rt_sigreturn (shown
 * " = ?"), and sigsuspend comes back with EINTR (the tracer sees the kernel's
 * ERESTARTNOHAND). Twenty times: a server's entry that never comes back (rt_sigreturn)
 * must not use up its stack.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <errno.h>
#include "tracer_test.h"

static volatile int handled;

static void on_usr1(int sig) {
    handled++;
    write(1, "h", 1);
    (void) sig;
}

int main(void) {
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, 0);
    sigset_t usr1, none;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &usr1, 0);
    int eintr = 0;
    for (int i = 0; i < 20; i++) {
        kill(getpid(), SIGUSR1);
        if (sigsuspend(&none) == -1 && errno == EINTR) eintr++;
    }
    printf("\nhandled %d, sigsuspend EINTR %d\n", handled, eintr);
    return 0;
}
