/* service: the glue between scrt's entry stub and a system-call service (see service.h). */
#include "service.h"

extern char _start[];
const char *service_name = "server";
static int service_ready;

/*
 * A passed rt_sigreturn never comes back to the entry that passed it (the kernel resumes the
 * client from its signal frame and drops the thread's upcalls), nor does a successful execve:
 * entry.S would never give that entry's part of the thread's stack back, and after a few
 * signals the thread's entries run off its stack. Such an entry gives its part back at once;
 * nothing else enters the server on this thread while it runs.
 */
static void leave_entry_early(void) {
    long *record = (long *) sc_get_sctls();
    long *frame = (long *) (record[0] + SCRT_NEST_WINDOW);   /* this entry's frame (entry.S) */
    record[0] = frame[2];                                     /* record->next as before it */
}

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
    if (a7 == 139 /* rt_sigreturn */ || a7 == 221 /* execve */ || a7 == 281 /* execveat */) leave_entry_early();
    return service_call(a7, a0, a1, a2, a3, a4, a5);
}
