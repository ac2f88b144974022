/* riscv_hwprobe (syscall 258) exact behaviour of Linux >= 6.4.
 * QEMU_DIFFERS: qemu 7.2 returns ENOSYS. */
#include "t.h"

struct hwprobe { int64_t key; uint64_t value; };
#define KEY_MVENDORID 0
#define KEY_MARCHID 1
#define KEY_MIMPID 2
#define KEY_BASE_BEHAVIOR 3
#define KEY_IMA_EXT_0 4
#define BASE_BEHAVIOR_IMA 1
#define IMA_FD 1
#define IMA_C 2

int main(void)
{
    struct hwprobe p[6] = { { KEY_MVENDORID, 7 }, { KEY_MARCHID, 7 }, { KEY_MIMPID, 7 },
                            { KEY_BASE_BEHAVIOR, 0 }, { KEY_IMA_EXT_0, 0 }, { 9999, 5 } };
    errno = 0;
    long r = syscall(258, p, 6, 0, NULL, 0);
    printf("hwprobe returns: %ld %s\n", r, errname(errno));
    CHECK("keys 0-4 kept", p[0].key == 0 && p[1].key == 1 && p[2].key == 2 && p[3].key == 3 && p[4].key == 4);
    CHECK("BASE_BEHAVIOR has IMA", (p[3].value & BASE_BEHAVIOR_IMA) != 0);
    CHECK("IMA_EXT_0 has FD", (p[4].value & IMA_FD) != 0);
    CHECK("IMA_EXT_0 has C", (p[4].value & IMA_C) != 0);
    CHECK("unknown key -> key -1, value 0", p[5].key == -1 && p[5].value == 0);
    CHECK("zero pairs ok", syscall(258, p, 0, 0, NULL, 0) == 0);
    errno = 0;
    r = syscall(258, p, 1, 0, NULL, 0x100);
    printf("unknown flags: %ld %s\n", r, errname(errno));
    return 0;
}
