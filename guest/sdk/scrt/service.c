/* service: the glue between scrt's entry stub and a system-call service (see service.h). */
#include "service.h"

extern char _start[];
const char *service_name = "server";
static int service_ready;

long service_install(long served, long self, unsigned long stack_size) {
    long r = sc_entry(self, served, _start, 1);
    if (r < 0) return r;
    return sc_handler(served, self, _start, stack_size);
}

long server_main(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7) {
    (void) a6;
    if (__builtin_expect(!service_ready, 0)) {
        /* The init call: the program has not started, so no other thread can be here. */
        service_ready = 1;
        char **argv = (char **) a3;
        if (a2 > 0 && argv[0]) service_name = argv[0];
        return service_init(a0, a1, (int) a2, argv);
    }
    return service_call(a7, a0, a1, a2, a3, a4, a5);
}
