/* Stack pointer alignment at main and in callees, alloca alignment. */
#include "t.h"
#include <alloca.h>

static __attribute__((noinline)) uintptr_t get_sp(void)
{
    uintptr_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    return sp;
}

static __attribute__((noinline)) int depth(int n)
{
    uintptr_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    if (sp & 15) return 0;
    if (n == 0) return 1;
    volatile char pad[n * 3 + 1];
    pad[0] = 1;
    return depth(n - 1) && pad[0] == 1;
}

int main(int argc, char **argv)
{
    uintptr_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    CHECK("sp in main 16-byte aligned", (sp & 15) == 0);
    CHECK("sp in callee 16-byte aligned", (get_sp() & 15) == 0);
    CHECK("sp aligned through 20 frames of odd sizes", depth(20));
    CHECK("stack below argv", sp < (uintptr_t)argv);
    for (int n = 1; n < 100; n += 7) {
        void *p = alloca(n);
        if ((uintptr_t)p & 15) { CHECK("alloca 16-byte aligned", 0); return 0; }
    }
    CHECK("alloca 16-byte aligned", 1);
    long double ld = 1.5L;
    CHECK("long double on stack aligned", ((uintptr_t)&ld & 15) == 0);
    (void)argc;
    return 0;
}
