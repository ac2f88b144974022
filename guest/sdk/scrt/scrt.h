/*
 * scrt - the freestanding runtime for code that runs inside a server subcontext, without
 * glibc: Linux system-call wrappers, string functions, formatted output, and the entry
 * stub (entry.S) that every call into the server goes through.
 *
 * A server defines
 *     long server_main(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7);
 * and is linked with entry.S, whose _start is the ELF entry point. Every entry (a call
 * through a point entry, or an upcall) runs server_main on this thread's own stack in the
 * server subcontext, found through the sctls CSR: the caller's stack is never used. A call
 * returns to its caller; an upcall (recognised by ra == 0, as the kernel zeroes it) ends
 * with sc_return(value).
 */
#ifndef SCRT_H
#define SCRT_H

#include <stddef.h>
#include <stdarg.h>
#include "subcons.h"

#define SCRT_STACK_SIZE (256 * 1024)
/* Stack an entry keeps for itself before a nested entry (a callback into the server) starts below. */
#define SCRT_NEST_WINDOW (32 * 1024)

/* Linux system calls (return -errno on failure). */
long sys_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
long sys_read(int fd, void *buf, size_t n);
long sys_write(int fd, const void *buf, size_t n);
long sys_openat(int dirfd, const char *path, int flags, int mode);
long sys_close(int fd);
void *sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
long sys_munmap(void *addr, size_t len);
long sys_getpid(void);
long sys_gettid(void);
__attribute__((noreturn)) void sys_exit_group(int status);

/* Strings and memory. */
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *d, const char *s);
char *strchr(const char *s, int c);

/* Formatted output: %d %i %u %x %X %o %c %s %p %%, with l/ll/z, width, '-' and '0'. */
int sc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int sc_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int sc_dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define sc_printf(...) sc_dprintf(1, __VA_ARGS__)

/* A mutex for state that several threads' entries share (futex-based; not recursive). */
struct sc_mutex {
    int state;      /* 0 free, 1 locked, 2 locked with waiters */
};
#define SC_MUTEX_INIT {0}
void sc_mutex_lock(struct sc_mutex *m);
void sc_mutex_unlock(struct sc_mutex *m);

/* The server's code: called for every entry, with the caller's a0..a7. */
long server_main(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7);

/* A thread's first entry makes its stack (used by entry.S). */
long scrt_new_thread(void);

#endif
