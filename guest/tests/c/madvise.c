/* madvise(MADV_DONTNEED) zeroes private anonymous memory. */
#include "t.h"
#include <sys/mman.h>
#define PG 4096

int main(void)
{
    unsigned char *a = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(a != MAP_FAILED);
    memset(a, 0x77, 4 * PG);
    CHECK("madvise DONTNEED pages 1-2", madvise(a + PG, 2 * PG, MADV_DONTNEED) == 0);
    CHECK("page 0 kept", a[0] == 0x77 && a[PG - 1] == 0x77);
    CHECK("page 1 zeroed", a[PG] == 0 && a[2 * PG - 1] == 0);
    CHECK("page 2 zeroed", a[2 * PG] == 0);
    CHECK("page 3 kept", a[3 * PG] == 0x77);
    CHECK("madvise WILLNEED ok", madvise(a, 4 * PG, MADV_WILLNEED) == 0);
    CHECK("madvise NORMAL ok", madvise(a, 4 * PG, MADV_NORMAL) == 0);
    CHECK("madvise unaligned -> EINVAL", madvise(a + 1, PG, MADV_DONTNEED) == -1 && errno == EINVAL);
    return 0;
}
