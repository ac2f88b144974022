/* creat/open/openat flags: O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_RDONLY
 * write failure, read at EOF. */
#include "t.h"
#include <sys/stat.h>

static long fsize(int fd) { struct stat st; fstat(fd, &st); return (long)st.st_size; }

int main(void)
{
    int fd = creat("a.txt", 0644);
    CHECK("creat", fd >= 0);
    printf("first fd: %d\n", fd);
    CHECK("write 11 bytes", write(fd, "hello world", 11) == 11);
    CHECK("read on O_WRONLY (creat) -> EBADF", read(fd, (char[4]){0}, 4) == -1 && errno == EBADF);
    close(fd);

    fd = open("a.txt", O_RDONLY);
    char buf[64] = {0};
    CHECK("read back", read(fd, buf, sizeof buf) == 11 && memcmp(buf, "hello world", 11) == 0);
    CHECK("read at EOF returns 0", read(fd, buf, sizeof buf) == 0);
    CHECK("write on O_RDONLY -> EBADF", write(fd, "x", 1) == -1 && errno == EBADF);
    close(fd);

    CHECK("O_CREAT|O_EXCL on existing -> EEXIST", open("a.txt", O_WRONLY | O_CREAT | O_EXCL, 0644) == -1 && errno == EEXIST);
    fd = open("b.txt", O_WRONLY | O_CREAT | O_EXCL, 0600);
    CHECK("O_CREAT|O_EXCL on new", fd >= 0);
    close(fd);
    CHECK("open missing without O_CREAT -> ENOENT", open("nope.txt", O_RDONLY) == -1 && errno == ENOENT);

    fd = open("a.txt", O_WRONLY | O_TRUNC);
    CHECK("O_TRUNC empties file", fd >= 0 && fsize(fd) == 0);
    write(fd, "12345", 5);
    close(fd);

    fd = open("a.txt", O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    write(fd, "678", 3);
    CHECK("O_APPEND writes at end despite lseek(0)", fsize(fd) == 8);
    CHECK("offset after append write is EOF", lseek(fd, 0, SEEK_CUR) == 8);
    close(fd);
    fd = open("a.txt", O_RDONLY);
    memset(buf, 0, sizeof buf);
    read(fd, buf, sizeof buf);
    printf("content: %s\n", buf);
    close(fd);

    /* openat relative to a directory fd and AT_FDCWD */
    mkdir("d", 0755);
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    CHECK("open dir O_DIRECTORY", dfd >= 0);
    fd = openat(dfd, "inner.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK("openat(dirfd) create", fd >= 0);
    write(fd, "inner", 5);
    close(fd);
    fd = openat(AT_FDCWD, "d/inner.txt", O_RDONLY);
    CHECK("openat(AT_FDCWD) finds it", fd >= 0 && read(fd, buf, 5) == 5 && memcmp(buf, "inner", 5) == 0);
    close(fd);
    CHECK("O_DIRECTORY on file -> ENOTDIR", open("a.txt", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR);
    CHECK("openat with bad dirfd -> EBADF", openat(1000, "x", O_RDONLY) == -1 && errno == EBADF);
    CHECK("openat with file as dirfd -> ENOTDIR", openat(open("a.txt", O_RDONLY), "x", O_RDONLY) == -1 && errno == ENOTDIR);
    CHECK("O_WRONLY on directory -> EISDIR", open("d", O_WRONLY) == -1 && errno == EISDIR);
    /* large write and read back */
    static char big[200000];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)(i * 13);
    fd = open("big.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK("write 200000", write(fd, big, sizeof big) == (ssize_t)sizeof big);
    lseek(fd, 0, SEEK_SET);
    static char big2[200000];
    size_t got = 0;
    ssize_t r;
    while ((r = read(fd, big2 + got, sizeof big2 - got)) > 0) got += (size_t)r;
    CHECK("read 200000 back", got == sizeof big && memcmp(big, big2, sizeof big) == 0);
    close(fd);
    return 0;
}
