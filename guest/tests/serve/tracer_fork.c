/*
 * Under `--serve 'tracer -o $CWD/trace.txt'`: a forked child's calls are traced with its own
 * pid (the tracer is shared with the child), the parent's with its own; the clone and wait4
 * lines decode flags and status. The client reads the trace back.
 */
#define _GNU_SOURCE
#include <sys/wait.h>
#include "tracer_test.h"

int main(void) {
    int parent = getpid();
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        write(1, "child says hi\n", 14);
        _exit(3);
    }
    int st;
    pid_t w = waitpid(child, &st, 0);
    check("child exited 3", w == child && WIFEXITED(st) && WEXITSTATUS(st) == 3);
    char *t = slurp("trace.txt");
    char prefix[128];
    snprintf(prefix, sizeof prefix, "[pid %d] clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, NULL, NULL, NULL, 0x", parent);
    check("clone line of the parent, the child's pid as result", has_ends(t, prefix, ") = %d", child));
    check("child's write under the child's pid", has_line(t, "[pid %d] write(1, \"child says hi\\n\", 14) = 14", child));
    check("not under the parent's", !has_line(t, "[pid %d] write(1, \"child says hi\\n\", 14) = 14", parent));
    check("child's exit_group", has_line(t, "[pid %d] exit_group(3) = ?", child));
    check("child's exit note", has_line(t, "[pid %d] +++ exited with 3 +++", child));
    check("parent's wait4", has_line(t, "[pid %d] wait4(%d, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = %d",
                                     parent, child, child));
    return 0;
}
