/*
 * For serve_futex_fork: on getppid, the calling process waits (FUTEX_WAIT, not private, 1 s at
 * most) on a word of the server's, which a process that calls getpgid(0) wakes (FUTEX_WAKE,
 * not private). The server's memory is shared by parent and child (SC_SHARE_ON_FORK):
 * getppid returns 0 when woken, -ETIMEDOUT when not; getpgid returns how many it woke.
 */
#include "service.h"

static int word;

long service_init(long served, long self, int argc, char **argv) {
    (void) argc, (void) argv;
    return service_install(served, self, 0);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) a0, (void) a1, (void) a2, (void) a3, (void) a4, (void) a5;
    if (nr == 173) {                          /* getppid: wait */
        long ts[2] = {1, 0};
        return sys_call(98, (long) &word, 0 /* FUTEX_WAIT */, 0, (long) ts, 0, 0);
    }
    if (nr == 155) return sys_call(98, (long) &word, 1 /* FUTEX_WAKE */, 1, 0, 0, 0);   /* getpgid */
    return sc_pass();
}
