/* rt_sigaction / rt_sigprocmask store and return old values (no delivery). */
#include "t.h"
#include <signal.h>

static void h1(int s) { (void)s; }
static void h2(int s, siginfo_t *i, void *c) { (void)s; (void)i; (void)c; }

int main(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h1;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    CHECK("sigaction(SIGUSR1) set", sigaction(SIGUSR1, &sa, NULL) == 0);
    memset(&old, 0xff, sizeof old);
    CHECK("sigaction(SIGUSR1) read back", sigaction(SIGUSR1, NULL, &old) == 0);
    CHECK("handler read back", old.sa_handler == h1);
    CHECK("SA_RESTART read back", (old.sa_flags & SA_RESTART) != 0);
    CHECK("SA_SIGINFO not set", (old.sa_flags & SA_SIGINFO) == 0);
    CHECK("mask contains SIGUSR2", sigismember(&old.sa_mask, SIGUSR2) == 1);
    CHECK("mask lacks SIGINT", sigismember(&old.sa_mask, SIGINT) == 0);
    sa.sa_sigaction = h2;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    CHECK("replace, old returned", sigaction(SIGUSR1, &sa, &old) == 0 && old.sa_handler == h1);
    sigaction(SIGUSR1, NULL, &old);
    CHECK("SA_SIGINFO handler read back", old.sa_sigaction == h2 && (old.sa_flags & SA_SIGINFO) && (old.sa_flags & SA_NODEFER));
    CHECK("SIG_IGN", signal(SIGUSR2, SIG_IGN) != SIG_ERR && signal(SIGUSR2, SIG_DFL) == SIG_IGN);
    CHECK("sigaction(SIGKILL) -> EINVAL", sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL);
    CHECK("sigaction(SIGSTOP) -> EINVAL", sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL);
    CHECK("sigaction(SIGKILL) read-only ok", sigaction(SIGKILL, NULL, &old) == 0 && old.sa_handler == SIG_DFL);
    CHECK("sigaction(0) -> EINVAL", sigaction(0, NULL, &old) == -1 && errno == EINVAL);
    CHECK("sigaction(65) -> EINVAL", syscall(SYS_rt_sigaction, 65, NULL, &old, 8) == -1 && errno == EINVAL);
    CHECK("rt_sigaction sigsetsize 4 -> EINVAL", syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 4) == -1 && errno == EINVAL);
    /* raw kernel sigaction layout: handler, flags, mask */
    struct { void *h; unsigned long flags; unsigned long mask; } k = { (void *)h1, SA_RESTART, 1UL << (SIGUSR2 - 1) }, ko;
    CHECK("raw rt_sigaction set", syscall(SYS_rt_sigaction, SIGUSR1, &k, NULL, 8) == 0);
    CHECK("raw rt_sigaction get", syscall(SYS_rt_sigaction, SIGUSR1, NULL, &ko, 8) == 0);
    CHECK("raw fields round-trip", ko.h == (void *)h1 && (ko.flags & SA_RESTART) && ko.mask == (1UL << (SIGUSR2 - 1)));
    CHECK("realtime signal SIGRTMIN+3 settable", ({ struct sigaction s2 = { .sa_handler = h1 }; sigaction(SIGRTMIN + 3, &s2, NULL) == 0; }));

    sigset_t set, got;
    sigemptyset(&set);
    CHECK("SIG_SETMASK empty", sigprocmask(SIG_SETMASK, &set, NULL) == 0);
    sigaddset(&set, SIGUSR1);
    CHECK("SIG_BLOCK SIGUSR1", sigprocmask(SIG_BLOCK, &set, &got) == 0);
    CHECK("old mask was empty (of SIGUSR1)", !sigismember(&got, SIGUSR1));
    sigprocmask(SIG_BLOCK, NULL, &got);
    CHECK("SIGUSR1 now blocked", sigismember(&got, SIGUSR1) == 1);
    CHECK("SIGUSR2 not blocked", sigismember(&got, SIGUSR2) == 0);
    sigemptyset(&set);
    sigaddset(&set, SIGKILL);
    sigaddset(&set, SIGSTOP);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigprocmask(SIG_BLOCK, NULL, &got);
    CHECK("SIGKILL/SIGSTOP silently not blocked", !sigismember(&got, SIGKILL) && !sigismember(&got, SIGSTOP));
    CHECK("SIGUSR2 blocked", sigismember(&got, SIGUSR2) == 1);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, &got);
    CHECK("old mask had SIGUSR1", sigismember(&got, SIGUSR1) == 1);
    sigprocmask(SIG_BLOCK, NULL, &got);
    CHECK("SIGUSR1 unblocked, SIGUSR2 still blocked", !sigismember(&got, SIGUSR1) && sigismember(&got, SIGUSR2));
    unsigned long raw = 0;
    CHECK("raw rt_sigprocmask get", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &raw, 8) == 0);
    CHECK("raw mask bit for SIGUSR2 only (of low 31)", (raw & 0x7fffffffUL) == (1UL << (SIGUSR2 - 1)));
    CHECK("rt_sigprocmask bad how -> EINVAL", syscall(SYS_rt_sigprocmask, 7, &raw, NULL, 8) == -1 && errno == EINVAL);
    CHECK("rt_sigprocmask bad size -> EINVAL", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &raw, 16) == -1 && errno == EINVAL);
    sigset_t pend;
    CHECK("sigpending empty", sigpending(&pend) == 0 && !sigismember(&pend, SIGUSR1) && !sigismember(&pend, SIGUSR2));
    stack_t ss = { 0 }, oss;
    static char altstack[65536];
    ss.ss_sp = altstack;
    ss.ss_size = sizeof altstack;
    CHECK("sigaltstack set", sigaltstack(&ss, NULL) == 0);
    CHECK("sigaltstack read back", sigaltstack(NULL, &oss) == 0 && oss.ss_sp == altstack && oss.ss_size == sizeof altstack && oss.ss_flags == 0);
    ss.ss_size = 100;
    CHECK("sigaltstack too small -> ENOMEM", sigaltstack(&ss, NULL) == -1 && errno == ENOMEM);
    return 0;
}
