/* Anonymous mmap: PROT_NONE->RW, MAP_FIXED over existing, munmap of a
 * middle part, MAP_FIXED_NOREPLACE into a hole. */
#include "t.h"
#include <sys/mman.h>

#define PG 4096
static int is_mapped(void *p)
{
    /* msync on an unmapped range fails with ENOMEM */
    return msync(p, PG, MS_ASYNC) == 0;
}

int main(void)
{
    unsigned char *a = mmap(NULL, 8 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK("mmap PROT_NONE 8 pages", a != MAP_FAILED);
    CHECK("page aligned", ((uintptr_t)a & (PG - 1)) == 0);
    CHECK("mprotect RW", mprotect(a, 8 * PG, PROT_READ | PROT_WRITE) == 0);
    int zero = 1;
    for (int i = 0; i < 8 * PG; i++) if (a[i]) zero = 0;
    CHECK("fresh anonymous memory is zero", zero);
    for (int i = 0; i < 8 * PG; i++) a[i] = (unsigned char)(i / PG + 1);

    /* MAP_FIXED over pages 2..3: they become fresh zero pages */
    void *f = mmap(a + 2 * PG, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK("MAP_FIXED returns requested address", f == a + 2 * PG);
    CHECK("MAP_FIXED pages are zero", a[2 * PG] == 0 && a[4 * PG - 1] == 0);
    CHECK("neighbours untouched", a[2 * PG - 1] == 2 && a[4 * PG] == 5);

    /* munmap the middle (pages 3..4): mapping is split */
    CHECK("munmap middle", munmap(a + 3 * PG, 2 * PG) == 0);
    CHECK("page 2 still mapped", is_mapped(a + 2 * PG));
    CHECK("page 3 unmapped", !is_mapped(a + 3 * PG) && errno == ENOMEM);
    CHECK("page 4 unmapped", !is_mapped(a + 4 * PG));
    CHECK("page 5 still mapped", is_mapped(a + 5 * PG));
    CHECK("data after the hole intact", a[5 * PG] == 6 && a[8 * PG - 1] == 8);

    /* MAP_FIXED_NOREPLACE succeeds in the hole */
    /* (the EEXIST case on a mapped page is in mmap_noreplace.c) */
    void *r = mmap(a + 3 * PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("MAP_FIXED_NOREPLACE into hole", r == a + 3 * PG);

    /* munmap with partial/unaligned arguments */
    CHECK("munmap unaligned addr -> EINVAL", munmap(a + 1, PG) == -1 && errno == EINVAL);
    CHECK("munmap len 0 -> EINVAL", munmap(a, 0) == -1 && errno == EINVAL);
    CHECK("munmap of already unmapped range ok", munmap(a + 4 * PG, PG) == 0);
    CHECK("munmap whole range ok", munmap(a, 8 * PG) == 0);
    CHECK("all unmapped", !is_mapped(a) && !is_mapped(a + 7 * PG));

    /* error cases */
    CHECK("mmap len 0 -> EINVAL", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL);
    CHECK("mmap no PRIVATE/SHARED -> EINVAL", mmap(NULL, PG, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL);
    CHECK("mmap bad fd -> EBADF", mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 1000, 0) == MAP_FAILED && errno == EBADF);
    /* non-page-multiple length rounds up */
    unsigned char *b = mmap(NULL, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    b[PG - 1] = 1;
    CHECK("length rounded up to page", b[PG - 1] == 1);
    munmap(b, 100);
    return 0;
}
