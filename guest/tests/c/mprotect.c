/* mprotect read-only then reading; PROT_NONE/RW toggling on parts. */
#include "t.h"
#include <sys/mman.h>
#define PG 4096

int main(void)
{
    unsigned char *a = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(a != MAP_FAILED);
    for (int i = 0; i < 4 * PG; i++) a[i] = (unsigned char)(i * 31);
    CHECK("mprotect whole range PROT_READ", mprotect(a, 4 * PG, PROT_READ) == 0);
    uint64_t h = fnv1a(a, 4 * PG);
    print_hex("read-only contents hash", h);
    CHECK("mprotect page 1 PROT_NONE", mprotect(a + PG, PG, PROT_NONE) == 0);
    CHECK("mprotect page 1 back to RW", mprotect(a + PG, PG, PROT_READ | PROT_WRITE) == 0);
    a[PG] = 0x5a;
    CHECK("page 1 writable again", a[PG] == 0x5a);
    CHECK("page 0 still readable", a[5] == (unsigned char)(5 * 31));
    CHECK("mprotect unaligned -> EINVAL", mprotect(a + 1, PG, PROT_READ) == -1 && errno == EINVAL);
    CHECK("mprotect bad prot bits -> EINVAL", mprotect(a, PG, 0x1000) == -1 && errno == EINVAL);
    munmap(a + 2 * PG, PG);
    CHECK("mprotect over a hole -> ENOMEM", mprotect(a, 4 * PG, PROT_READ) == -1 && errno == ENOMEM);
    /* read-only data section constant */
    static const char ro[] = "constant";
    CHECK("rodata readable", strcmp(ro, "constant") == 0);
    return 0;
}
