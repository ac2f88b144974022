/* waitid: P_PID/P_ALL/P_PGID, WEXITED, WNOHANG (si_pid 0 when nothing is
 * ready), WNOWAIT (child stays waitable), siginfo fields for exited and
 * killed children, EINVAL/ECHILD. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    siginfo_t si;
    CHECK("no children: ECHILD", waitid(P_ALL, 0, &si, WEXITED) == -1 && errno == ECHILD);
    CHECK("no WEXITED/WSTOPPED/WCONTINUED: EINVAL", waitid(P_ALL, 0, &si, WNOHANG) == -1 && errno == EINVAL);
    CHECK("bad idtype: EINVAL", waitid((idtype_t)7, 0, &si, WEXITED) == -1 && errno == EINVAL);

    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) { char b; close(p[1]); read(p[0], &b, 1); _exit(42); }
    close(p[0]);
    memset(&si, 0x55, sizeof si);
    CHECK("WNOHANG nothing ready -> 0", waitid(P_PID, c, &si, WEXITED | WNOHANG) == 0);
    CHECK("WNOHANG nothing ready -> si_pid 0", si.si_pid == 0);
    CHECK("WNOHANG nothing ready -> si_signo 0", si.si_signo == 0);
    close(p[1]);
    memset(&si, 0, sizeof si);
    CHECK("WNOWAIT peek", waitid(P_PID, c, &si, WEXITED | WNOWAIT) == 0);
    CHECK("peek: si_pid == child", si.si_pid == c);
    CHECK("peek: si_signo SIGCHLD", si.si_signo == SIGCHLD);
    CHECK("peek: si_code CLD_EXITED", si.si_code == CLD_EXITED);
    CHECK("peek: si_status 42", si.si_status == 42);
    CHECK("peek: si_uid == getuid()", si.si_uid == getuid());
    memset(&si, 0, sizeof si);
    CHECK("WNOWAIT again, P_ALL", waitid(P_ALL, 0, &si, WEXITED | WNOWAIT) == 0 && si.si_pid == c);
    int st;
    CHECK("waitpid still finds it (WNOWAIT left it)", waitpid(c, &st, WNOHANG) == c && WEXITSTATUS(st) == 42);
    CHECK("now ECHILD for P_PID", waitid(P_PID, c, &si, WEXITED | WNOHANG) == -1 && errno == ECHILD);

    /* killed child: CLD_KILLED with si_status = signal number */
    fflush(stdout);
    c = fork();
    if (c == 0) { for (;;) pause(); }
    kill(c, SIGTERM);
    memset(&si, 0, sizeof si);
    CHECK("P_PID killed child", waitid(P_PID, c, &si, WEXITED) == 0 && si.si_pid == c);
    CHECK("si_code CLD_KILLED", si.si_code == CLD_KILLED);
    CHECK("si_status SIGTERM", si.si_status == SIGTERM);

    /* P_PGID: a child in its own group, another in ours */
    int q[2];
    pipe(q);
    fflush(stdout);
    pid_t a = fork();
    if (a == 0) { setpgid(0, 0); char b; close(q[1]); read(q[0], &b, 1); _exit(1); }
    setpgid(a, a);  /* both set it: no race */
    pid_t b = fork();
    if (b == 0) { char x; close(q[1]); read(q[0], &x, 1); _exit(2); }
    close(q[0]);
    close(q[1]);
    memset(&si, 0, sizeof si);
    CHECK("P_PGID(a's group) -> a", waitid(P_PGID, a, &si, WEXITED) == 0 && si.si_pid == a && si.si_status == 1);
    CHECK("P_PGID(a's group) again -> ECHILD", waitid(P_PGID, a, &si, WEXITED | WNOHANG) == -1 && errno == ECHILD);
    memset(&si, 0, sizeof si);
    CHECK("P_PGID(0 = own group) -> b", waitid(P_PGID, 0, &si, WEXITED) == 0 && si.si_pid == b && si.si_status == 2);
    /* waitid with NULL infop is accepted by Linux */
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(0);
    CHECK("waitid(P_PID, NULL infop)", syscall(SYS_waitid, P_PID, c, NULL, WEXITED, NULL) == 0);
    CHECK("reaped: ECHILD", waitpid(c, &st, WNOHANG) == -1 && errno == ECHILD);
    return 0;
}
