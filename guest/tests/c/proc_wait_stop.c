/* SIGSTOP/SIGCONT of a child observed with WUNTRACED/WCONTINUED (waitpid)
 * and WSTOPPED/WCONTINUED (waitid); a stopped child keeps other signals
 * pending until continued; SIGKILL ends a stopped child. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static pid_t spawn_looper(int rfd, int wfd)
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        /* report progress through the pipe each time we are resumed */
        close(rfd);
        char x = 'r';
        write(wfd, &x, 1);
        for (;;) pause();
    }
    return c;
}

int main(void)
{
    int p[2], st;
    REQUIRE(pipe(p) == 0);
    pid_t c = spawn_looper(p[0], p[1]);
    char b;
    REQUIRE(read(p[0], &b, 1) == 1);
    CHECK("running child: WUNTRACED|WNOHANG -> 0", waitpid(c, &st, WUNTRACED | WNOHANG) == 0);
    kill(c, SIGSTOP);
    CHECK("WUNTRACED sees the stop", waitpid(c, &st, WUNTRACED) == c);
    CHECK("WIFSTOPPED && WSTOPSIG == SIGSTOP", WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
    CHECK("raw status 0x137f", st == 0x137f);
    CHECK("stop is reported once", waitpid(c, &st, WUNTRACED | WNOHANG) == 0);
    CHECK("without WUNTRACED a stopped child is not reported", waitpid(c, &st, WNOHANG) == 0);
    /* SIGTERM to a stopped child stays pending */
    kill(c, SIGTERM);
    usleep(20000);
    CHECK("stopped child with pending SIGTERM still there", waitpid(c, &st, WNOHANG) == 0);
    kill(c, SIGCONT);
    CHECK("after SIGCONT it dies of the pending SIGTERM", waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);

    /* WCONTINUED */
    c = spawn_looper(p[0], p[1]);
    REQUIRE(read(p[0], &b, 1) == 1);
    kill(c, SIGSTOP);
    REQUIRE(waitpid(c, &st, WUNTRACED) == c);
    kill(c, SIGCONT);
    CHECK("WCONTINUED sees the continue", waitpid(c, &st, WCONTINUED) == c);
    CHECK("WIFCONTINUED, raw 0xffff", WIFCONTINUED(st) && st == 0xffff);
    CHECK("continue is reported once", waitpid(c, &st, WCONTINUED | WNOHANG) == 0);

    /* the same through waitid, with WNOWAIT first */
    siginfo_t si;
    kill(c, SIGSTOP);
    memset(&si, 0, sizeof si);
    CHECK("waitid WSTOPPED|WNOWAIT", waitid(P_PID, c, &si, WSTOPPED | WNOWAIT) == 0 && si.si_pid == c);
    CHECK("  CLD_STOPPED, status SIGSTOP", si.si_code == CLD_STOPPED && si.si_status == SIGSTOP);
    memset(&si, 0, sizeof si);
    CHECK("waitid WSTOPPED consumes", waitid(P_PID, c, &si, WSTOPPED) == 0 && si.si_code == CLD_STOPPED);
    memset(&si, 0x55, sizeof si);
    CHECK("  then nothing (WNOHANG, si_pid 0)", waitid(P_PID, c, &si, WSTOPPED | WNOHANG) == 0 && si.si_pid == 0);
    kill(c, SIGCONT);
    memset(&si, 0, sizeof si);
    CHECK("waitid WCONTINUED", waitid(P_PID, c, &si, WCONTINUED) == 0 && si.si_pid == c);
    CHECK("  CLD_CONTINUED, status SIGCONT", si.si_code == CLD_CONTINUED && si.si_status == SIGCONT);
    /* SIGKILL ends a stopped child */
    kill(c, SIGSTOP);
    REQUIRE(waitpid(c, &st, WUNTRACED) == c);
    kill(c, SIGKILL);
    CHECK("SIGKILL on a stopped child", waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    return 0;
}
