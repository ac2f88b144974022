/* Process identity across fork: fork returns the child's pid to the parent
 * and 0 to the child; the child's getppid() is the parent's getpid(); in a
 * single-threaded process gettid() == getpid(); pids differ; kill(pid, 0)
 * tells whether a process exists; invalid signals and pids. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    pid_t me = getpid();
    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        pid_t v[4] = { getpid(), getppid(), (pid_t)syscall(SYS_gettid), getpgrp() };
        write(p[1], v, sizeof v);
        _exit(0);
    }
    pid_t v[4];
    REQUIRE(read(p[0], v, sizeof v) == sizeof v);
    int st;
    waitpid(c, &st, 0);
    CHECK("fork returned the child's pid", v[0] == c);
    CHECK("child pid != parent pid", c != me && c > 0);
    CHECK("child's getppid == parent's getpid", v[1] == me);
    CHECK("child's gettid == its getpid", v[2] == v[0]);
    CHECK("child inherits the process group", v[3] == getpgrp());
    CHECK("parent: gettid == getpid", syscall(SYS_gettid) == me);
    CHECK("parent's getpid unchanged by fork", getpid() == me);

    /* several children get distinct pids */
    pid_t k[8];
    int distinct = 1;
    fflush(stdout);
    for (int i = 0; i < 8; i++) {
        k[i] = fork();
        REQUIRE(k[i] >= 0);
        if (k[i] == 0) _exit(0);
        for (int j = 0; j < i; j++) if (k[j] == k[i]) distinct = 0;
    }
    for (int i = 0; i < 8; i++) waitpid(k[i], &st, 0);
    CHECK("8 live children have distinct pids", distinct);

    /* kill(pid, 0) */
    CHECK("kill(self, 0) == 0", kill(me, 0) == 0);
    CHECK("kill(0, 0) (own group) == 0", kill(0, 0) == 0);
    CHECK("kill(-pgrp, 0) == 0", kill(-getpgrp(), 0) == 0);
    fflush(stdout);
    c = fork();
    if (c == 0) { for (;;) pause(); }
    CHECK("kill(live child, 0) == 0", kill(c, 0) == 0);
    kill(c, SIGKILL);
    waitpid(c, &st, 0);
    CHECK("kill(reaped child, 0) -> ESRCH", kill(c, 0) == -1 && errno == ESRCH);
    CHECK("kill(self, 65) -> EINVAL", kill(me, 65) == -1 && errno == EINVAL);
    CHECK("kill(self, -1) -> EINVAL", kill(me, -1) == -1 && errno == EINVAL);
    CHECK("kill(-(pgid that cannot exist), 0) -> ESRCH", kill(-0x3ffffff0, 0) == -1 && errno == ESRCH);
    CHECK("tgkill(self, self, 0) == 0", syscall(SYS_tgkill, me, me, 0) == 0);
    CHECK("tgkill(self, bad tid, 0) -> ESRCH", syscall(SYS_tgkill, me, 0x3ffffff0, 0) == -1 && errno == ESRCH);
    CHECK("tgkill(0, ...) -> EINVAL", syscall(SYS_tgkill, 0, me, 0) == -1 && errno == EINVAL);
    return 0;
}
