/* MAP_SHARED file pages and read/write of the same file agree at every moment, as with
 * Linux's one page cache: a write shows in the mapping, a store shows to read, pread and
 * readv before any msync, a write to a mapped page survives the mapping's munmap (whose
 * write-back must not undo it), another descriptor and another process see the same,
 * and truncation zeroes what lies past the new end. */
#include "t.h"
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#define PG 4096

int main(void)
{
    int fd = open("coherent.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(ftruncate(fd, 2 * PG) == 0);
    char *m = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    REQUIRE(m != MAP_FAILED);
    m[0] = 'a';                                             /* both pages in memory */
    m[PG] = 'b';

    CHECK("pwrite shows in the mapping", pwrite(fd, "hello", 5, 10) == 5 && memcmp(m + 10, "hello", 5) == 0);
    CHECK("write at the position shows", lseek(fd, 100, SEEK_SET) == 100 && write(fd, "at100", 5) == 5
          && memcmp(m + 100, "at100", 5) == 0);
    CHECK("a write across the page boundary shows in both pages",
          pwrite(fd, "ACROSS", 6, PG - 3) == 6 && memcmp(m + PG - 3, "ACROSS", 6) == 0);

    memcpy(m + 200, "store", 5);
    char b[16] = {0};
    CHECK("pread sees a store before msync", pread(fd, b, 5, 200) == 5 && memcmp(b, "store", 5) == 0);
    memset(b, 0, sizeof b);
    CHECK("read sees a store", lseek(fd, 200, SEEK_SET) == 200 && read(fd, b, 5) == 5 && memcmp(b, "store", 5) == 0);
    memcpy(m + PG - 2, "xyzw", 4);
    char v1[2] = {0}, v2[2] = {0};
    struct iovec iov[2] = {{v1, 2}, {v2, 2}};
    CHECK("preadv sees stores on both pages", preadv(fd, iov, 2, PG - 2) == 4 && memcmp(v1, "xy", 2) == 0
          && memcmp(v2, "zw", 2) == 0);

    int fd2 = open("coherent.bin", O_RDWR);
    REQUIRE(fd2 >= 0);
    CHECK("a write through another descriptor shows", pwrite(fd2, "other", 5, 300) == 5 && memcmp(m + 300, "other", 5) == 0);
    memcpy(m + 400, "seen2", 5);
    CHECK("another descriptor reads a store", pread(fd2, b, 5, 400) == 5 && memcmp(b, "seen2", 5) == 0);

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        pwrite(fd2, "child", 5, 500);
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    CHECK("a child's write shows in the parent's mapping", memcmp(m + 500, "child", 5) == 0);

    CHECK("munmap", munmap(m, 2 * PG) == 0);
    memset(b, 0, sizeof b);
    CHECK("the writes survive the mapping's write-back", pread(fd, b, 5, 10) == 5 && memcmp(b, "hello", 5) == 0
          && pread(fd, b, 5, 500) == 5 && memcmp(b, "child", 5) == 0);
    CHECK("and so do the stores", pread(fd, b, 5, 200) == 5 && memcmp(b, "store", 5) == 0);

    m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    REQUIRE(m != MAP_FAILED);
    m[2000] = 'Q';
    CHECK("ftruncate to 1000 and back", ftruncate(fd, 1000) == 0 && ftruncate(fd, PG) == 0);
    CHECK("the mapping reads zero past the old end", m[2000] == 0);
    CHECK("so does read", pread(fd, b, 1, 2000) == 1 && b[0] == 0);
    m[3000] = 'R';
    CHECK("truncate by path to 2500 and back", truncate("coherent.bin", 2500) == 0 && truncate("coherent.bin", PG) == 0);
    CHECK("the mapping reads zero there too", m[3000] == 0);
    munmap(m, PG);
    close(fd2);
    close(fd);
    unlink("coherent.bin");
    return 0;
}
