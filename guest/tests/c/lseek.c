/* lseek SEEK_SET/CUR/END, seeking beyond EOF, holes read as zero. */
#include "t.h"
#include <sys/stat.h>

int main(void)
{
    int fd = open("s.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    write(fd, "0123456789", 10);
    CHECK("SEEK_SET 3", lseek(fd, 3, SEEK_SET) == 3);
    char c;
    read(fd, &c, 1);
    printf("byte at 3: %c\n", c);
    CHECK("SEEK_CUR +2 -> 6", lseek(fd, 2, SEEK_CUR) == 6);
    CHECK("SEEK_CUR -6 -> 0", lseek(fd, -6, SEEK_CUR) == 0);
    CHECK("SEEK_END -1 -> 9", lseek(fd, -1, SEEK_END) == 9);
    read(fd, &c, 1);
    printf("last byte: %c\n", c);
    CHECK("SEEK_SET -1 -> EINVAL", lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL);
    CHECK("bad whence -> EINVAL", lseek(fd, 0, 77) == -1 && errno == EINVAL);
    CHECK("offset unchanged after failures", lseek(fd, 0, SEEK_CUR) == 10);
    CHECK("seek beyond EOF to 100000", lseek(fd, 100000, SEEK_SET) == 100000);
    struct stat st;
    fstat(fd, &st);
    CHECK("size unchanged by seek alone", st.st_size == 10);
    write(fd, "END", 3);
    fstat(fd, &st);
    printf("size after write past EOF: %lld\n", (long long)st.st_size);
    lseek(fd, 10, SEEK_SET);
    static char buf[100000];
    ssize_t n = read(fd, buf, 99990);
    int zero = 1;
    for (ssize_t i = 0; i < n; i++) if (buf[i]) zero = 0;
    CHECK("hole reads 99990 zero bytes", n == 99990 && zero);
    n = read(fd, buf, 10);
    printf("after hole: %.*s\n", (int)n, buf);
    CHECK("SEEK_END 0", lseek(fd, 0, SEEK_END) == 100003);
    CHECK("lseek on pipe -> ESPIPE", ({ int p[2]; pipe(p); lseek(p[0], 0, SEEK_CUR) == -1 && errno == ESPIPE; }));
    CHECK("lseek on bad fd -> EBADF", lseek(999, 0, SEEK_SET) == -1 && errno == EBADF);
    /* large offsets (64-bit) */
    CHECK("seek to 2^33", lseek(fd, 1LL << 33, SEEK_SET) == (1LL << 33));
    close(fd);
    return 0;
}
