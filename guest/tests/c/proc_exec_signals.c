/* Signal state across execve: caught signals are reset to SIG_DFL, ignored
 * ones stay SIG_IGN (with flags and mask cleared), the blocked mask is
 * kept, pending signals are kept (a standard one once, a realtime one
 * twice, in order), the alternate stack is dropped.
 * QEMU_DIFFERS: qemu-user cannot execve a RISC-V binary. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static void handler(int s) { (void)s; }

static int child(void)
{
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    CHECK("  caught SIGUSR1 -> SIG_DFL", sa.sa_handler == SIG_DFL);
    sigaction(SIGTERM, NULL, &sa);
    CHECK("  caught SIGTERM (SA_SIGINFO) -> SIG_DFL, flags cleared", sa.sa_handler == SIG_DFL && !(sa.sa_flags & SA_SIGINFO));
    sigaction(SIGUSR2, NULL, &sa);
    CHECK("  ignored SIGUSR2 stays SIG_IGN", sa.sa_handler == SIG_IGN);
    CHECK("  its SA_RESTART flag and mask cleared", (sa.sa_flags & SA_RESTART) == 0 && !sigismember(&sa.sa_mask, SIGINT));
    sigaction(SIGCHLD, NULL, &sa);
    CHECK("  ignored SIGCHLD stays SIG_IGN", sa.sa_handler == SIG_IGN);
    sigaction(SIGHUP, NULL, &sa);
    CHECK("  default SIGHUP stays SIG_DFL", sa.sa_handler == SIG_DFL);

    sigset_t m, p;
    sigprocmask(SIG_BLOCK, NULL, &m);
    CHECK("  mask kept: SIGUSR1, SIGTERM, SIGRTMIN+2 blocked", sigismember(&m, SIGUSR1) && sigismember(&m, SIGTERM) && sigismember(&m, SIGRTMIN + 2));
    CHECK("  mask kept: SIGHUP not blocked", !sigismember(&m, SIGHUP));
    sigpending(&p);
    CHECK("  SIGUSR1 still pending", sigismember(&p, SIGUSR1));
    CHECK("  SIGRTMIN+2 still pending", sigismember(&p, SIGRTMIN + 2));
    CHECK("  SIGTERM not pending", !sigismember(&p, SIGTERM));
    CHECK("  ignored SIGUSR2 not pending", !sigismember(&p, SIGUSR2));
    stack_t ss;
    CHECK("  alternate stack dropped (SS_DISABLE)", sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_DISABLE));

    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, SIGUSR1);
    sigaddset(&w, SIGRTMIN + 2);
    struct timespec zero = { 0, 0 };
    siginfo_t si;
    int n_usr1 = 0, n_rt = 0, pids = 0;
    for (int i = 0; i < 5; i++) {
        int s = sigtimedwait(&w, &si, &zero);
        if (s == SIGUSR1) n_usr1++;
        else if (s == SIGRTMIN + 2) { n_rt++; pids += si.si_pid == getpid(); }
        else break;
    }
    CHECK("  SIGUSR1 taken once", n_usr1 == 1);
    CHECK("  SIGRTMIN+2 taken twice, si_pid == our pid (kept by exec)", n_rt == 2 && pids == 2);
    /* a pending signal that is default-fatal kills after unblocking */
    fflush(stdout);
    raise(SIGTERM);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    return 50;   /* not reached */
}

/* runs in a forked child (fork clears the pending set, so the signals
 * are raised there), then execs */
static void setup_and_exec(const char *self)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGTERM, &sa, NULL);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sa.sa_flags = SA_RESTART;
    sigaddset(&sa.sa_mask, SIGINT);
    sigaction(SIGUSR2, &sa, NULL);
    signal(SIGCHLD, SIG_IGN);
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigaddset(&m, SIGTERM);
    sigaddset(&m, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    raise(SIGUSR1);
    raise(SIGUSR1);
    raise(SIGRTMIN + 2);
    kill(getpid(), SIGRTMIN + 2);
    raise(SIGUSR2);   /* ignored and not blocked: discarded */
    static char alt[16384];
    stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    char *a[] = { (char *)self, "child", NULL };
    execv(self, a);
    _exit(127);
}

int main(int argc, char **argv)
{
    if (argc > 1) return child();
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) setup_and_exec(argv[0]);
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    CHECK("exec'd child killed by its pending SIGTERM once unblocked", WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    return 0;
}
