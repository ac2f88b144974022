/* The server of sc_nest_guard, loaded twice (P and Q): calls that bounce between the two
 * through each other's entry stub, and a buffer mapped just after the first entry. */
#include "scrt.h"

#define OP_BUFFER 1   /* map 64 KiB, fill it, return its address */
#define OP_NEST   2   /* nest(n, other's entry, my entry): n calls deep, alternating */
#define OP_CHECK  3   /* check(buffer): whether the buffer still holds its fill */

#define BUF_SIZE (64 * 1024)

long server_main(long op, long a1, long a2, long a3, long a4, long a5, long a6, long a7) {
    (void) a4, (void) a5, (void) a6, (void) a7;
    switch (op) {
    case OP_BUFFER: {
        unsigned char *b = sys_mmap(0, BUF_SIZE, 3, 0x22, -1, 0);
        if ((long) b < 0 && (long) b > -4096) return (long) b;
        for (long i = 0; i < BUF_SIZE; i++) b[i] = 0x5a;
        return (long) b;
    }
    case OP_NEST:
        if (a1 <= 1) return 1;
        return 1 + ((sc_portal_fn) a2)(OP_NEST, a1 - 1, a3, a2, 0, 0, 0, 0);
    case OP_CHECK: {
        const unsigned char *b = (const unsigned char *) a1;
        for (long i = 0; i < BUF_SIZE; i++)
            if (b[i] != 0x5a) return 0;
        return 1;
    }
    default:
        return -22;
    }
}
