/* dup/dup2/dup3 share the file offset and status flags but not FD_CLOEXEC. */
#include "t.h"

int main(void)
{
    int fd = open("d.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd == 3);
    write(fd, "abcdefghij", 10);
    lseek(fd, 2, SEEK_SET);
    int d = dup(fd);
    printf("dup -> %d\n", d);
    char c;
    read(d, &c, 1);
    printf("read via dup: %c\n", c);
    CHECK("offset shared (orig now 3)", lseek(fd, 0, SEEK_CUR) == 3);
    int d2 = dup2(fd, 10);
    printf("dup2(fd,10) -> %d\n", d2);
    lseek(d2, 7, SEEK_SET);
    read(fd, &c, 1);
    printf("read via orig after seek via dup2: %c\n", c);
    CHECK("dup2 same fd returns fd", dup2(fd, fd) == fd);
    CHECK("dup2 bad oldfd -> EBADF", dup2(50, 51) == -1 && errno == EBADF);
    int d3 = dup3(fd, 11, O_CLOEXEC);
    CHECK("dup3 O_CLOEXEC sets FD_CLOEXEC", d3 == 11 && fcntl(11, F_GETFD) == FD_CLOEXEC);
    CHECK("dup2 result has no FD_CLOEXEC", fcntl(10, F_GETFD) == 0);
    CHECK("dup3 same fd -> EINVAL", dup3(fd, fd, 0) == -1 && errno == EINVAL);
    CHECK("dup3 bad flags -> EINVAL", dup3(fd, 12, 0x1234) == -1 && errno == EINVAL);
    /* dup2 onto an open fd closes it silently */
    int other = open("o.txt", O_RDWR | O_CREAT, 0644);
    int r = dup2(fd, other);
    CHECK("dup2 onto open fd", r == other && lseek(other, 0, SEEK_CUR) == 8);
    close(fd);
    CHECK("dup still works after closing original", read(d, &c, 1) == 1 && c == 'i');
    CHECK("lowest free fd reused", dup(d) == 3);
    CHECK("close twice -> EBADF", close(12) == -1 && errno == EBADF);
    CHECK("dup bad fd -> EBADF", dup(77) == -1 && errno == EBADF);
    /* stdout duplicate */
    fflush(stdout);
    int o = dup(1);
    write(o, "via dup(1)\n", 11);
    return 0;
}
