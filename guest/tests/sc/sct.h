/*
 * sct.h - helpers for the subcontext tests (the clients, glibc programs).
 *
 * Tests print relations (yes/no, error names), never raw addresses or sids, so their
 * output is the same under both back-ends and in every run.
 *
 *   sct_server(argv0, name, flags, &l)  create a subcon, sc_load argv0.server, attach; sid
 *   CALL(l, op, ...)                    a call to server l's entry point (an ordinary call)
 *   CALLAT(addr, ...)                   a call to any address with up to 8 arguments
 *   sct_data(name, pages, prot, &addr)  a new attached subcon with `pages` anonymous pages
 *   sct_code(name, blob, end, &addr)    a new attached subcon holding a copy of a code
 *                                       blob on an r-x page (blobs: SCT_BLOB below)
 *   sct_poke / sct_peek                 write / read a word of a subcon the caller controls
 *   sct_can_read / sct_can_write        probe rights without faulting: a system call with a
 *                                       buffer there fails with EFAULT if the caller's
 *                                       current subcon may not read / write it (SPEC 4.5)
 *   SCT_CATCH(sig, stmt)                runs stmt; 0 if it completed, else the number of the
 *                                       (ordinary, catchable) signal it raised
 */
#ifndef SCT_H
#define SCT_H
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "subcons.h"
#include "sct_ops.h"

#define PAGE 4096UL

#define yn sct_yn      /* not the Bessel function */
static inline const char *yn(long c) { return c ? "yes" : "no"; }

/* A call's result as text: the error name, or "0", or "ok" for other non-negative values. */
static inline const char *err(long r) {
    static char buf[8][24];
    static int n;
    if (r == 0) return "0";
    if (r > 0) return "ok";
    switch (-r) {
    case EPERM: return "EPERM";
    case ESRCH: return "ESRCH";
    case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case ENOENT: return "ENOENT";
    }
    char *b = buf[n++ & 7];
    snprintf(b, sizeof buf[0], "E%ld", -r);
    return b;
}

static inline void sct_die(const char *what, long r) {
    printf("setup failed: %s: %s\n", what, err(r));
    fflush(stdout);
    _exit(99);
}

static inline long sct_check(const char *what, long r) {
    if (r < 0) sct_die(what, r);
    return r;
}

/* A new subcontext named `name`, attached to this context, holding the server at path. */
static inline long sct_server_at(const char *path, const char *name, unsigned long flags, struct sc_load *l) {
    long s = sct_check("sc_create", sc_create(name, flags));
    /* attached first, so the load picks an address free in this context (an unattached
     * subcon has no context whose mappings it must avoid) */
    sct_check("sc_attach", sc_attach(s, 0, 0));
    sct_check("sc_load", sc_load(s, path, l));
    return s;
}

static inline long sct_server(const char *argv0, const char *name, unsigned long flags, struct sc_load *l) {
    char path[512];
    snprintf(path, sizeof path, "%s.server", argv0);
    return sct_server_at(path, name, flags, l);
}

/* A server that this (root) subcontext may call at its entry point. */
static inline long sct_server_entry(const char *argv0, const char *name, unsigned long flags, struct sc_load *l) {
    long s = sct_server(argv0, name, flags, l);
    sct_check("sc_entry", sc_entry(s, sc_self(), (void *) l->entry, 1));
    return s;
}

