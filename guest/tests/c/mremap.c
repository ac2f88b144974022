/* mremap: grow, shrink, MREMAP_MAYMOVE, MREMAP_FIXED. */
#include "t.h"
#include <sys/mman.h>
#define PG 4096

int main(void)
{
    /* reserve 16 pages, keep 4 mapped so in-place growth is possible */
    unsigned char *r = mmap(NULL, 16 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(r != MAP_FAILED);
    munmap(r + 4 * PG, 12 * PG);
    mprotect(r, 4 * PG, PROT_READ | PROT_WRITE);
    for (int i = 0; i < 4 * PG; i++) r[i] = (unsigned char)i;
    unsigned char *g = mremap(r, 4 * PG, 8 * PG, 0);
    CHECK("grow in place (free space after)", g == r);
    CHECK("contents kept", g[4 * PG - 1] == (unsigned char)(4 * PG - 1));
    CHECK("new part zero and writable", g[6 * PG] == 0 && (g[6 * PG] = 1) == 1);

    /* block growth: map something right after, then grow without MAYMOVE */
    void *blk = mmap(g + 8 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    REQUIRE(blk == g + 8 * PG);
    CHECK("grow blocked without MAYMOVE -> ENOMEM", mremap(g, 8 * PG, 12 * PG, 0) == MAP_FAILED && errno == ENOMEM);
    unsigned char *m = mremap(g, 8 * PG, 12 * PG, MREMAP_MAYMOVE);
    CHECK("grow with MAYMOVE moves", m != MAP_FAILED && m != g);
    CHECK("moved contents kept", m[100] == 100 && m[6 * PG] == 1);
    CHECK("old range unmapped", msync(g, PG, MS_ASYNC) == -1 && errno == ENOMEM);

    unsigned char *s = mremap(m, 12 * PG, 2 * PG, 0);
    CHECK("shrink in place", s == m);
    CHECK("shrunk tail unmapped", msync(m + 3 * PG, PG, MS_ASYNC) == -1);

    /* MREMAP_FIXED to a chosen destination */
    unsigned char *dst = mmap(NULL, 4 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned char *f = mremap(s, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, dst + PG);
    CHECK("MREMAP_FIXED lands at destination", f == dst + PG);
    CHECK("contents at destination", f[200] == 200);
    CHECK("FIXED without MAYMOVE -> EINVAL", mremap(f, PG, PG, MREMAP_FIXED, dst) == MAP_FAILED && errno == EINVAL);
    CHECK("unaligned old address -> EINVAL", mremap(f + 1, PG, 2 * PG, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL);
    return 0;
}
