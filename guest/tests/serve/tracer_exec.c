/*
 * Under `--serve tracer`: execve is shown before it runs, " = ?"; one that fails comes back
 * and shows its result on a "resumed" line (a path the tracer may not read is shown in hex);
 * after a successful one the tracer, kept across exec, traces the new image.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include "tracer_test.h"

extern char **environ;

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "child")) {
        write(1, "after exec\n", 11);
        return 5;
    }
    char *args[] = {"prog", NULL};
    execve("/nonexistent/prog", args, environ);
    printf("execve of a missing file: %s\n", errno == ENOENT ? "ENOENT" : "other");
    char *x[] = {"x", NULL};
    long r = syscall(SYS_execve, (void *) 16, x, NULL);
    printf("execve of a bad pointer: %s\n", r == -1 && errno == EFAULT ? "EFAULT" : "other");
    fflush(stdout);
    char *again[] = {argv[0], "child", NULL};
    execve(argv[0], again, environ);
    return 1;
}
