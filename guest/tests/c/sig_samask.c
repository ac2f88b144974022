/* sa_mask: the signals in a handler's sa_mask (and the signal itself) are
 * blocked while it runs, on top of the interrupted code's mask; a signal
 * raised inside is delivered right after the handler returns; the mask is
 * restored by sigreturn; SIGKILL/SIGSTOP in sa_mask are dropped; a handler
 * that changes its mask with sigprocmask has it undone on return.
 * QEMU_DIFFERS: qemu-user 7.2 does not apply sa_mask on riscv64. */
#include "t.h"
#include <signal.h>

static volatile char trace[32];
static volatile int tlen;
static volatile int blocked_usr2, blocked_self, blocked_hup, blocked_int;

static void note(char c) { if (tlen < 31) trace[tlen++] = c; trace[tlen] = 0; }

static void usr1(int s)
{
    (void)s;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    blocked_usr2 = sigismember(&cur, SIGUSR2);
    blocked_self = sigismember(&cur, SIGUSR1);
    blocked_hup = sigismember(&cur, SIGHUP);     /* from the interrupted mask */
    blocked_int = sigismember(&cur, SIGINT);     /* not in either */
    note('(');
    raise(SIGUSR2);
    note('r');
    raise(SIGINT);                               /* not blocked: nests */
    note(')');
    sigset_t more;
    sigemptyset(&more);
    sigaddset(&more, SIGTERM);
    sigprocmask(SIG_BLOCK, &more, NULL);         /* undone by sigreturn */
}

static void usr2(int s) { (void)s; note('2'); }
static void sint(int s) { (void)s; note('i'); }

int main(void)
{
    signal(SIGUSR2, usr2);
    signal(SIGINT, sint);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaddset(&sa.sa_mask, SIGKILL);
    sigaddset(&sa.sa_mask, SIGSTOP);
    sigaction(SIGUSR1, &sa, NULL);
    struct sigaction rb;
    sigaction(SIGUSR1, NULL, &rb);
    CHECK("sa_mask read back without SIGKILL/SIGSTOP", sigismember(&rb.sa_mask, SIGUSR2) && !sigismember(&rb.sa_mask, SIGKILL) && !sigismember(&rb.sa_mask, SIGSTOP));

    sigset_t hup;
    sigemptyset(&hup);
    sigaddset(&hup, SIGHUP);
    sigprocmask(SIG_BLOCK, &hup, NULL);
    raise(SIGUSR1);
    CHECK("in the handler: sa_mask's SIGUSR2 blocked", blocked_usr2 == 1);
    CHECK("in the handler: the signal itself blocked", blocked_self == 1);
    CHECK("in the handler: the interrupted code's SIGHUP still blocked", blocked_hup == 1);
    CHECK("in the handler: SIGINT not blocked", blocked_int == 0);
    printf("order: %s (expected (ri)2)\n", (char *)trace);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("after return: mask back to just SIGHUP", sigismember(&cur, SIGHUP) && !sigismember(&cur, SIGUSR1) && !sigismember(&cur, SIGUSR2) && !sigismember(&cur, SIGTERM));
    return 0;
}
