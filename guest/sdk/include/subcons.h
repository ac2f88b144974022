/*
 * subcons.h - the guest side of Subcons' process subcontexts (SPEC section 9).
 *
 * Usable from glibc programs and from freestanding code (the scrt runtime). Every call
 * returns what the raw system call returns: a value >= 0, or -errno on failure (these
 * wrappers do not touch errno).
 */
#ifndef SUBCONS_H
#define SUBCONS_H

/* System-call numbers. */
#define SC_NR_SELF      0x5C00
#define SC_NR_CREATE    0x5C01
#define SC_NR_ATTACH    0x5C02
#define SC_NR_DETACH    0x5C03
#define SC_NR_MMAP      0x5C04
#define SC_NR_MUNMAP    0x5C05
#define SC_NR_MPROTECT  0x5C06
#define SC_NR_GRANT     0x5C07
#define SC_NR_ENTRY     0x5C08
#define SC_NR_HANDLER   0x5C09
#define SC_NR_RETURN    0x5C0A
#define SC_NR_FRAME     0x5C0B
#define SC_NR_INFO      0x5C0C
#define SC_NR_LOAD      0x5C0D
#define SC_NR_CONTROL   0x5C0E
#define SC_NR_OWNER     0x5C0F
#define SC_NR_PASS      0x5C10

/* Rights masks (also the page permissions PROT_READ/WRITE/EXEC). */
#define SC_R 1
#define SC_W 2
#define SC_X 4
#define SC_RWX (SC_R | SC_W | SC_X)

/* Subcontext flags. */
#define SC_SHARE_ON_FORK 1
#define SC_KEEP_ON_EXEC  2

/* sc_frame operations; the frame is x0..x31 then pc (33 words). */
#define SC_FRAME_READ  0
#define SC_FRAME_WRITE 1
#define SC_FRAME_WORDS 33
#define SC_FRAME_PC    32

/* The custom CSRs: scid (0xCC0, read-only: current sid), sctls (0x8C0, per thread per subcon). */
#define SC_CSR_SCID  0xcc0
#define SC_CSR_SCTLS 0x8c0

/*
 * struct sc_info (sc_info): 104 bytes.
 *   0  name           NUL-terminated, at most 63 bytes
 *  64  flags          SC_SHARE_ON_FORK | SC_KEEP_ON_EXEC
 *  72  controller     sid of the controller (itself if self-controlled)
 *  80  contexts       number of contexts it is attached to
 *  88  bytes_mapped   total length of its mappings
 *  96  pages_present  pages with memory behind them
 */
struct sc_info {
    char name[64];
    unsigned long flags;
    long controller;
    unsigned long contexts;
    unsigned long bytes_mapped;
    unsigned long pages_present;
};

/*
 * struct sc_load (sc_load): 24 bytes.
 *   0  base   where the image's lowest segment was loaded
 *   8  entry  its ELF entry point
 *  16  end    the end of the image
 */
struct sc_load {
    unsigned long base;
    unsigned long entry;
    unsigned long end;
};

static inline long sc_syscall6(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    register long x10 __asm__("a0") = a0;
    register long x11 __asm__("a1") = a1;
    register long x12 __asm__("a2") = a2;
    register long x13 __asm__("a3") = a3;
    register long x14 __asm__("a4") = a4;
    register long x15 __asm__("a5") = a5;
    register long x17 __asm__("a7") = nr;
    __asm__ volatile("ecall" : "+r"(x10) : "r"(x11), "r"(x12), "r"(x13), "r"(x14), "r"(x15), "r"(x17) : "memory");
    return x10;
}

static inline long sc_syscall7(long nr, long a0, long a1, long a2, long a3, long a4, long a5, long a6) {
    register long x10 __asm__("a0") = a0;
    register long x11 __asm__("a1") = a1;
    register long x12 __asm__("a2") = a2;
    register long x13 __asm__("a3") = a3;
    register long x14 __asm__("a4") = a4;
    register long x15 __asm__("a5") = a5;
    register long x16 __asm__("a6") = a6;
    register long x17 __asm__("a7") = nr;
    __asm__ volatile("ecall" : "+r"(x10) : "r"(x11), "r"(x12), "r"(x13), "r"(x14), "r"(x15), "r"(x16), "r"(x17)
                     : "memory");
    return x10;
}

