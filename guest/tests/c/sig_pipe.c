/* SIGPIPE: writing to a pipe without readers kills a child by default
 * (the parent sees WTERMSIG == SIGPIPE); with SIGPIPE ignored the write
 * fails with EPIPE; with a handler, the handler runs (si_code SI_USER)
 * and the write fails with EPIPE; a blocked SIGPIPE stays pending. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static volatile int handled, h_code = 99;
static void on_pipe(int s, siginfo_t *si, void *c) { (void)s; (void)c; handled++; h_code = si->si_code; }

static int broken_pipe(void)
{
    int p[2];
    REQUIRE(pipe(p) == 0);
    close(p[0]);
    return p[1];
}

int main(void)
{
    int fd = broken_pipe();
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        write(fd, "x", 1);
        _exit(0);   /* not reached */
    }
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    CHECK("default: writer killed, WTERMSIG == SIGPIPE", WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
    close(fd);

    /* a reader that goes away while the child writes a lot */
    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        close(p[0]);
        static char buf[4096];
        for (;;) write(p[1], buf, sizeof buf);
    }
    close(p[1]);
    char b[100];
    REQUIRE(read(p[0], b, sizeof b) > 0);
    close(p[0]);
    REQUIRE(waitpid(c, &st, 0) == c);
    CHECK("writer killed when the reader closes mid-stream", WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);

    signal(SIGPIPE, SIG_IGN);
    fd = broken_pipe();
    errno = 0;
    CHECK("ignored: write -> EPIPE", write(fd, "x", 1) == -1 && errno == EPIPE);
    close(fd);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_pipe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGPIPE, &sa, NULL);
    fd = broken_pipe();
    errno = 0;
    int r = write(fd, "xy", 2);
    CHECK("handled: write -> EPIPE", r == -1 && errno == EPIPE);
    CHECK("handled: handler ran once, before write returned", handled == 1);
    CHECK("handled: si_code SI_USER", h_code == SI_USER);

    sigset_t m, pend;
    sigemptyset(&m);
    sigaddset(&m, SIGPIPE);
    sigprocmask(SIG_BLOCK, &m, NULL);
    errno = 0;
    r = write(fd, "z", 1);
    sigpending(&pend);
    CHECK("blocked: EPIPE and SIGPIPE pending", r == -1 && errno == EPIPE && sigismember(&pend, SIGPIPE));
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    CHECK("delivered on unblock", handled == 2);
    return 0;
}
