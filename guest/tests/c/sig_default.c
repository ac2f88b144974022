/* Default actions, checked in a child that raises the signal to itself:
 * SIGCHLD, SIGURG, SIGWINCH and SIGCONT are ignored (the child goes on and
 * exits 0), the others terminate it with that signal (SIGUSR1, SIGUSR2,
 * SIGHUP, SIGALRM, SIGVTALRM, SIGPROF, SIGPWR, SIGSTKFLT, SIGIO, SIGRTMIN,
 * SIGRTMIN+10, and core-dumping ones SIGSYS, SIGXCPU, SIGXFSZ); SIG_DFL
 * restored after SIG_IGN terminates again. */
#include "t.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

static void check(const char *name, int sig, int ignored)
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        struct rlimit rl = { 0, 0 };
        setrlimit(RLIMIT_CORE, &rl);
        raise(sig);
        _exit(0);
    }
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    const char *what = WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "ignored"
                     : WIFSIGNALED(st) && WTERMSIG(st) == sig ? "terminated" : "other";
    printf("%-10s %s%s\n", name, what, strcmp(what, ignored ? "ignored" : "terminated") ? " (unexpected)" : "");
}

int main(void)
{
    check("SIGCHLD", SIGCHLD, 1);
    check("SIGURG", SIGURG, 1);
    check("SIGWINCH", SIGWINCH, 1);
    check("SIGCONT", SIGCONT, 1);
    check("SIGUSR1", SIGUSR1, 0);
    check("SIGUSR2", SIGUSR2, 0);
    check("SIGHUP", SIGHUP, 0);
    check("SIGALRM", SIGALRM, 0);
    check("SIGVTALRM", SIGVTALRM, 0);
    check("SIGPROF", SIGPROF, 0);
    check("SIGPWR", SIGPWR, 0);
    check("SIGSTKFLT", SIGSTKFLT, 0);
    check("SIGIO", SIGIO, 0);
    check("SIGRTMIN", SIGRTMIN, 0);
    check("SIGRTMIN+10", SIGRTMIN + 10, 0);   /* not SIGRTMAX: qemu-user 7.2 cannot deliver guest signal 64 */
    check("SIGSYS", SIGSYS, 0);
    check("SIGXCPU", SIGXCPU, 0);
    check("SIGXFSZ", SIGXFSZ, 0);
    signal(SIGUSR1, SIG_IGN);
    check("SIGUSR1 ignored (inherited by the child)", SIGUSR1, 1);
    signal(SIGUSR1, SIG_DFL);
    check("SIGUSR1 back to SIG_DFL", SIGUSR1, 0);
    struct sigaction sa;
    sigaction(SIGURG, NULL, &sa);
    CHECK("initial disposition of SIGURG is SIG_DFL", sa.sa_handler == SIG_DFL);
    return 0;
}
