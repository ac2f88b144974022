/*
 * service - writing a system-call service: a server that `subcons run --serve` puts under
 * an unmodified program (SPEC sections 6 and 12).
 *
 * A service defines two functions:
 *
 *   long service_init(long served, long self, int argc, char **argv);
 *       The --serve init call, made once before the program starts: `served` is the sid
 *       of the layer this server serves (the program's root subcon, or the server below),
 *       `self` this server's sid, argv[0] the server's path and argv[1..] its ARGS. It
 *       usually ends with `return service_install(served, self, 0);`. A negative result
 *       stops the run (exit status 1).
 *
 *   long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
 *       Every system call the served layer makes (nr is its number, a0..a5 its arguments),
 *       on the calling thread, possibly on many threads at once: guard shared state with
 *       struct sc_mutex. Return the result the caller sees (a value or -errno), or hand the
 *       call on with `return sc_pass();`. The call's principal (whose memory the arguments
 *       point into) is readable through the rights --serve granted; sc_frame(0, regs)
 *       gives its whole register file.
 *
 * The first entry into the server is the init call (at _start, the ELF entry, on a stack
 * scrt makes); every later one is a system call (at scrt_upcall).
 */
#ifndef SERVICE_H
#define SERVICE_H

#include "scrt.h"

long service_init(long served, long self, int argc, char **argv);
long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* Makes this server the handler of `served`: sc_handler(served, self, scrt_upcall,
 * stack_size) (0: the kernel's default of 256 KiB), with the entry point sc_handler needs
 * granted only for the moment it is set, so that only upcalls reach scrt_upcall. Each
 * upcall then runs on the kernel's per-thread upcall stack, freed when the thread exits. */
long service_install(long served, long self, unsigned long stack_size);

/* The server's path as --serve gave it (argv[0] of the init call), for messages. */
extern const char *service_name;

#endif
