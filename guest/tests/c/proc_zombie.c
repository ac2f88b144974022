/* Zombies and orphans: an exited, unreaped child still exists for kill(pid, 0)
 * and is reaped later with its status; after reaping it is gone (ESRCH).
 * An orphaned grandchild gets a new parent (not the old one, and not us). */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) _exit(9);
    siginfo_t si;        /* wait until it has exited, without reaping it: a zombie */
    REQUIRE(waitid(P_PID, c, &si, WEXITED | WNOWAIT) == 0 && si.si_pid == c);
    errno = 0;
    int k0 = kill(c, 0);
    printf("kill(zombie, 0): %d %s\n", k0, errname(errno));
    errno = 0;
    k0 = kill(c, SIGTERM);
    printf("kill(zombie, SIGTERM): %d %s\n", k0, errname(errno));
    CHECK("getpgid(zombie) works", getpgid(c) == getpgrp());
    int st;
    CHECK("reaped later with its exit status (not the SIGTERM)", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 9);
    errno = 0;
    CHECK("after reaping: kill(pid, 0) -> ESRCH", kill(c, 0) == -1 && errno == ESRCH);
    CHECK("getpgid of a reaped pid -> ESRCH", getpgid(c) == -1 && errno == ESRCH);

    /* orphan: child forks a grandchild and exits; grandchild reports */
    int rep[2];
    REQUIRE(pipe(rep) == 0);
    pid_t me = getpid();
    fflush(stdout);
    c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        int hold[2], ready[2];
        pipe(hold);
        pipe(ready);
        pid_t mid = getpid();
        pid_t g = fork();
        if (g == 0) {
            close(hold[1]);
            char b;
            pid_t before = getppid();
            write(ready[1], "b", 1);
            read(hold[0], &b, 1);          /* EOF: our parent has exited */
            pid_t after = getppid();
            int spins = 0;
            while (after == mid && spins++ < 2000) { usleep(1000); after = getppid(); }
            char r[3] = { before == mid ? 'Y' : 'N', after != mid ? 'Y' : 'N', after != me ? 'Y' : 'N' };
            write(rep[1], r, 3);
            _exit(0);
        }
        char b;
        read(ready[0], &b, 1);   /* the grandchild has looked at its ppid */
        _exit(0);   /* closes hold[1] */
    }
    close(rep[1]);
    REQUIRE(waitpid(c, &st, 0) == c);
    char r[3] = { 0 };
    CHECK("report from orphan", read(rep[0], r, 3) == 3);
    CHECK("orphan's ppid was its parent before", r[0] == 'Y');
    CHECK("orphan's ppid changed after its parent exited", r[1] == 'Y');
    CHECK("orphan was not re-parented to its grandparent", r[2] == 'Y');
    CHECK("the orphan is not our child", waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);
    return 0;
}
