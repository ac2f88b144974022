/* Signals to oneself with handlers: raise() (tgkill: SI_TKILL) and kill()
 * (SI_USER) with SA_SIGINFO fields si_signo/si_code/si_pid/si_uid, the
 * ucontext's uc_sigmask holding the mask of the interrupted code, plain
 * sa_handler handlers getting the signal number, delivery before raise()
 * returns, handler return resuming right after, SIGRTMIN+n handlers. */
#include "t.h"
#include <signal.h>
#include <ucontext.h>

static volatile int n_calls, g_signo, g_code, g_pid, g_uid, g_arg, mask_had_usr2, mask_had_self;

static void info_handler(int s, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    n_calls++;
    g_arg = s;
    g_signo = si->si_signo;
    g_code = si->si_code;
    g_pid = si->si_pid;
    g_uid = (int)si->si_uid;
    mask_had_usr2 = sigismember(&uc->uc_sigmask, SIGUSR2);   /* the interrupted code's mask */
    mask_had_self = sigismember(&uc->uc_sigmask, s);
}

static volatile int plain_sig;
static void plain_handler(int s) { plain_sig = s; }

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGRTMIN + 3, &sa, NULL);

    CHECK("raise returns 0", raise(SIGUSR1) == 0);
    CHECK("handler ran before raise returned", n_calls == 1);
    CHECK("signo argument", g_arg == SIGUSR1);
    CHECK("si_signo", g_signo == SIGUSR1);
    CHECK("raise: si_code SI_TKILL", g_code == SI_TKILL);
    CHECK("si_pid == getpid()", g_pid == getpid());
    CHECK("si_uid == getuid()", g_uid == (int)getuid());

    CHECK("kill returns 0", kill(getpid(), SIGUSR1) == 0);
    CHECK("kill: handler ran before kill returned", n_calls == 2);
    CHECK("kill: si_code SI_USER", g_code == SI_USER && g_pid == getpid());

    syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1);
    CHECK("tgkill: SI_TKILL", n_calls == 3 && g_code == SI_TKILL);

    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    raise(SIGUSR1);
    CHECK("uc_sigmask is the interrupted mask (has SIGUSR2, not the signal itself)", mask_had_usr2 == 1 && mask_had_self == 0);
    sigprocmask(SIG_UNBLOCK, &m, NULL);

    raise(SIGRTMIN + 3);
    CHECK("SIGRTMIN+3 handler: signo and SI_TKILL", g_signo == SIGRTMIN + 3 && g_code == SI_TKILL);

    signal(SIGUSR2, plain_handler);
    raise(SIGUSR2);
    CHECK("plain handler got its signal number", plain_sig == SIGUSR2);
    /* group-directed kills, only after making a group of our own: the
     * group we were started in may hold the test runner */
    REQUIRE(setpgid(0, 0) == 0 || getpgrp() == getpid());
    signal(SIGHUP, plain_handler);
    if (getpgrp() == getpid()) kill(0, SIGHUP);   /* our own group: just us */
    CHECK("kill(0, sig) reaches ourselves", plain_sig == SIGHUP);
    signal(SIGINT, plain_handler);
    if (getpgrp() == getpid()) kill(-getpgrp(), SIGINT);
    CHECK("kill(-pgrp, sig) reaches ourselves", plain_sig == SIGINT);
    /* the signal number 0 check never delivers */
    plain_sig = 0;
    kill(getpid(), 0);
    CHECK("kill(self, 0) delivers nothing", plain_sig == 0);
    return 0;
}
