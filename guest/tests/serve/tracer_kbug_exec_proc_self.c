/*
 * KNOWN BUG (KNOWN_BUGS.txt): execve("/proc/self/exe") re-executes the running program on
 * Linux (open and readlink of it work under Subcons, through ProcFs), but Subcons' execve
 * looks the path up on the host and fails with ELOOP. (Served or not; found while testing
 * the tracer's exec tracing.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include "tracer_test.h"

extern char **environ;

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "again")) {
        printf("re-executed\n");
        return 0;
    }
    char *args[] = {argv[0], "again", NULL};
    execve("/proc/self/exe", args, environ);
    printf("execve(/proc/self/exe) failed: %s\n", strerror(errno));
    return 1;
}
