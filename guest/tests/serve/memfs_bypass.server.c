/*
 * The helper of memfs_bypass: code the program loads into a subcontext of its own. That
 * subcontext has no handler, so its system calls go straight to the kernel, past memfs:
 *   op 1: close(fd)          op 2: open("/dev/zero")
 */
#include "scrt.h"

long server_main(long op, long fd, long a2, long a3, long a4, long a5, long a6, long a7) {
    (void) a2, (void) a3, (void) a4, (void) a5, (void) a6, (void) a7;
    if (op == 1) return sys_close((int) fd);
    if (op == 2) return sys_openat(-100, "/dev/zero", 0, 0);
    return -22;
}
