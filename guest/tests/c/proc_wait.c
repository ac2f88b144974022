/* wait/waitpid/wait4: ECHILD without children, WNOHANG on a running child,
 * waiting for one pid among several, pid -1, pid 0 (own group), bad
 * options, a non-child pid. */
#include "t.h"
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
    int st;
    errno = 0;
    CHECK("wait with no children -> ECHILD", wait(&st) == -1 && errno == ECHILD);
    CHECK("waitpid(-1, WNOHANG) no children -> ECHILD", waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);
    CHECK("waitpid(1) (not a child) -> ECHILD", waitpid(1, &st, 0) == -1 && errno == ECHILD);
    CHECK("waitpid(getpid()) -> ECHILD", waitpid(getpid(), &st, 0) == -1 && errno == ECHILD);
    CHECK("waitpid bad options -> EINVAL", waitpid(-1, &st, 0x1000) == -1 && errno == EINVAL);

    /* a child blocked on a pipe: WNOHANG returns 0 until it exits */
    int p[2];
    REQUIRE(pipe(p) == 0);
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        char b;
        close(p[1]);
        read(p[0], &b, 1);
        _exit(b);
    }
    close(p[0]);
    CHECK("WNOHANG while child runs -> 0", waitpid(c, &st, WNOHANG) == 0);
    CHECK("WNOHANG any child while running -> 0", waitpid(-1, &st, WNOHANG) == 0);
    write(p[1], "\x21", 1);
    close(p[1]);
    pid_t r;
    int spins = 0;
    while ((r = waitpid(c, &st, WNOHANG)) == 0 && spins < 2000) { usleep(1000); spins++; }
    CHECK("WNOHANG eventually returns the pid", r == c);
    CHECK("status 0x21", WIFEXITED(st) && WEXITSTATUS(st) == 0x21);
    CHECK("after reaping -> ECHILD", waitpid(c, &st, WNOHANG) == -1 && errno == ECHILD);

    /* three children: wait for the middle one by pid first */
    pid_t k[3];
    fflush(stdout);
    for (int i = 0; i < 3; i++) {
        k[i] = fork();
        REQUIRE(k[i] >= 0);
        if (k[i] == 0) _exit(10 + i);
    }
    CHECK("waitpid(middle) gets middle", waitpid(k[1], &st, 0) == k[1] && WEXITSTATUS(st) == 11);
    int seen = 0;
    for (int i = 0; i < 2; i++) {
        pid_t w = wait(&st);
        if (w == k[0] && WEXITSTATUS(st) == 10) seen |= 1;
        if (w == k[2] && WEXITSTATUS(st) == 12) seen |= 4;
    }
    CHECK("wait() got the other two with their statuses", seen == 5);
    CHECK("then ECHILD", wait(&st) == -1 && errno == ECHILD);

    /* wait4 with rusage, and pid 0 (same process group) */
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(3);
    struct rusage ru;
    memset(&ru, 0xff, sizeof ru);
    CHECK("wait4(0, ..., &rusage) -> child", wait4(0, &st, 0, &ru) == c && WEXITSTATUS(st) == 3);
    CHECK("rusage written (ru_maxrss >= 0)", ru.ru_maxrss >= 0);
    /* waitpid(-pgid) with our own group */
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(4);
    CHECK("waitpid(-getpgrp()) -> child", waitpid(-getpgrp(), &st, 0) == c && WEXITSTATUS(st) == 4);
    /* NULL status pointer is allowed */
    fflush(stdout);
    c = fork();
    if (c == 0) _exit(0);
    CHECK("waitpid with NULL status", waitpid(c, NULL, 0) == c);
    /* a grandchild is not our child */
    int gp[2], hold[2];
    REQUIRE(pipe(gp) == 0 && pipe(hold) == 0);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        close(gp[0]);
        close(hold[1]);
        pid_t g = fork();
        if (g == 0) { char b; read(hold[0], &b, 1); _exit(0); }
        write(gp[1], &g, sizeof g);
        waitpid(g, NULL, 0);
        _exit(0);
    }
    close(gp[1]);
    close(hold[0]);
    pid_t g = 0;
    REQUIRE(read(gp[0], &g, sizeof g) == sizeof g);
    CHECK("waitpid(grandchild) -> ECHILD", waitpid(g, &st, WNOHANG) == -1 && errno == ECHILD);
    close(hold[1]);  /* EOF releases the grandchild */
    CHECK("child waits for its own child then exits 0", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
