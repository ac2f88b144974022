/* Shared helpers for the Subcons guest test corpus.
 * Everything printed must be identical under any correct Linux-ABI
 * implementation: print relations ("x>0: yes"), never raw addresses,
 * pids, times or host-specific values. */
#ifndef SUBCONS_T_H
#define SUBCONS_T_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Prints "name: yes" or "name: no".  Tests are written so that the
 * correct answer is always "yes" (check-qemu.sh flags any "no"). */
#define CHECK(name, cond) t_check((name), !!(cond))
static inline void t_check(const char *name, int ok)
{
    printf("%s: %s\n", name, ok ? "yes" : "no");
}

static inline void print_hex(const char *name, uint64_t v)
{
    printf("%s: 0x%016llx\n", name, (unsigned long long)v);
}

static inline void print_hex32(const char *name, uint32_t v)
{
    printf("%s: 0x%08x\n", name, v);
}

static inline const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case ESRCH: return "ESRCH";
    case EINTR: return "EINTR";
    case EIO: return "EIO";
    case ENXIO: return "ENXIO";
    case E2BIG: return "E2BIG";
    case ENOEXEC: return "ENOEXEC";
    case EBADF: return "EBADF";
    case ECHILD: return "ECHILD";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case EXDEV: return "EXDEV";
    case ENODEV: return "ENODEV";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENFILE: return "ENFILE";
    case EMFILE: return "EMFILE";
    case ENOTTY: return "ENOTTY";
    case EFBIG: return "EFBIG";
    case ENOSPC: return "ENOSPC";
    case ESPIPE: return "ESPIPE";
    case EROFS: return "EROFS";
    case EMLINK: return "EMLINK";
    case EPIPE: return "EPIPE";
    case EDOM: return "EDOM";
    case ERANGE: return "ERANGE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOSYS: return "ENOSYS";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ELOOP: return "ELOOP";
    case EOVERFLOW: return "EOVERFLOW";
    case ENOTSUP: return "ENOTSUP";
    default: return "E?";
    }
}

/* Evaluates a libc call that returns -1/errno on failure and prints
 * "name: ok" (result >= 0) or "name: -1 ENAME". */
#define ERRCHECK(name, expr) do {                                   \
        errno = 0;                                                  \
        long t_r_ = (long)(expr);                                   \
        if (t_r_ < 0) printf("%s: -1 %s\n", (name), errname(errno)); \
        else printf("%s: ok\n", (name));                            \
    } while (0)

/* Aborting assertion for setup steps: prints and exits 99. */
#define REQUIRE(cond) do {                                          \
        if (!(cond)) {                                              \
            printf("REQUIRE failed line %d: %s (errno %s)\n",       \
                   __LINE__, #cond, errname(errno));                \
            fflush(stdout);                                         \
            _exit(99);                                              \
        }                                                           \
    } while (0)

/* FNV-1a over a buffer, for checksums of generated data. */
static inline uint64_t fnv1a(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= b[i]; h *= 1099511628211ULL; }
    return h;
}

/* Deterministic PRNG (xorshift64*). */
static inline uint64_t t_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    *s = x;
    return x * 2685821657736338717ULL;
}

/* Writes a whole string with write(2) after flushing stdio. */
static inline void t_raw(const char *s)
{
    fflush(stdout);
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0) break;
        s += w; n -= (size_t)w;
    }
}

#if defined(__riscv)
/* RISC-V FP status helpers (fflags bits: NV=16 DZ=8 OF=4 UF=2 NX=1). */
static inline void fclr(void) { __asm__ volatile("fsflags zero" ::: "memory"); }
static inline unsigned fflags(void)
{
    unsigned long r;
    __asm__ volatile("frflags %0" : "=r"(r) :: "memory");
    return (unsigned)r;
}
/* Returns one of 8 rotating buffers, so up to 8 calls may appear in one
 * printf. */
static inline const char *flagstr(unsigned f)
{
    static char bufs[8][32];
    static unsigned next;
    char *b = bufs[next++ % 8];
    b[0] = 0;
    if (f & 16) strcat(b, "NV|");
    if (f & 8) strcat(b, "DZ|");
    if (f & 4) strcat(b, "OF|");
    if (f & 2) strcat(b, "UF|");
    if (f & 1) strcat(b, "NX|");
    if (!b[0]) return "-";
    b[strlen(b) - 1] = 0;
    return b;
}
static inline void set_frm(unsigned rm) { __asm__ volatile("fsrm %0" :: "r"((unsigned long)rm) : "memory"); }
#endif

#endif
