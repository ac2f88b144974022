/* Close-on-exec: descriptors with FD_CLOEXEC (O_CLOEXEC, pipe2, F_SETFD,
 * F_DUPFD_CLOEXEC, dup3) are closed in the exec'd image, plain ones (and
 * dup/dup2 copies of close-on-exec ones) stay open with their offsets and
 * status flags.  The exec'd image gets "name fd" pairs as arguments and
 * checks each with fcntl(F_GETFD).
 * QEMU_DIFFERS: qemu-user cannot execve a RISC-V binary. */
#include "t.h"
#include <sys/wait.h>

static int fd_named(int argc, char **argv, const char *name)
{
    for (int i = 2; i + 1 < argc; i += 2)
        if (strcmp(argv[i], name) == 0) return atoi(argv[i + 1]);
    return -1;
}

static int child(int argc, char **argv)
{
    for (int i = 2; i + 1 < argc; i += 2) {
        int f = fcntl(atoi(argv[i + 1]), F_GETFD);
        if (f < 0) printf("  %s: closed (%s)\n", argv[i], errname(errno));
        else printf("  %s: open, FD_CLOEXEC %s\n", argv[i], (f & FD_CLOEXEC) ? "set" : "clear");
    }
    int fd = fd_named(argc, argv, "plain");
    CHECK("  inherited offset kept (6)", lseek(fd, 0, SEEK_CUR) == 6);
    char b[8] = { 0 };
    CHECK("  reads continue at the offset", read(fd, b, 5) == 5 && memcmp(b, "world", 5) == 0);
    CHECK("  O_APPEND status flag kept", (fcntl(fd_named(argc, argv, "O_APPEND"), F_GETFL) & O_APPEND) != 0);
    CHECK("  inherited pipe write end works", write(fd_named(argc, argv, "pipe"), "Z", 1) == 1);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "child") == 0) return child(argc, argv);

    int plain = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(plain >= 0);
    REQUIRE(write(plain, "hello world", 11) == 11);
    lseek(plain, 6, SEEK_SET);
    int cx = open("f", O_RDONLY | O_CLOEXEC);
    int pp[2], pc[2];
    REQUIRE(pipe(pp) == 0 && pipe2(pc, O_CLOEXEC) == 0);
    int setfd = dup(plain);
    fcntl(setfd, F_SETFD, FD_CLOEXEC);
    int dupcx = fcntl(plain, F_DUPFD_CLOEXEC, 20);
    int dupped = dup(cx);                 /* dup clears FD_CLOEXEC */
    int app = open("f", O_WRONLY | O_APPEND);
    int d3 = dup3(plain, 30, O_CLOEXEC);
    int d2 = dup2(cx, 31);                /* dup2 clears it too */
    int cleared = open("f", O_RDONLY | O_CLOEXEC);
    fcntl(cleared, F_SETFD, 0);
    REQUIRE(cx >= 0 && setfd >= 0 && dupcx >= 20 && dupped >= 0 && app >= 0 && d3 == 30 && d2 == 31 && cleared >= 0);

    const char *names[] = { "plain", "O_CLOEXEC", "pipe", "pipe2-read", "pipe2-write", "F_SETFD",
                            "F_DUPFD_CLOEXEC", "dup-of-cloexec", "O_APPEND", "dup3-O_CLOEXEC",
                            "dup2-of-cloexec", "F_SETFD-0" };
    int fds[] = { plain, cx, pp[1], pc[0], pc[1], setfd, dupcx, dupped, app, d3, d2, cleared };
    char nums[12][12];
    char *a[2 + 24 + 1];
    int n = 0;
    a[n++] = argv[0];
    a[n++] = "child";
    for (int i = 0; i < 12; i++) {
        snprintf(nums[i], sizeof nums[i], "%d", fds[i]);
        a[n++] = (char *)names[i];
        a[n++] = nums[i];
    }
    a[n] = NULL;
    fflush(stdout);
    pid_t c = fork();
    REQUIRE(c >= 0);
    if (c == 0) {
        close(pp[0]);
        execv(argv[0], a);
        _exit(127);
    }
    close(pp[1]);
    int st;
    REQUIRE(waitpid(c, &st, 0) == c);
    CHECK("child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    char z = 0;
    CHECK("byte written by the exec'd image through the inherited pipe", read(pp[0], &z, 1) == 1 && z == 'Z');
    CHECK("the shared offset moved in the parent too (11)", lseek(plain, 0, SEEK_CUR) == 11);
    CHECK("parent's close-on-exec descriptors still open", fcntl(cx, F_GETFD) == FD_CLOEXEC && fcntl(pc[0], F_GETFD) == FD_CLOEXEC);
    return 0;
}
