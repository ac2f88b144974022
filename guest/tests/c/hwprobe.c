/* riscv_hwprobe (syscall 258): accepted as implemented (returns 0) or not
 * (ENOSYS, as in qemu 7.2).  Exact expectations are in hwprobe_exact.c. */
#include "t.h"

struct hwprobe { int64_t key; uint64_t value; };

int main(void)
{
    struct hwprobe p[2] = { { 3, 0 }, { 4, 0 } };
    long r = syscall(258, p, 2, 0, NULL, 0);
    int ok = (r == 0 && (p[0].value & 1)) || (r == -1 && errno == ENOSYS);
    printf("hwprobe: %s\n", ok ? "ok" : "bad");
    return 0;
}
