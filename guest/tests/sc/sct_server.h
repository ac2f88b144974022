/*
 * sct_server.h - the generic test server: a test's NAME.server.c is usually just
 *     #include "sct_server.h"
 * (define SCT_EXTRA and write `long sct_extra(long op, long a, ...)` before the include
 * to add operations numbered 100 and up). See sct_ops.h for the operations.
 */
#include "scrt.h"
#include "sct_ops.h"

static volatile long secret = 0x5ec7e7;
static volatile long stop;
static long calls;
static long counter;
static char page[4096] __attribute__((aligned(4096))) = {1};
static volatile long *volatile secret_ptr = &secret;      /* relocated by the loader */

#ifdef SCT_EXTRA
static long sct_extra(long op, long a, long b, long c, long d, long e, long f, long g);
#endif

long server_main(long op, long a, long b, long c, long d, long e, long f, long g) {
    calls++;
    switch (op) {
    case OP_ADD: return a + b;
    case OP_READ: return *(volatile long *) a;
    case OP_WRITE: *(volatile long *) a = b; return 0;
    case OP_SCID: return sc_scid();
    case OP_SELF: return sc_self();
    case OP_SECRET_ADDR: return (long) &secret;
    case OP_SECRET_GET: return secret;
    case OP_SECRET_SET: secret = a; return 0;
    case OP_CALL: return ((sc_portal_fn) a)(b, c, d, e, f, g, 0, 0);
    case OP_SYSCALL: return sc_syscall7(a, b, c, d, e, f, g, 0);
    case OP_SPIN:
        *(volatile long *) a = 1;
        while (!stop) {
        }
        return stop;
    case OP_STOP_ADDR: return (long) &stop;
    case OP_SCTLS: return sc_get_sctls();
    case OP_MMAP: return (long) sys_mmap(0, a, 3, 0x22, -1, 0);
    case OP_OWNER: return sc_owner((void *) a);
    case OP_STRLEN: return strlen((const char *) a);
    case OP_COUNT: return calls;
    case OP_FORK: return sys_call(220, 17 /* SIGCHLD */, 0, 0, 0, 0, 0);
    case OP_PAGE_ADDR: return (long) page;
    case OP_SUM: {
        long s = 0;
        for (long i = 0; i < a; i++) s += ((volatile long *) b)[i];
        return s;
    }
    case OP_STOP: stop = a; return 0;
    case OP_INC: return __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
    case OP_RELOC: return secret_ptr == &secret && *secret_ptr == secret;
    default:
#ifdef SCT_EXTRA
        return sct_extra(op, a, b, c, d, e, f, g);
#else
        return -1;
#endif
    }
}
