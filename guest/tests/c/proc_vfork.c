/* vfork within what POSIX allows: the child only calls _exit or execve.
 * The parent resumes afterwards and sees the exit status; a failed execve
 * in the child is followed by _exit with a status naming the error. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    int ok = 1;
    for (int i = 0; i < 20; i++) {
        fflush(stdout);
        pid_t c = vfork();
        if (c == 0) _exit(i * 11);
        REQUIRE(c > 0);
        int st;
        if (waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != i * 11) ok = 0;
    }
    CHECK("20 vfork + _exit: statuses received", ok);

    fflush(stdout);
    pid_t c = vfork();
    if (c == 0) {
        char *a[] = { "./missing", NULL };
        execve("./missing", a, NULL);
        _exit(errno == ENOENT ? 40 : 41);
    }
    int st;
    CHECK("vfork + failed execve + _exit: status 40 (ENOENT)", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 40);

    /* the parent's stdio buffer is not flushed by the child's _exit */
    printf("buffered before vfork, printed once: yes\n");
    c = vfork();
    if (c == 0) _exit(0);
    waitpid(c, &st, 0);

    /* SIGCHLD ignored: the vforked child is reaped automatically */
    signal(SIGCHLD, SIG_IGN);
    fflush(stdout);
    c = vfork();
    if (c == 0) _exit(1);
    CHECK("vfork child auto-reaped when SIGCHLD is ignored", waitpid(c, &st, 0) == -1 && errno == ECHILD);
    return 0;
}
