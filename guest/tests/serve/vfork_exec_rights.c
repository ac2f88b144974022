/*
 * Regression: execve in a vfork child (posix_spawn: the child shares the parent's context
 * until it execs) must not take the parent's root subcontext's roles with it: the server
 * keeps its grant over the parent and may still read its memory.
 */
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long probe(void *p) { return syscall(0x5CF0, p); }

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) return 3;
    int local = 1;
    printf("server may read the program before: %s\n", probe(&local) == 1 ? "yes" : "no");
    char *args[] = {argv[0], "child", 0};
    pid_t pid;
    int e = posix_spawn(&pid, argv[0], 0, 0, args, 0);
    int st = 0;
    waitpid(pid, &st, 0);
    printf("spawned and exited: %s\n", e == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 3 ? "yes" : "no");
    printf("server may read the program after: %s\n", probe(&local) == 1 ? "yes" : "no");
    pid = fork();
    if (pid == 0) _exit(probe(&local) == 1 ? 0 : 1);
    waitpid(pid, &st, 0);
    printf("server may read a forked child: %s\n", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
    return 0;
}
