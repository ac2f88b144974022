/*
 * Regression: execve("/proc/self/exe") re-executes the running program, as on Linux (the
 * kernel follows its /proc links for execve as it does for open and readlink), served or not.
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
