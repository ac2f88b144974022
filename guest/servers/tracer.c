/*
 * tracer - logs every system call of the layer it serves, then passes it on.
 * (First version: numbers and raw arguments; see guest/servers/README.md.)
 *
 *   subcons run --serve tracer PROGRAM ARGS...
 */
#include "service.h"

static int out_fd = 2;

long service_init(long served, long self, int argc, char **argv) {
    (void) argc, (void) argv;
    return service_install(served, self, 0);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    long r = sc_pass();
    sc_dprintf(out_fd, "[tracer] %ld(0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx) = %ld\n", nr, a0, a1, a2, a3, a4, a5, r);
    return r;
}