static inline long sct_call(unsigned long entry, long op, long a, long b, long c, long d, long e, long f) {
    return ((sc_portal_fn) entry)(op, a, b, c, d, e, f, 0);
}
static inline long sct_callv(unsigned long entry, const long *a) {
    return ((sc_portal_fn) entry)(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
}
/* CALL(l, op, args...): the server loaded as l, called at its entry point (missing args 0). */
#define CALL(l, ...) sct_callv((l).entry, (const long[8]){__VA_ARGS__})
/* CALLAT(addr, args...): a call to any address with up to 8 arguments. */
#define CALLAT(addr, ...) sct_callv((unsigned long) (addr), (const long[8]){__VA_ARGS__})

/* Writes a word into subcon sid (which the caller controls) through a temporary grant. */
static inline void sct_poke(long sid, void *addr, long v) {
    long me = sc_self();
    sct_check("poke grant", sc_grant(sid, me, SC_R | SC_W));
    *(volatile long *) addr = v;
    sct_check("poke revoke", sc_grant(sid, me, 0));
}

static inline long sct_peek(long sid, void *addr) {
    long me = sc_self();
    sct_check("peek grant", sc_grant(sid, me, SC_R));
    long v = *(volatile long *) addr;
    sct_check("peek revoke", sc_grant(sid, me, 0));
    return v;
}

/* A new subcon with `pages` anonymous pages of protection `prot`, attached here. */
static inline long sct_data(const char *name, unsigned long pages, int prot, void **addr) {
    long s = sct_check("sc_create", sc_create(name, 0));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    long a = sc_mmap(s, 0, pages * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    sct_check("sc_mmap", a);
    *addr = (void *) a;
    return s;
}

/* Copies [blob, end) to the start of a new r-x page of a new attached subcon `name`. */
static inline long sct_code(const char *name, const char *blob, const char *end, void **addr) {
    long me = sc_self();
    long s = sct_data(name, 1, PROT_READ | PROT_WRITE, addr);
    sct_check("code grant", sc_grant(s, me, SC_R | SC_W));
    memcpy(*addr, blob, end - blob);
    sct_check("code revoke", sc_grant(s, me, 0));
    sct_check("code mprotect", sc_mprotect(s, *addr, PAGE, PROT_READ | PROT_EXEC));
    __builtin___clear_cache((char *) *addr, (char *) *addr + PAGE);
    return s;
}

/*
 * A code blob, assembled into .rodata (never run where it is: it is copied into a subcon
 * by sct_code). Only pc-relative references inside the blob; no relaxation, no RVC, so
 * offsets are what the source says.
 */
#define SCT_BLOB(name, body)                                                                     \
    __asm__(".pushsection .rodata\n.balign 16\n.option push\n.option norvc\n.option norelax\n" \
            ".globl " #name "\n" #name ":\n" body "\n.globl " #name "_end\n" #name "_end:\n"      \
            ".option pop\n.popsection\n");                                                       \
    extern const char name[], name##_end[]

/* ---- probes through the system-call principal check ---- */

static inline int sct_can_read(const void *addr) {
    int p[2];
    if (pipe2(p, O_NONBLOCK) < 0) sct_die("pipe", -errno);
    long r = syscall(SYS_write, p[1], addr, 8);
    close(p[0]);
    close(p[1]);
    return r == 8 ? 1 : r == -1 && errno == EFAULT ? 0 : -1;
}

static inline int sct_can_write(void *addr, long value) {
    int p[2];
    if (pipe2(p, O_NONBLOCK) < 0) sct_die("pipe", -errno);
    if (write(p[1], &value, 8) != 8) sct_die("pipe write", -errno);
    long r = syscall(SYS_read, p[0], addr, 8);
    int e = errno;
    close(p[0]);
    close(p[1]);
    return r == 8 ? 1 : r == -1 && e == EFAULT ? 0 : -1;
}

static inline const char *sct_tri(int r) { return r == 1 ? "yes" : r == 0 ? "no" : "error"; }
#define CANR(a) sct_tri(sct_can_read((const void *) (a)))
#define CANW(a, v) sct_tri(sct_can_write((void *) (a), (v)))

/* ---- catching ordinary (Linux) signals ---- */

static sigjmp_buf sct_jb;
static volatile int sct_code_caught;

static void sct_on_signal(int sig, siginfo_t *si, void *uc) {
    (void) uc;
    sct_code_caught = si->si_code;
    siglongjmp(sct_jb, sig);
}

static inline void sct_catch(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = sct_on_signal;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(sig, &sa, 0);
}

/* Runs stmt with `sig` caught: evaluates to 0 if stmt completed, else the signal number. */
#define SCT_CATCH(sig, stmt)                         \
    ({                                               \
        int sct_r_ = sigsetjmp(sct_jb, 1);           \
        if (sct_r_ == 0) {                           \
            sct_catch(sig);                          \
            stmt;                                    \
        }                                            \
        signal(sig, SIG_DFL);                        \
        sct_r_;                                      \
    })

static inline const char *sct_segv_code(void) {
    return sct_code_caught == SEGV_MAPERR ? "SEGV_MAPERR" : sct_code_caught == SEGV_ACCERR ? "SEGV_ACCERR" : "other";
}

/* ---- processes ---- */

/* The wait status of a child as text: "exit N" or "signal NAME". */
static inline const char *sct_status(int st) {
    static char b[32];
    if (WIFEXITED(st)) snprintf(b, sizeof b, "exit %d", WEXITSTATUS(st));
    else if (WIFSIGNALED(st)) {
        int g = WTERMSIG(st);
        snprintf(b, sizeof b, "signal %s", g == SIGSEGV ? "SIGSEGV" : g == SIGTERM ? "SIGTERM" : g == SIGKILL ? "SIGKILL"
                                           : g == SIGALRM ? "SIGALRM" : "other");
    }
    else snprintf(b, sizeof b, "other");
    return b;
}

static inline const char *sct_wait(pid_t pid) {
    int st = 0;
    if (waitpid(pid, &st, 0) != pid) return "wait failed";
    return sct_status(st);
}

/* Tiny pipe messages between processes. */
static inline void sct_send(int fd, long v) {
    if (write(fd, &v, sizeof v) != sizeof v) sct_die("send", -errno);
}

static inline long sct_recv(int fd) {
    long v = 0;
    if (read(fd, &v, sizeof v) != sizeof v) sct_die("recv", -errno);
    return v;
}

#endif
