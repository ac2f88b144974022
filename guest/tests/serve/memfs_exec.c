/*
 * memfs_exec: files survive execve (memfs's subcontext is kept on exec), fds follow
 * Linux: O_CLOEXEC ones are gone in the new image, the others still work with their
 * offset, and the new image's fds are numbered from the lowest free one. Then a chain of
 * 12 execs in one thread (each stage appends to a file), and an exec of a file in
 * memfs (EACCES: the kernel loads programs from the host; on the real directory the file
 * is not executable either: EACCES too).
 *   stage 0: memfs_exec BASE
 *   stage 1: memfs_exec BASE 1 CLOEXEC_FD PLAIN_FD
 *   stage k: memfs_exec BASE k            (k = 2 .. 13)
 */
#include "memfs_t.h"
#include <sys/stat.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    snprintf(base, sizeof base, "%s", argv[1]);
    setvbuf(stdout, 0, _IONBF, 0);
    int stage = argc > 2 ? atoi(argv[2]) : 0;
    char s[16], a[16], b[16];
    if (stage == 0) {
        mkdir(base, 0755);
        int fd = open(P("f"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        write(fd, "written before exec", 19);
        close(fd);
        int cloexec = open(P("f"), O_RDONLY | O_CLOEXEC);
        int plain = open(P("f"), O_RDONLY);
        char buf[8] = {0};
        read(plain, buf, 8);
        printf("stage 0: fds %d (cloexec) %d (plain), read \"%s\"\n", cloexec, plain, buf);
        snprintf(a, sizeof a, "%d", cloexec);
        snprintf(b, sizeof b, "%d", plain);
        execl(argv[0], argv[0], base, "1", a, b, (char *) 0);
        printf("execl: %s\n", errname(errno));
        return 1;
    }
    if (stage == 1) {
        int cloexec = atoi(argv[3]), plain = atoi(argv[4]);
        show("stage 1 reads", P("f"));
        printf("cloexec fd gone: %s\n", fcntl(cloexec, F_GETFD) < 0 && errno == EBADF ? "yes" : "no");
        printf("read on cloexec fd: %s\n", read(cloexec, s, 1) < 0 ? errname(errno) : "read something");
        char buf[32] = {0};
        long n = read(plain, buf, sizeof buf - 1);
        printf("plain fd continues at its offset: %ld \"%s\"\n", n, buf);
        int fd = open(P("g"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        printf("new fd takes the lowest free number: %s\n", fd == cloexec ? "yes" : "no");
        write(fd, "1", 1);
        close(fd);
        close(plain);
        printf("exec of a memfs file: %s\n", execl(P("f"), "f", (char *) 0) < 0 ? errname(errno) : "ran");
    } else {
        int fd = open(P("g"), O_WRONLY | O_APPEND);
        snprintf(s, sizeof s, "%d", stage % 10);
        write(fd, s, 1);
        close(fd);
    }
    if (stage < 13) {
        snprintf(s, sizeof s, "%d", stage + 1);
        execl(argv[0], argv[0], base, s, (char *) 0);
        printf("execl stage %d: %s\n", stage + 1, errname(errno));
        return 1;
    }
    show("after 12 more execs", P("g"));
    int fd = open(P("f"), O_RDONLY);
    printf("fds numbered as at the start: %s\n", fd == 3 ? "yes" : "no");
    return 0;
}
