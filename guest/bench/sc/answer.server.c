/*
 * answer - a benchmark service that answers one call at once: getppid, from a value it
 * asked the kernel for at init (correct for the process it serves; it does not follow a
 * fork). Every other call is passed on. It measures the cost of redirection itself:
 * ecall, upcall into the server, sc_return, with no kernel work for the call.
 */
#include "service.h"

#define NR_GETPPID 173
static long ppid;

long service_init(long served, long self, int argc, char **argv) {
    (void) argc, (void) argv;
    ppid = sys_call(NR_GETPPID, 0, 0, 0, 0, 0, 0);
    return service_install(served, self, 0);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) a0, (void) a1, (void) a2, (void) a3, (void) a4, (void) a5;
    if (nr == NR_GETPPID) return ppid;
    return sc_pass();
}
