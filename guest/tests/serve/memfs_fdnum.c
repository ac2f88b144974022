/*
 * memfs_fdnum: memfs fds are numbered as the kernel numbers fds (lowest free), mixed with
 * real fds, and never collide with them. Prints the numbers themselves: memfs_fdnum
 * (memfs serving argv[1]) and memfs_fdnum_real (unserved, real directory) must print the
 * same ones.
 */
#include "memfs_t.h"
#include <dirent.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    snprintf(base, sizeof base, "%s", argv[1]);
    mkdir(base, 0755);
    int m1 = open(P("m1"), O_RDWR | O_CREAT, 0644);
    int r1 = open("/dev/null", O_RDONLY);
    int m2 = open(P("m2"), O_RDWR | O_CREAT, 0644);
    int p[2];
    pipe(p);
    printf("memfs %d, real %d, memfs %d, pipe %d %d\n", m1, r1, m2, p[0], p[1]);
    close(m1);
    close(p[0]);
    int a = open("/dev/zero", O_RDONLY);          /* takes m1's number */
    int b = open(P("m3"), O_RDWR | O_CREAT, 0644); /* takes the pipe's */
    printf("after closing memfs %d and pipe %d: real gets %d, memfs gets %d\n", m1, p[0], a, b);
    int c = dup(m2);
    int d = fcntl(r1, F_DUPFD, 0);
    printf("dup memfs: %d, dup real: %d\n", c, d);
    printf("dup2 memfs onto real %d: %d\n", a, dup2(m2, a));
    printf("dup2 real onto memfs %d: %d\n", b, dup2(r1, b));
    char buf[4];
    printf("%d is /dev/null now: %s\n", b, read(b, buf, 4) == 0 ? "yes" : "no");
    printf("%d is memfs now: %s\n", a, write(a, "xyz", 3) == 3 && pread(m2, buf, 3, 0) == 3 ? "yes" : "no");
    DIR *dir = opendir(base);
    printf("opendir fd: %d\n", dirfd(dir));
    FILE *f = fopen(P("m4"), "w");
    printf("fopen fd: %d\n", fileno(f));
    fclose(f);
    closedir(dir);
    int hi = dup2(m2, 50);
    int next = open(P("m5"), O_RDWR | O_CREAT, 0644);
    printf("dup2 to %d, next open: %d\n", hi, next);
    for (int fd = 3; fd < 60; fd++) close(fd);
    int again = open(P("m1"), O_RDONLY);
    int real = open("/dev/null", O_RDONLY);
    printf("all closed: memfs %d, real %d\n", again, real);
    printf("closed memfs fd is gone: %s\n", fcntl(50, F_GETFD) < 0 && errno == EBADF ? "yes" : "no");
    return 0;
}