static inline long sc_self(void) { return sc_syscall6(SC_NR_SELF, 0, 0, 0, 0, 0, 0); }
static inline long sc_create(const char *name, unsigned long flags) {
    return sc_syscall6(SC_NR_CREATE, (long) name, (long) flags, 0, 0, 0, 0);
}
static inline long sc_attach(long sid, long pid, unsigned long flags) {
    return sc_syscall6(SC_NR_ATTACH, sid, pid, (long) flags, 0, 0, 0);
}
static inline long sc_detach(long sid, long pid) { return sc_syscall6(SC_NR_DETACH, sid, pid, 0, 0, 0, 0); }
static inline long sc_mmap(long sid, void *addr, unsigned long len, int prot, int flags, int fd, long off) {
    return sc_syscall7(SC_NR_MMAP, sid, (long) addr, (long) len, prot, flags, fd, off);
}
static inline long sc_munmap(long sid, void *addr, unsigned long len) {
    return sc_syscall6(SC_NR_MUNMAP, sid, (long) addr, (long) len, 0, 0, 0);
}
static inline long sc_mprotect(long sid, void *addr, unsigned long len, int prot) {
    return sc_syscall6(SC_NR_MPROTECT, sid, (long) addr, (long) len, prot, 0, 0);
}
static inline long sc_grant(long target, long grantee, unsigned long mask) {
    return sc_syscall6(SC_NR_GRANT, target, grantee, (long) mask, 0, 0, 0);
}
static inline long sc_entry(long target, long grantee, const void *addr, int add) {
    return sc_syscall6(SC_NR_ENTRY, target, grantee, (long) addr, add, 0, 0);
}
static inline long sc_handler(long client, long server, const void *entry, unsigned long stack_size) {
    return sc_syscall6(SC_NR_HANDLER, client, server, (long) entry, (long) stack_size, 0, 0);
}
static inline long sc_frame(int op, unsigned long regs[SC_FRAME_WORDS]) {
    return sc_syscall6(SC_NR_FRAME, op, (long) regs, 0, 0, 0, 0);
}
static inline long sc_info(long sid, struct sc_info *out) { return sc_syscall6(SC_NR_INFO, sid, (long) out, 0, 0, 0, 0); }
static inline long sc_load(long sid, const char *path, struct sc_load *out) {
    return sc_syscall6(SC_NR_LOAD, sid, (long) path, (long) out, 0, 0, 0);
}
static inline long sc_control(long sid, long controller) { return sc_syscall6(SC_NR_CONTROL, sid, controller, 0, 0, 0, 0); }
/* sid owning the page at addr; -EPERM (subcon not readable by the caller), -EACCES (page
 * protection forbids reading, e.g. PROT_NONE), -EFAULT (nothing mapped). */
static inline long sc_owner(const void *addr) { return sc_syscall6(SC_NR_OWNER, (long) addr, 0, 0, 0, 0, 0); }
static inline long sc_pass(void) { return sc_syscall6(SC_NR_PASS, 0, 0, 0, 0, 0, 0); }
/* sc_return does not return: the upcall it ends resumes the client. */
static inline __attribute__((noreturn)) void sc_return(long value) {
    sc_syscall6(SC_NR_RETURN, value, 0, 0, 0, 0, 0);
    __builtin_unreachable();
}

static inline long sc_scid(void) {
    long v;
    __asm__ volatile("csrr %0, 0xcc0" : "=r"(v));
    return v;
}
static inline long sc_get_sctls(void) {
    long v;
    __asm__ volatile("csrr %0, 0x8c0" : "=r"(v));
    return v;
}
static inline void sc_set_sctls(long v) { __asm__ volatile("csrw 0x8c0, %0" : : "r"(v)); }

/* Calls a function in another subcontext through a granted entry point: an ordinary call. */
typedef long (*sc_portal_fn)(long, long, long, long, long, long, long, long);

#endif
