/* File mappings: MAP_PRIVATE writes stay private, MAP_SHARED writes reach
 * the file, partial last page is zero-filled, offsets. */
#include "t.h"
#include <sys/mman.h>
#define PG 4096

int main(void)
{
    int fd = open("data.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    static unsigned char buf[3 * PG + 100];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)(i % 251);
    REQUIRE(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf);

    unsigned char *p = mmap(NULL, sizeof buf, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK("mmap MAP_PRIVATE", p != MAP_FAILED);
    CHECK("private mapping shows file data", memcmp(p, buf, sizeof buf) == 0);
    int z = 1;
    for (size_t i = sizeof buf; i < 4 * PG; i++) if (p[i]) z = 0;
    CHECK("tail of last page zero-filled", z);
    p[10] = 0xEE;
    munmap(p, sizeof buf);
    unsigned char c;
    pread(fd, &c, 1, 10);
    CHECK("MAP_PRIVATE write did not reach file", c == 10);

    unsigned char *s = mmap(NULL, sizeof buf, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK("mmap MAP_SHARED", s != MAP_FAILED);
    s[20] = 0xAB;
    s[3 * PG + 5] = 0xCD;
    CHECK("msync", msync(s, sizeof buf, MS_SYNC) == 0);
    pread(fd, &c, 1, 20);
    CHECK("MAP_SHARED write visible via read after msync", c == 0xAB);
    s[30] = 0x11;
    munmap(s, sizeof buf);
    pread(fd, &c, 1, 30);
    CHECK("MAP_SHARED write visible after munmap", c == 0x11);
    pread(fd, &c, 1, 3 * PG + 5);
    CHECK("write in last partial page reached file", c == 0xCD);

    /* write() after mapping is visible in a shared mapping */
    s = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0);
    c = 0x42;
    pwrite(fd, &c, 1, 100);
    CHECK("pwrite visible through MAP_SHARED", s[100] == 0x42);
    munmap(s, PG);

    /* offset mapping */
    unsigned char *o = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 2 * PG);
    CHECK("mapping at offset 2 pages", o != MAP_FAILED && o[0] == buf[2 * PG] && o[PG - 1] == buf[3 * PG - 1]);
    munmap(o, PG);
    CHECK("unaligned offset -> EINVAL", mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED && errno == EINVAL);
    close(fd);

    int rfd = open("data.bin", O_RDONLY);
    CHECK("MAP_SHARED+PROT_WRITE on O_RDONLY -> EACCES",
          mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, rfd, 0) == MAP_FAILED && errno == EACCES);
    void *rp = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, rfd, 0);
    CHECK("MAP_PRIVATE+PROT_WRITE on O_RDONLY ok", rp != MAP_FAILED);
    close(rfd);
    CHECK("mapping survives close", ((unsigned char *)rp)[1] == 1);
    return 0;
}
