/*
 * A probe for vfork_exec_rights: answers the private call 0x5CF0 (probe) with
 * sc_owner(a0), i.e. whether this server may still read the caller's memory; passes
 * everything else.
 */
#include "service.h"

long service_init(long served, long self, int argc, char **argv) {
    (void) argc, (void) argv;
    return service_install(served, self, 0);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) a1, (void) a2, (void) a3, (void) a4, (void) a5;
    if (nr == 0x5CF0) return sc_owner((void *) a0) > 0 ? 1 : sc_owner((void *) a0);
    return sc_pass();
}
