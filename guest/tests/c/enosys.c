/* Unknown syscall numbers return -ENOSYS (and the process continues). */
#include "t.h"

static long raw(long n)
{
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0") = 0;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    return a0;
}

int main(void)
{
    long nums[] = { 999, 0x5BFF, 500, 4096, 1L << 32, -1 };
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        long r = raw(nums[i]);
        printf("syscall %ld: %ld (%s)\n", nums[i], r, r == -ENOSYS ? "-ENOSYS" : "other");
    }
    CHECK("syscall() wrapper sets errno ENOSYS", syscall(999) == -1 && errno == ENOSYS);
    CHECK("process still alive: getpid > 0", getpid() > 0);
    return 0;
}
