/* MAP_FIXED_NOREPLACE over an existing mapping must fail with EEXIST.
 * QEMU_DIFFERS: qemu 7.2 treats the flag as a plain hint. */
#include "t.h"
#include <sys/mman.h>
#define PG 4096

int main(void)
{
    /* 4 pages reserved, the upper 2 released: that range is known to be free */
    unsigned char *a = mmap(NULL, 4 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(a != MAP_FAILED);
    REQUIRE(munmap(a + 2 * PG, 2 * PG) == 0);
    void *r = mmap(a, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE on mapped page fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    r = mmap(a + PG, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE partly over a mapping fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    r = mmap(a + 2 * PG + PG / 2, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE at unaligned address fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    r = mmap(a + 2 * PG, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE into free range succeeds at that address", r == a + 2 * PG);
    r = mmap(a + 3 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE over the new mapping fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    return 0;
}
