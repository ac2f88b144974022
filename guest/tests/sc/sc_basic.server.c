/* A server for sc_basic: adds, reads and writes the client's memory through pointers. */
#include "scrt.h"

static long secret = 0x5ec7e7;
static long calls;

long server_main(long op, long a, long b, long c, long d, long e, long f, long g) {
    calls++;
    switch (op) {
    case 1: return a + b;                          /* plain arguments */
    case 2: return *(long *) a;                    /* read the client (needs R over it) */
    case 3: *(long *) a = b; return 0;             /* write the client (needs W) */
    case 4: return (long) &secret;                 /* an address inside the server */
    case 5: return calls;
    case 6: return sc_scid();                      /* code here runs as the server */
    default: return -1;
    }
}
