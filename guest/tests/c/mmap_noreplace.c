/* MAP_FIXED_NOREPLACE over an existing mapping must fail with EEXIST.
 * QEMU_DIFFERS: qemu 7.2 treats the flag as a plain hint. */
#include "t.h"
#include <sys/mman.h>
#define PG 4096

int main(void)
{
    unsigned char *a = mmap(NULL, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(a != MAP_FAILED);
    void *r = mmap(a, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE on mapped page fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    r = mmap(a + PG / 2 * 3, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE at unaligned address fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    munmap(a + PG, PG);
    r = mmap(a + PG, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE into free range succeeds", r == a + PG);
    r = mmap(a + 2 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("NOREPLACE overlapping the new mapping fails", r == MAP_FAILED);
    printf("errno: %s\n", errname(errno));
    return 0;
}
