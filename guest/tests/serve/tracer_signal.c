/*
 * Under `--serve tracer`: signals. A periodic timer's SIGALRM interrupts pause() twenty
 * times: the handler runs (its calls are traced), returns through rt_sigreturn (shown
 * " = ?"), and pause comes back with EINTR (the tracer sees the kernel's ERESTARTNOHAND).
 * Entries into the server that never come back (passed rt_sigreturns) must not use up its
 * stack. (The timer is periodic so that a signal that comes before pause is no matter.)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <errno.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include "tracer_test.h"

static volatile int handled;

static void on_alarm(int sig) {
    handled++;
    syscall(SYS_getppid);
    (void) sig;
}

int main(void) {
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, 0);
    int eintr = 0;
    struct itimerval it = {{0, 3000}, {0, 3000}}, off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &it, 0);
    for (int i = 0; i < 20; i++) {
        if (pause() == -1 && errno == EINTR) eintr++;
    }
    setitimer(ITIMER_REAL, &off, 0);
    printf("pause EINTR %d, handled at least 20: %s\n", eintr, handled >= 20 ? "yes" : "no");
    return 0;
}
