/* readv/writev/pread64/pwrite64 (offset untouched). */
#include "t.h"
#include <sys/uio.h>

int main(void)
{
    int fd = open("v.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    struct iovec iov[3] = { { "abc", 3 }, { "", 0 }, { "defgh", 5 } };
    CHECK("writev 8 bytes", writev(fd, iov, 3) == 8);
    CHECK("offset 8 after writev", lseek(fd, 0, SEEK_CUR) == 8);
    CHECK("pwrite at 4", pwrite(fd, "XY", 2, 4) == 2);
    CHECK("offset unchanged by pwrite", lseek(fd, 0, SEEK_CUR) == 8);
    char b[16] = {0};
    CHECK("pread 8 at 0", pread(fd, b, 8, 0) == 8);
    printf("content: %s\n", b);
    CHECK("pread at EOF returns 0", pread(fd, b, 8, 100) == 0);
    CHECK("pwrite beyond EOF extends", pwrite(fd, "Z", 1, 20) == 1 && lseek(fd, 0, SEEK_END) == 21);
    lseek(fd, 0, SEEK_SET);
    char x1[2], x2[4], x3[100];
    struct iovec riov[3] = { { x1, 2 }, { x2, 4 }, { x3, sizeof x3 } };
    ssize_t n = readv(fd, riov, 3);
    printf("readv returned %zd\n", n);
    printf("x1=%.2s x2=%.4s x3[0..1]=%.2s x3[14]=%c\n", x1, x2, x3, x3[14]);
    CHECK("negative offset pread -> EINVAL", pread(fd, b, 1, -1) == -1 && errno == EINVAL);
    CHECK("pread on pipe -> ESPIPE", ({ int p[2]; pipe(p); pread(p[0], b, 1, 0) == -1 && errno == ESPIPE; }));
    struct iovec bad = { b, (size_t)-1 };
    CHECK("readv huge iov_len -> EINVAL", readv(fd, &bad, 1) == -1 && errno == EINVAL);
    CHECK("writev iovcnt 0 returns 0", writev(fd, iov, 0) == 0);
    CHECK("writev iovcnt -1 -> EINVAL", syscall(SYS_writev, fd, iov, -1) == -1 && errno == EINVAL);
    /* preadv/pwritev */
    struct iovec w2[2] = { { "12", 2 }, { "34", 2 } };
    CHECK("pwritev at 1", pwritev(fd, w2, 2, 1) == 4);
    char y[6] = {0};
    struct iovec r2[2] = { { y, 3 }, { y + 3, 3 } };
    CHECK("preadv at 0", preadv(fd, r2, 2, 0) == 6);
    printf("preadv: %.6s\n", y);
    close(fd);
    /* writev to stdout */
    fflush(stdout);
    struct iovec o[3] = { { "writev ", 7 }, { "to ", 3 }, { "stdout\n", 7 } };
    CHECK("writev(1)", writev(1, o, 3) == 17);
    return 0;
}
