/*
 * passthru - the smallest system-call service: it serves a layer and hands every call on
 * to the layer below (sc_pass). Useful to measure the cost of a layer, and to show that
 * layers nest: the same binary can serve itself any number of times.
 *
 *   subcons run --serve passthru PROGRAM
 *   subcons run --serve passthru --serve passthru --serve passthru PROGRAM
 */
#include "service.h"

long service_init(long served, long self, int argc, char **argv) {
    (void) argc, (void) argv;
    return service_install(served, self, 0);
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) nr, (void) a0, (void) a1, (void) a2, (void) a3, (void) a4, (void) a5;
    return sc_pass();
}
