/* SPEC 4.2: a transfer of control by any means is checked, including one made by the
 * kernel on the program's behalf. A signal handler in the root rewrites the saved pc of its
 * frame; rt_sigreturn then resumes there. Resuming at another root address works; resuming
 * in the middle of the server (next to its entry point) is a transfer into the server
 * without rights: a subcontext fault. */
#include "sct.h"
#include <ucontext.h>

static volatile unsigned long new_pc;
static volatile int handled;

static void handler(int sig, siginfo_t *si, void *ucp) {
    ucontext_t *uc = ucp;
    handled++;
    if (new_pc) uc->uc_mcontext.__gregs[REG_PC] = new_pc;
}

__attribute__((noinline)) static void landing(void) {
    printf("resumed at another root function: yes\n");
    fflush(stdout);
    _exit(0);
}

int main(int argc, char **argv) {
    struct sc_load l;
    sct_server_entry(argv[0], "server", 0, &l);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, 0);
    raise(SIGUSR1);
    printf("plain signal round trip: %s\n", yn(handled == 1));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        new_pc = (unsigned long) landing;
        raise(SIGUSR1);
        _exit(2);
    }
    int st;
    waitpid(pid, &st, 0);
    fflush(stdout);
    printf("child: %s\n", sct_status(st));
    fflush(stdout);
    new_pc = l.entry + 4;
    raise(SIGUSR1);                                /* resumes inside the server: stopped */
    printf("resumed inside the server\n");
    return 0;
}
