/* /proc/self/maps names the brk area "[heap]" once it has grown.
 * QEMU_DIFFERS: qemu 7.2 does not label the heap. */
#include "t.h"

int main(void)
{
    char *b0 = sbrk(0);
    char *p = sbrk(3 * 4096);
    REQUIRE(p == b0);
    p[0] = 1;
    FILE *f = fopen("/proc/self/maps", "r");
    REQUIRE(f);
    char line[1024];
    int heap = 0, covers = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx", &lo, &hi) != 2) continue;
        if (strstr(line, "[heap]")) {
            heap = 1;
            if ((uintptr_t)p >= lo && (uintptr_t)p + 3 * 4096 <= hi) covers = 1;
        }
    }
    CHECK("[heap] line present", heap);
    CHECK("[heap] covers sbrk'd memory", covers);
    return 0;
}
