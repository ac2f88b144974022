/* brk/sbrk growth and shrink, raw brk semantics. */
#include "t.h"

int main(void)
{
    uintptr_t b0 = (uintptr_t)syscall(SYS_brk, 0);
    CHECK("brk(0) > 0", b0 > 0);
    CHECK("brk(0) idempotent", (uintptr_t)syscall(SYS_brk, 0) == b0);
    uintptr_t want = b0 + 100000;
    uintptr_t b1 = (uintptr_t)syscall(SYS_brk, want);
    CHECK("raw brk grow returns requested end", b1 == want);
    memset((void *)b0, 0xab, 100000);
    CHECK("grown brk memory writable", ((unsigned char *)b0)[99999] == 0xab);
    uintptr_t b2 = (uintptr_t)syscall(SYS_brk, b0 + 50000);
    CHECK("raw brk shrink returns requested end", b2 == b0 + 50000);
    CHECK("memory below shrunk brk kept", ((unsigned char *)b0)[49999] == 0xab);
    /* regrow over the previously released part: must be zero again */
    uintptr_t b3 = (uintptr_t)syscall(SYS_brk, b0 + 100000);
    CHECK("regrow ok", b3 == b0 + 100000);
    int zero = 1;
    for (uintptr_t p = (b0 + 50000 + 4095) & ~4095UL; p < b0 + 100000; p++)
        if (*(unsigned char *)p) { zero = 0; break; }
    CHECK("released and regrown pages are zero", zero);
    /* brk below the initial break fails: returns current break */
    uintptr_t b4 = (uintptr_t)syscall(SYS_brk, b0 - 4096 * 1024);
    CHECK("brk below start refused (returns current)", b4 == b3);
    syscall(SYS_brk, b0);

    /* sbrk on top */
    void *s0 = sbrk(0);
    CHECK("sbrk(0) == current brk", (uintptr_t)s0 == (uintptr_t)syscall(SYS_brk, 0));
    char *p = sbrk(1 << 20);
    CHECK("sbrk(+1MiB) returns old break", p == s0);
    CHECK("new break = old + 1MiB", (char *)sbrk(0) == (char *)s0 + (1 << 20));
    for (int i = 0; i < (1 << 20); i += 4096) p[i] = (char)i;
    p[(1 << 20) - 1] = 7;
    CHECK("sbrk memory usable", p[(1 << 20) - 1] == 7);
    char *q = sbrk(-(1 << 19));
    CHECK("sbrk(-512KiB) returns old break", q == (char *)s0 + (1 << 20));
    CHECK("break shrunk", (char *)sbrk(0) == (char *)s0 + (1 << 19));
    CHECK("sbrk(0) after shrink consistent", (uintptr_t)sbrk(0) == (uintptr_t)syscall(SYS_brk, 0));
    return 0;
}
