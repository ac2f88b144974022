/* Masks during handlers: the signal itself is blocked while its handler
 * runs (a raise inside is deferred until return), SA_NODEFER lets the
 * signal nest, unmasked signals nest at once, the old mask comes back
 * after the handler, SA_RESETHAND resets to SIG_DFL after one delivery;
 * a second SA_RESETHAND delivery (from inside the handler) kills a child.
 * sa_mask is in sig_samask (qemu 7.2 ignores it). */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

/* volatile: handlers nest inside raise(), which the compiler cannot see */
static volatile char trace[64];
static volatile int tlen;
static volatile int depth;

static void note(char c) { if (tlen < 63) trace[tlen++] = c; trace[tlen] = 0; }

static void usr1_raise_self(int s)
{
    (void)s;
    note('[');
    if (depth++ == 0) {
        raise(SIGUSR1);   /* blocked now: deferred */
        note('r');
    }
    note(']');
}

static void usr2(int s) { (void)s; note('2'); }

static void usr1_nest_term(int s)
{
    (void)s;
    note('<');
    raise(SIGTERM);       /* not blocked: runs nested, right now */
    note('>');
}

static void term(int s) { (void)s; note('t'); }

static void handler_with(void (*h)(int), int flags, int masked)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (masked) sigaddset(&sa.sa_mask, masked);
    sigaction(SIGUSR1, &sa, NULL);
}

static void reset(void) { tlen = 0; trace[0] = 0; depth = 0; }

int main(void)
{
    signal(SIGUSR2, usr2);
    signal(SIGTERM, term);

    handler_with(usr1_raise_self, 0, 0);
    reset();
    raise(SIGUSR1);
    printf("self-raise without SA_NODEFER: %s (expected [r][])\n", (char *)trace);

    handler_with(usr1_raise_self, SA_NODEFER, 0);
    reset();
    raise(SIGUSR1);
    printf("self-raise with SA_NODEFER:    %s (expected [[]r])\n", (char *)trace);

    handler_with(usr1_nest_term, 0, 0);
    reset();
    raise(SIGUSR1);
    printf("unmasked signal nests:         %s (expected <t>)\n", (char *)trace);

    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("mask restored after handlers", !sigismember(&cur, SIGUSR1) && !sigismember(&cur, SIGUSR2));

    /* SA_RESETHAND */
    handler_with(usr1_raise_self, SA_RESETHAND, 0);
    struct sigaction old;
    sigaction(SIGUSR1, NULL, &old);
    CHECK("SA_RESETHAND reads back", (old.sa_flags & SA_RESETHAND) != 0);
    reset();
    depth = 1;                     /* handler does not re-raise */
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &old);
    CHECK("SA_RESETHAND: handler ran once", strcmp((char *)trace, "[]") == 0);
    CHECK("SA_RESETHAND: disposition now SIG_DFL", old.sa_handler == SIG_DFL);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        handler_with(usr1_raise_self, SA_RESETHAND, 0);
        depth = 0;
        raise(SIGUSR1);            /* the raise inside the handler meets SIG_DFL: death */
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    CHECK("SA_RESETHAND: second delivery (from inside the handler) kills", WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);
    return 0;
}
