/* service: the glue between scrt's entry stub and a system-call service (see service.h). */
#include "service.h"

extern char scrt_upcall[];
const char *service_name = "server";
static int service_ready;

long service_install(long served, long self, unsigned long stack_size) {
    /* The entry is needed only while the handler is set: removed at once, nothing can jump
     * to scrt_upcall, and it can trust sp to be the kernel's upcall stack (entry.S). */
    long r = sc_entry(self, served, scrt_upcall, 1);
    if (r < 0) return r;
    r = sc_handler(served, self, scrt_upcall, stack_size);
    long e = sc_entry(self, served, scrt_upcall, 0);
    return r < 0 ? r : e < 0 ? e : 0;
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
