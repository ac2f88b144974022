/* vfork + execve and posix_spawn (glibc: clone(CLONE_VM|CLONE_VFORK)) of
 * this test's own binary: exit statuses, file actions (open, dup2, close),
 * attributes (signal mask, default dispositions, process group), exec
 * errors reported as posix_spawn's result, posix_spawnp with a path.
 * QEMU_DIFFERS: qemu-user cannot execve a RISC-V binary. */
#include "t.h"
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

static int child(int argc, char **argv)
{
    const char *mode = argv[1];
    if (strcmp(mode, "status") == 0) return atoi(argv[2]);
    if (strcmp(mode, "hello") == 0) { printf("hello from the spawned image\n"); return 0; }
    if (strcmp(mode, "state") == 0) {
        sigset_t m;
        sigprocmask(SIG_BLOCK, NULL, &m);
        struct sigaction sa;
        sigaction(SIGUSR2, NULL, &sa);
        int r = 0;
        if (sigismember(&m, SIGUSR1)) r |= 1;           /* mask from the attribute */
        if (sa.sa_handler == SIG_DFL) r |= 2;           /* SETSIGDEF reset the ignored SIGUSR2 */
        if (getpgrp() == getpid()) r |= 4;              /* SETPGROUP 0: own group */
        if (fcntl(5, F_GETFD) == -1 && errno == EBADF) r |= 8;   /* addclose(5) */
        char b[16] = { 0 };
        if (read(0, b, sizeof b) == 10 && memcmp(b, "spawn-file", 10) == 0) r |= 16;  /* addopen onto 0 */
        return r;
    }
    (void)argc;
    return 99;
}

int main(int argc, char **argv)
{
    if (argc > 1) return child(argc, argv);
    char *self = argv[0];
    int st;

    /* vfork + execve */
    fflush(stdout);
    pid_t c = vfork();
    if (c == 0) {
        char *a[] = { self, "status", "33", NULL };
        execve(self, a, environ);
        _exit(127);
    }
    CHECK("vfork + execve: status 33", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 33);

    /* posix_spawn, plain */
    pid_t pid;
    char *a1[] = { self, "status", "44", NULL };
    CHECK("posix_spawn returns 0", posix_spawn(&pid, self, NULL, NULL, a1, environ) == 0);
    CHECK("  status 44", waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 44);

    /* stdout of the spawned image into a pipe via adddup2 */
    int p[2];
    REQUIRE(pipe(p) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    char *a2[] = { self, "hello", NULL };
    fflush(stdout);
    CHECK("posix_spawn with dup2 action", posix_spawn(&pid, self, &fa, NULL, a2, environ) == 0);
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    char buf[128];
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("  through the pipe: %s", buf);
    waitpid(pid, &st, 0);
    close(p[0]);

    /* attributes and more file actions */
    int fd = open("spawn-in", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "spawn-file", 10);
    close(fd);
    int five = dup2(1, 5);
    REQUIRE(five == 5);
    signal(SIGUSR2, SIG_IGN);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    sigset_t m, def;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigemptyset(&def);
    sigaddset(&def, SIGUSR2);
    posix_spawnattr_setsigmask(&at, &m);
    posix_spawnattr_setsigdefault(&at, &def);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "spawn-in", O_RDONLY, 0);
    posix_spawn_file_actions_addclose(&fa, 5);
    char *a3[] = { self, "state", NULL };
    CHECK("posix_spawn with attributes", posix_spawn(&pid, self, &fa, &at, a3, environ) == 0);
    CHECK("  child in its own process group (set before posix_spawn returned)", getpgid(pid) == pid);
    REQUIRE(waitpid(pid, &st, 0) == pid);
    int r = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    CHECK("  signal mask applied", r >= 0 && (r & 1));
    CHECK("  SETSIGDEF reset an ignored signal", r >= 0 && (r & 2));
    CHECK("  SETPGROUP made it a group leader", r >= 0 && (r & 4));
    CHECK("  addclose closed fd 5", r >= 0 && (r & 8));
    CHECK("  addopen put the file on fd 0", r >= 0 && (r & 16));
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK("parent's own mask untouched", !sigismember(&cur, SIGUSR1));

    /* errors come back as the result, and no child is left */
    char *a4[] = { "./nope", NULL };
    CHECK("posix_spawn of a missing file -> ENOENT", posix_spawn(&pid, "./nope", NULL, NULL, a4, environ) == ENOENT);
    fd = open("plain-text", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, "text\n", 5);
    close(fd);
    char *a5[] = { "./plain-text", NULL };
    CHECK("posix_spawn of a non-executable file -> EACCES", posix_spawn(&pid, "./plain-text", NULL, NULL, a5, environ) == EACCES);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 3, "./no-such-dir/f", O_RDONLY, 0);
    CHECK("failing addopen -> ENOENT", posix_spawn(&pid, self, &fa, NULL, a1, environ) == ENOENT);
    posix_spawn_file_actions_destroy(&fa);
    CHECK("no children left (failed spawns were reaped)", waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);

    /* posix_spawnp with a slash in the name does no PATH search */
    char *a6[] = { self, "status", "55", NULL };
    CHECK("posix_spawnp with a path", posix_spawnp(&pid, self, NULL, NULL, a6, environ) == 0);
    CHECK("  status 55", waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 55);
    return 0;
}
