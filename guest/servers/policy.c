/*
 * policy - confines an unmodified program to a list of path prefixes: a user-level OS
 * service (SPEC sections 6 and 12) that checks every system call naming a path.
 *
 *   subcons run --serve 'policy [-q] [-c] ro:PREFIX ... rw:PREFIX ...' PROGRAM ARGS...
 *
 * ro:P allows reading below P (open for reading, stat, access, readlink, chdir, execve,
 * sc_load); rw:P allows that and anything that creates, writes, truncates, removes, renames,
 * links or changes metadata. Denied calls fail with EACCES (EPERM for calls no path policy
 * can allow, such as chroot or open_by_handle_at) and are logged on stderr unless -q; -c
 * prints a summary when the program's first process calls exit_group. See
 * guest/servers/README.md for the rules, the reasoning and the limits.
 *
 * How a path call is handled:
 *   1. its strings are copied out of the principal's memory, page by page, only from pages
 *      the principal itself may read (sc_owner, for the server and for the principal), so a
 *      client cannot make the server read for it memory it cannot read;
 *   2. the path is made absolute (working directory, or the directory descriptor's path
 *      from /proc/self/fd) and normal, lexically, and must lie below a prefix;
 *   3. the object it reaches is resolved for real (an O_PATH open by the server, read back
 *      through /proc/self/fd: the object itself when the call follows its last component,
 *      else its directory plus that component), and must lie below a prefix too;
 *   4. the call is rewritten (sc_frame) to name exactly that resolved path, held in a
 *      subcontext of the server's ("policy-paths") that the principal may read but not
 *      write, so no other thread can change it between the check and the call; it is passed
 *      (sc_pass) and the registers are put back;
 *   5. an open is checked once more after the fact, on the real path of the new descriptor.
 */
#include "service.h"
#include "policy_path.h"

#define PATH_MAX PP_PATH_MAX

/* errno values */
#define EPERM 1
#define ENOENT 2
#define EBADF 9
#define EAGAIN 11
#define EACCES 13
#define EFAULT 14
#define ENOTDIR 20
#define EINVAL 22
#define ENAMETOOLONG 36
#define ELOOP 40

/* flags */
#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_SYMLINK_FOLLOW 0x400
#define AT_EMPTY_PATH 0x1000
#define O_ACCMODE 3
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC 02000000
#define O_PATH 010000000
#define O_TMPFILE_BIT 020000000
#define IN_DONT_FOLLOW 0x02000000
#define F_GETFD 1

/* system-call numbers (riscv64, asm-generic) */
#define NR_setxattr 5
#define NR_lsetxattr 6
#define NR_fsetxattr 7
#define NR_getxattr 8
#define NR_lgetxattr 9
#define NR_listxattr 11
#define NR_llistxattr 12
#define NR_removexattr 14
#define NR_lremovexattr 15
#define NR_fremovexattr 16
#define NR_getcwd 17
#define NR_fcntl 25
#define NR_inotify_add_watch 27
#define NR_mknodat 33
#define NR_mkdirat 34
#define NR_unlinkat 35
#define NR_symlinkat 36
#define NR_linkat 37
#define NR_renameat 38
#define NR_umount2 39
#define NR_mount 40
#define NR_pivot_root 41
#define NR_statfs 43
#define NR_truncate 45
#define NR_faccessat 48
#define NR_chdir 49
#define NR_chroot 51
#define NR_fchmod 52
#define NR_fchmodat 53
#define NR_fchownat 54
#define NR_fchown 55
#define NR_openat 56
#define NR_close 57
#define NR_read 63
#define NR_readlinkat 78
#define NR_newfstatat 79
#define NR_utimensat 88
#define NR_acct 89
#define NR_exit_group 94
#define NR_sched_yield 124
#define NR_rt_sigreturn 139
#define NR_getpid 172
#define NR_gettid 178
#define NR_execve 221
#define NR_swapon 224
#define NR_swapoff 225
#define NR_fanotify_mark 263
#define NR_name_to_handle_at 264
#define NR_open_by_handle_at 265
#define NR_renameat2 276
#define NR_execveat 281
#define NR_statx 291
#define NR_open_tree 428
#define NR_fspick 433
#define NR_openat2 437
#define NR_faccessat2 439
#define NR_mount_setattr 442
#define NR_fchmodat2 452
#define NR_quotactl 60
#define NR_io_uring_setup 425
#define NR_io_uring_register 427
#define NR_quotactl_fd 443
#define NR_setxattrat 463
#define NR_removexattrat 466

#define NEED_READ 1
#define NEED_WRITE 2

/* ---- configuration: written by service_init, read-only afterwards ---- */

#define MAX_RULES 64
struct rule {
    const char *path;
    size_t len;
    int rw;
};
static struct rule rules[MAX_RULES];
static int nrules, quiet, summary;
static long self_sid, paths_sid, first_pid;
static const char *myname = "policy";

/* ---- per-call memory ----
 * A call holds one slot for its whole duration: a part of the policy-paths subcontext (P),
 * where the strings the kernel is to read are put (the principal may read P, not write it),
 * and scratch space in the server's own memory. The slots are claimed with atomics, not a
 * mutex: the server and P are shared by every process of the run (SC_SHARE_ON_FORK), and a
 * futex between two processes on such memory is not something to rely on.
 */
#define NSLOTS 64
struct pslot {
    char path[2][PATH_MAX];
    unsigned long how[4];
};
#define PSLOT_SIZE ((sizeof(struct pslot) + 4095) & ~4095UL)
struct scratch {
    char raw[2][PATH_MAX];            /* the strings as the principal gave them */
    char canon[2][2 * PATH_MAX];      /* absolute, normal */
    char real[2][2 * PATH_MAX];       /* what they resolve to */
    char base[PATH_MAX];
    char target[PATH_MAX];            /* symlinkat's target, or an interpreter */
    char tnorm[2 * PATH_MAX];
    char treal[2 * PATH_MAX];         /* where a symlink's target leads */
    char line[3 * PATH_MAX];          /* a log line */
};
#define SCRATCH_SIZE ((sizeof(struct scratch) + 4095) & ~4095UL)
static char *pmem, *smem;
static int slot_busy[NSLOTS];
/* A slot a successful execve took with it: the tid that made it; freed at that thread's next call. */
static int slot_exec_tid[NSLOTS];
static int exec_pending;

/* Principals that have been given read access to P (a cache: sc_grant is idempotent). */
#define NGRANTED 32
static long granted[NGRANTED];

/* -c: counters (atomic). */
static unsigned long n_calls, n_checked, n_denied;

/* ---- small helpers ---- */

static long sys2(long nr, long a0, long a1) { return sys_call(nr, a0, a1, 0, 0, 0, 0); }

static void copy_str(char *d, const char *s) {
    while ((*d++ = *s++)) {
    }
}

static size_t str_len(const char *s) { return strlen(s); }

static const char *errname(long e) {
    switch (-e) {
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";
    default: return "error";
    }
}

static const char *callname(long nr) {
    switch (nr) {
    case NR_setxattr: return "setxattr";
    case NR_lsetxattr: return "lsetxattr";
    case NR_fsetxattr: return "fsetxattr";
    case NR_getxattr: return "getxattr";
    case NR_lgetxattr: return "lgetxattr";
    case NR_listxattr: return "listxattr";
    case NR_llistxattr: return "llistxattr";
    case NR_removexattr: return "removexattr";
    case NR_lremovexattr: return "lremovexattr";
    case NR_fremovexattr: return "fremovexattr";
    case NR_inotify_add_watch: return "inotify_add_watch";
    case NR_mknodat: return "mknodat";
    case NR_mkdirat: return "mkdirat";
    case NR_unlinkat: return "unlinkat";
    case NR_symlinkat: return "symlinkat";
    case NR_linkat: return "linkat";
    case NR_renameat: return "renameat";
    case NR_umount2: return "umount2";
    case NR_mount: return "mount";
    case NR_pivot_root: return "pivot_root";
    case NR_statfs: return "statfs";
    case NR_truncate: return "truncate";
    case NR_faccessat: return "faccessat";
    case NR_chdir: return "chdir";
    case NR_chroot: return "chroot";
    case NR_fchmod: return "fchmod";
    case NR_fchmodat: return "fchmodat";
    case NR_fchownat: return "fchownat";
    case NR_fchown: return "fchown";
    case NR_openat: return "openat";
    case NR_readlinkat: return "readlinkat";
    case NR_newfstatat: return "newfstatat";
    case NR_utimensat: return "utimensat";
    case NR_acct: return "acct";
    case NR_execve: return "execve";
    case NR_swapon: return "swapon";
    case NR_swapoff: return "swapoff";
    case NR_fanotify_mark: return "fanotify_mark";
    case NR_name_to_handle_at: return "name_to_handle_at";
    case NR_open_by_handle_at: return "open_by_handle_at";
    case NR_renameat2: return "renameat2";
    case NR_execveat: return "execveat";
    case NR_statx: return "statx";
    case NR_openat2: return "openat2";
    case NR_faccessat2: return "faccessat2";
    case NR_mount_setattr: return "mount_setattr";
    case NR_quotactl: return "quotactl";
    case NR_quotactl_fd: return "quotactl_fd";
    case NR_io_uring_setup: return "io_uring_setup";
    case NR_io_uring_setup + 1: return "io_uring_enter";
    case NR_io_uring_register: return "io_uring_register";
    case NR_fchmodat2: return "fchmodat2";
    case SC_NR_LOAD: return "sc_load";
    case SC_NR_CREATE: return "sc_create";
    case SC_NR_HANDLER: return "sc_handler";
    default:
        if (nr >= NR_open_tree && nr <= NR_fspick) return "mount API call";
        if (nr >= NR_setxattrat && nr <= NR_removexattrat) return "xattrat call";
        return "call";
    }
}

static int proc_self_entry(const char *path);

/* Whether `path` (absolute, normal) may be used for `need`. */
static int allowed(const char *path, int need) {
    if (need == NEED_READ && !strncmp(path, "/proc/", 6) && proc_self_entry(path)) return 1;
    for (int i = 0; i < nrules; i++) {
        if (need == NEED_WRITE && !rules[i].rw) continue;
        if (pp_under(rules[i].path, rules[i].len, path)) return 1;
    }
    return 0;
}

/* Whether a real path (as /proc/self/fd gives it) may be used; objects outside the file tree
 * (pipes, sockets) are not the policy's business. An unlinked file is judged by its old path. */
static int real_allowed(char *real, int need) {
    if (real[0] != '/') return !strncmp(real, "pipe:[", 6) || !strncmp(real, "socket:[", 8);
    size_t n = str_len(real);
    int del = pp_strip_deleted(real);
    int ok = allowed(real, need);
    if (del) real[n - 10] = ' ';
    return ok;
}

/* The calling process's own pid (kept per process: the server is shared by a fork's child). */
static long own_pid(void) { return sys_getpid(); }

/* The /proc directory of the calling process: "/proc/self", "/proc/thread-self" or
 * "/proc/PID" (its own pid). Returns the length of that part of `path`, or 0. */
static size_t proc_dir(const char *path) {
    if (strncmp(path, "/proc/", 6)) return 0;
    const char *p = path + 6, *e = p;
    while (*e && *e != '/') e++;
    size_t n = (size_t) (e - path);
    if ((e - p == 4 && !strncmp(p, "self", 4)) || (e - p == 11 && !strncmp(p, "thread-self", 11))) return n;
    if (e == p || e - p > 9) return 0;
    long v = 0;
    for (const char *q = p; q < e; q++) {
        if (*q < '0' || *q > '9') return 0;
        v = v * 10 + (*q - '0');
    }
    return v == own_pid() ? n : 0;
}

/* Paths below the process's own /proc directory: the kernel serves them (or the host's /proc
 * for entries it does not serve), so they are judged by name only, never resolved here. */
static int proc_own(const char *path) {
    size_t n = proc_dir(path);
    return n && path[n] == '/';
}

/*
 * The entries of its own /proc directory the kernel makes for the process (ProcFs): exe,
 * cwd, fd/N (links to what the process already reaches), maps, cmdline, auxv, stat, subcons.
 * Reading these is always allowed (glibc reads /proc/self/exe at start-up); what an open
 * of a link reaches is still judged by the check after the open.
 */
static int proc_self_entry(const char *path) {
    size_t n = proc_dir(path);
    if (!n || path[n] != '/') return 0;
    const char *e = path + n + 1;
    static const char *const names[] = {"exe", "cwd", "maps", "cmdline", "auxv", "stat", "subcons"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) if (!strcmp(e, names[i])) return 1;
    if (strncmp(e, "fd/", 3) || !e[3]) return 0;
    for (e += 3; *e; e++) if (*e < '0' || *e > '9') return 0;
    return 1;
}

static void log_line(char *line, size_t n) {
    line[n++] = '\n';
    sys_write(2, line, n);
}

/* Appends `s` quoted to line[*n], in at most `room` bytes. */
static void put_quoted(char *line, size_t *n, size_t room, const char *s) {
    line[(*n)++] = '"';
    *n += pp_escape(line + *n, room - 2, s);
    line[(*n)++] = '"';
}

static void put_str(char *line, size_t *n, const char *s) {
    while (*s) line[(*n)++] = *s++;
}

/*
 * Counts a denial and logs it: `policy: denied NAME "PATH" [-> "REAL"] (WHY) = ERR`. Paths
 * may be null. `line` is scratch space of 3 * PATH_MAX bytes (or null: a small stack buffer).
 */
static long deny(long nr, const char *path, const char *real, const char *why, long err, char *line) {
    __atomic_fetch_add(&n_denied, 1, __ATOMIC_RELAXED);
    if (quiet) return err;
    char small[640];
    size_t size = line ? 3 * PATH_MAX : sizeof small;
    if (!line) line = small;
    size_t room = (size - 200) / 2, n = 0;
    if (room > 1024) room = 1024;           /* long paths are cut: a log line stays readable */
    put_str(line, &n, myname);
    put_str(line, &n, ": denied ");
    put_str(line, &n, callname(nr));
    if (path) {
        line[n++] = ' ';
        put_quoted(line, &n, room, path);
    }
    if (real) {
        put_str(line, &n, " -> ");
        put_quoted(line, &n, room, real);
    }
    put_str(line, &n, " (");
    put_str(line, &n, why);
    put_str(line, &n, ") = ");
    put_str(line, &n, errname(err));
    log_line(line, n);
    return err;
}

/* ---- reading the principal's memory ---- */

#define NR_futex 98

/* The call being served: its registers (as the principal made it, then as rewritten), and
 * the slot that holds its copies. */
struct call {
    long nr;
    unsigned long regs[SC_FRAME_WORDS];
    unsigned long args[8];            /* a0..a7 as the principal made the call */
    long principal;
    int slot;
    int rewritten;
    struct pslot *p;
    struct scratch *s;
};

/*
 * Asks the kernel sc_owner(page) on the principal's behalf: the call is turned into
 * sc_owner for a moment and passed, so the principal's own rights decide. Returns the
 * owner's sid if the principal may read there, else -errno.
 */
static long owner_for_principal(struct call *c, unsigned long page) {
    unsigned long r2[SC_FRAME_WORDS];
    for (int i = 0; i < SC_FRAME_WORDS; i++) r2[i] = c->regs[i];
    for (int i = 0; i < 8; i++) r2[10 + i] = c->args[i];
    r2[17] = SC_NR_OWNER;
    r2[10] = page;
    if (sc_frame(SC_FRAME_WRITE, r2) < 0) return -EFAULT;
    long o = sc_pass();
    r2[17] = c->args[7];
    r2[10] = c->args[0];
    sc_frame(SC_FRAME_WRITE, r2);
    return o;
}

/*
 * Whether the server may read the page at `page` for the principal. The server may read
 * more than the principal (itself, the layers between), and must not read for it what it
 * could not: the page must be the principal's own (sc_owner), or one the principal may read
 * by its own rights (sc_owner asked for the principal: an inner server that rewrites a call,
 * like this one, points it at memory of its own that the principal may read). sc_owner
 * also refuses a page that is not readable at all (PROT_NONE: EACCES).
 */
static int readable(struct call *c, unsigned long page) {
    long o = sc_owner((void *) page);
    if (o <= 0) return 0;
    return o == c->principal || owner_for_principal(c, page) == o;
}

/*
 * Copies the NUL-terminated string at `addr` (at most `max` bytes with the NUL) out of the
 * principal's memory, checking each page first. Returns the length, -EFAULT, or
 * -ENAMETOOLONG.
 */
static long copy_string(struct call *c, unsigned long addr, char *buf, size_t max) {
    if (!addr) return -EFAULT;
    size_t n = 0;
    for (;;) {
        unsigned long a = addr + n, page = a & ~4095UL;
        if (a < addr || !readable(c, page)) return -EFAULT;
        for (; a < page + 4096; a++, n++) {
            if (n >= max) return -ENAMETOOLONG;
            char ch = *(volatile const char *) a;
            buf[n] = ch;
            if (!ch) return (long) n;
        }
    }
}

static long copy_bytes(struct call *c, unsigned long addr, void *buf, size_t len) {
    for (unsigned long p = addr & ~4095UL; p < addr + len; p += 4096) {
        if (addr + len < addr || !readable(c, p)) return -EFAULT;
    }
    for (size_t i = 0; i < len; i++) ((char *) buf)[i] = *(volatile const char *) (addr + i);
    return 0;
}

/* ---- what paths resolve to ---- */

/* The path of descriptor `fd` (from /proc/self/fd) into out[PATH_MAX]: its length or -errno.
 * `known`: the server just opened it itself, so it exists. */
static long fd_path_of(int fd, char *out, int known) {
    if (fd < 0) return -EBADF;
    /* A descriptor that does not exist must say EBADF: /proc would answer with the host's
     * (the kernel makes /proc/self itself). */
    if (!known) {
        long r = sys_call(NR_fcntl, fd, F_GETFD, 0, 0, 0, 0);
        if (r < 0) return r;
    }
    char link[32];
    sc_snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    long n = sys_call(NR_readlinkat, AT_FDCWD, (long) link, (long) out, PATH_MAX, 0, 0);
    if (n < 0) return n == -ENOENT ? -EBADF : n;
    if (n >= PATH_MAX) return -ENAMETOOLONG;
    out[n] = 0;
    return n;
}

static long fd_path(int fd, char *out) { return fd_path_of(fd, out, 0); }

static long get_cwd(char *out) {
    long r = sys2(NR_getcwd, (long) out, PATH_MAX);
    return r < 0 ? r : 0;
}

/* The directory a relative path starts from: the working directory or dirfd's path. */
static long base_of(int dirfd, char *out) {
    long r = dirfd == AT_FDCWD ? get_cwd(out) : fd_path(dirfd, out);
    if (r < 0) return r;
    return out[0] == '/' ? 0 : -ENOTDIR;
}

/* The real path of what `path` (absolute, with its tail) names, following its last symlink
 * or not: an O_PATH descriptor's /proc/self/fd path. */
static long real_object(const char *path, int follow, char *out) {
    long fd = sys_openat(AT_FDCWD, path, O_PATH | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW), 0);
    if (fd < 0) return fd;
    long r = fd_path_of((int) fd, out, 1);
    sys_close((int) fd);
    return r;
}

/* The real path of the directory holding the last component of `canon`, plus that component. */
static long real_parent(const char *canon, char *out) {
    size_t last = pp_last(canon);
    if (canon[last] == 0) {                 /* "/" */
        copy_str(out, "/");
        return 0;
    }
    char save = canon[last];
    char *c = (char *) canon;
    c[last] = 0;                            /* canon is scratch of ours: cut it for a moment */
    long fd = sys_openat(AT_FDCWD, last > 1 ? canon : "/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
    c[last] = save;
    if (fd < 0) return fd;
    long r = fd_path_of((int) fd, out, 1);
    sys_close((int) fd);
    if (r < 0) return r;
    if (out[0] != '/') return -ENOTDIR;
    size_t n = str_len(out), k = str_len(canon + last);
    if (n + 1 + k + 1 > 2 * PATH_MAX) return -ENAMETOOLONG;
    if (n > 1) out[n++] = '/';
    memcpy(out + n, canon + last, k + 1);
    return 0;
}

/* `path` with its tail put back (for the kernel): into `out`, or -ENAMETOOLONG. */
static long with_tail(const char *path, int tail, char *out) {
    size_t n = str_len(path);
    if (n + 3 > PATH_MAX) return -ENAMETOOLONG;
    memcpy(out, path, n + 1);
    if (tail & PP_TAIL_DOT) {
        if (n > 1) out[n++] = '/';
        out[n++] = '.';
        out[n] = 0;
    } else if ((tail & PP_TAIL_SLASH) && n > 1) {
        out[n++] = '/';
        out[n] = 0;
    }
    return 0;
}

/* ---- one call ---- */

/* How a path argument is resolved for real. */
#define RES_PARENT 0         /* its directory, plus the last component as it is */
#define RES_FOLLOW 1         /* the object, its last symlink followed */
#define RES_NOFOLLOW 2       /* the object itself */
#define RES_CREATE 3         /* the object (followed) if it exists, else as RES_PARENT */
#define RES_CREATE_NOFOLLOW 4

/* Takes a slot for the call (waits while all are busy). */
static void claim(struct call *c) {
    for (;;) {
        for (int i = 0; i < NSLOTS; i++) {
            int zero = 0;
            if (__atomic_load_n(&slot_busy[i], __ATOMIC_RELAXED) == 0
                && __atomic_compare_exchange_n(&slot_busy[i], &zero, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
                c->slot = i;
                c->p = (struct pslot *) (pmem + (unsigned long) i * PSLOT_SIZE);
                c->s = (struct scratch *) (smem + (unsigned long) i * SCRATCH_SIZE);
                return;
            }
        }
        sys_call(NR_sched_yield, 0, 0, 0, 0, 0, 0);
    }
}

static void release(struct call *c) {
    if (c->slot < 0) return;
    c->p->path[0][0] = c->p->path[1][0] = 0;
    __atomic_store_n(&slot_busy[c->slot], 0, __ATOMIC_RELEASE);
    c->slot = -1;
}

/* Slots whose execve succeeded are freed by the thread's next call (the new program's). */
static void reap_exec_slots(void) {
    if (__atomic_load_n(&exec_pending, __ATOMIC_ACQUIRE) == 0) return;
    int tid = (int) sys_gettid();
    for (int i = 0; i < NSLOTS; i++) {
        int t = tid;
        if (__atomic_load_n(&slot_exec_tid[i], __ATOMIC_RELAXED) == tid
            && __atomic_compare_exchange_n(&slot_exec_tid[i], &t, 0, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
            __atomic_fetch_sub(&exec_pending, 1, __ATOMIC_RELEASE);
            __atomic_store_n(&slot_busy[i], 0, __ATOMIC_RELEASE);
        }
    }
}

/* Lets `principal` read P (once per principal; the grant survives execve, P is kept on exec). */
static long grant_principal(long principal) {
    for (int i = 0; i < NGRANTED; i++) if (__atomic_load_n(&granted[i], __ATOMIC_ACQUIRE) == principal) return 0;
    long r = sc_grant(paths_sid, principal, SC_R);
    if (r < 0) return r;
    for (int i = 0; i < NGRANTED; i++) {
        long zero = 0;
        if (__atomic_compare_exchange_n(&granted[i], &zero, principal, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) break;
    }
    return 0;
}

/* Reads the principal's frame; -EPERM when this is no upcall of ours. */
static long begin(struct call *c, long nr) {
    c->nr = nr;
    c->slot = -1;
    c->rewritten = 0;
    if (sc_frame(SC_FRAME_READ, c->regs) < 0) return -EPERM;
    for (int i = 0; i < 8; i++) c->args[i] = c->regs[10 + i];
    /* The principal's code holds the ecall, just before where it resumes. */
    c->principal = sc_owner((void *) (c->regs[SC_FRAME_PC] - 4));
    if (c->principal <= 0) return -EFAULT;
    __atomic_fetch_add(&n_checked, 1, __ATOMIC_RELAXED);
    return 0;
}

/* Puts a string the kernel is to read into the call's part of P. */
static const char *publish(struct call *c, int i, const char *s) {
    copy_str(c->p->path[i], s);
    c->rewritten = 1;
    return c->p->path[i];
}

/*
 * Checks path argument `i` (register a<argi>, directory descriptor dirfd) for `need` and
 * points the argument at the resolved path in P. `empty_ok`: an empty path means dirfd
 * itself (AT_EMPTY_PATH). `flags_reg`, when >= 0, is the register of AT_* flags, adjusted
 * when an fd operation becomes a path operation. Returns 0, or the result to give the client.
 */
static long check_path(struct call *c, int i, int dirfd_reg, int argi, int need, int how, int empty_ok, int flags_reg) {
    struct scratch *s = c->s;
    int dirfd = dirfd_reg >= 0 ? (int) c->regs[10 + dirfd_reg] : AT_FDCWD;
    long n = copy_string(c, c->regs[10 + argi], s->raw[i], PATH_MAX);
    if (n < 0) return n;
    if (n == 0) {
        if (!empty_ok) return -ENOENT;
        /* The object is dirfd itself. Looking at a descriptor the program holds is fstat:
         * no path is involved. Changing it is judged by its path, and made a path call. */
        if (need == NEED_READ && dirfd != AT_FDCWD) {
            c->regs[10 + argi] = (unsigned long) publish(c, i, "");
            return 0;
        }
        long r = dirfd == AT_FDCWD ? get_cwd(s->real[i]) : fd_path(dirfd, s->real[i]);
        if (r < 0) return r;
        if (s->real[i][0] != '/' || !real_allowed(s->real[i], need) || pp_strip_deleted(s->real[i]))
            return deny(c->nr, s->real[i], 0, need == NEED_WRITE ? "write" : "read", -EACCES, s->line);
        c->regs[10 + argi] = (unsigned long) publish(c, i, s->real[i]);
        if (dirfd_reg >= 0) c->regs[10 + dirfd_reg] = (unsigned long) AT_FDCWD;
        if (flags_reg >= 0) c->regs[10 + flags_reg] = (c->regs[10 + flags_reg] & ~AT_EMPTY_PATH) | AT_SYMLINK_NOFOLLOW;
        return 0;
    }
    const char *base = 0;
    if (s->raw[i][0] != '/') {
        long r = base_of(dirfd, s->base);
        if (r < 0) return r;
        base = s->base;
    }
    int tail;
    long len = pp_normalize(base, s->raw[i], s->canon[i], sizeof s->canon[i], &tail);
    if (len < 0 || len >= PATH_MAX) return -ENAMETOOLONG;
    const char *why = need == NEED_WRITE ? "write" : "read";
    if (!allowed(s->canon[i], need)) return deny(c->nr, s->canon[i], 0, why, -EACCES, s->line);
    /* What it reaches for real. A path ending in "." or ".." names a directory: resolve it whole. */
    char *k = s->tnorm;                     /* the canonical path with its tail, for lookups */
    if (with_tail(s->canon[i], tail, k) < 0) return -ENAMETOOLONG;
    long r;
    if (proc_own(s->canon[i])) {
        c->regs[10 + argi] = (unsigned long) publish(c, i, k);
        if (dirfd_reg >= 0) c->regs[10 + dirfd_reg] = (unsigned long) AT_FDCWD;
        copy_str(s->real[i], s->canon[i]);
        return 0;
    }
    if (tail & PP_TAIL_DOT) how = RES_FOLLOW;
    switch (how) {
    case RES_FOLLOW:
    case RES_NOFOLLOW:
        r = real_object(k, how == RES_FOLLOW, s->real[i]);
        break;
    case RES_CREATE:
    case RES_CREATE_NOFOLLOW:
        r = real_object(k, how == RES_CREATE, s->real[i]);
        if (r != -ENOENT) break;
        r = real_parent(s->canon[i], s->real[i]);
        /* O_CREAT without O_EXCL follows a dangling symlink and makes its target: follow it
         * here (from the link's real directory), so what is checked and passed is the path
         * where the file will be made. */
        for (int hops = 0; r == 0 && how == RES_CREATE; hops++) {
            long m = sys_call(NR_readlinkat, AT_FDCWD, (long) s->real[i], (long) s->target, PATH_MAX - 1, 0, 0);
            if (m < 0) break;               /* not a symlink, or nothing there */
            if (hops == 8) return -ELOOP;
            s->target[m] = 0;
            size_t last = pp_last(s->real[i]);
            if (last >= PATH_MAX) return -ENAMETOOLONG;
            memcpy(s->base, s->real[i], last);
            s->base[last > 1 ? last - 1 : 1] = 0;
            int t2;
            long len2 = pp_normalize(s->base, s->target, s->tnorm, sizeof s->tnorm, &t2);
            if (len2 < 0 || len2 >= PATH_MAX) return -ENAMETOOLONG;
            r = real_parent(s->tnorm, s->real[i]);
        }
        break;
    default:
        r = real_parent(s->canon[i], s->real[i]);
    }
    if (r < 0) return r;
    if (s->real[i][0] != '/') {
        /* Not in the file tree (a /proc/self/fd link to a pipe): the name stays as checked. */
        if (!real_allowed(s->real[i], need)) return deny(c->nr, s->canon[i], s->real[i], why, -EACCES, s->line);
        copy_str(s->real[i], s->canon[i]);
    } else if (!real_allowed(s->real[i], need)) {
        return deny(c->nr, s->canon[i], s->real[i], why, -EACCES, s->line);
    }
    if (with_tail(s->real[i], tail, s->tnorm) < 0) return -ENAMETOOLONG;
    c->regs[10 + argi] = (unsigned long) publish(c, i, s->tnorm);
    if (dirfd_reg >= 0) c->regs[10 + dirfd_reg] = (unsigned long) AT_FDCWD;
    return 0;
}

/* Passes the call as rewritten, and gives the principal its registers back. */
static long pass(struct call *c) {
    if (!c->rewritten) return sc_pass();
    long r = grant_principal(c->principal);
    if (r < 0) return -EFAULT;
    if (sc_frame(SC_FRAME_WRITE, c->regs) < 0) return -EFAULT;
    r = sc_pass();
    for (int i = 0; i < 8; i++) c->regs[10 + i] = c->args[i];    /* only a0..a7 are ever changed */
    sc_frame(SC_FRAME_WRITE, c->regs);
    return r;
}

/* ---- where symbolic links lead ---- */

/*
 * Judges the symlink target in s->target for a link whose real path is `link`: resolved
 * from the link's directory it must lie in rw space, by name and for real (a target that
 * exists is followed; one that does not is judged by its directory). Returns 0 or a denial.
 */
static long judge_target(struct call *c, const char *link, const char *why, int show_link) {
    struct scratch *s = c->s;
    size_t last = pp_last(link);
    if (last >= PATH_MAX) return -ENAMETOOLONG;
    memcpy(s->base, link, last);
    s->base[last > 1 ? last - 1 : 1] = 0;
    int t;
    long len = pp_normalize(s->base, s->target, s->tnorm, sizeof s->tnorm, &t);
    if (len < 0 || len >= PATH_MAX) return -ENAMETOOLONG;
    /* logged as: the target -> where it really leads; or (show_link) the link -> its target */
    if (!allowed(s->tnorm, NEED_WRITE))
        return deny(c->nr, show_link ? link : s->tnorm, show_link ? s->tnorm : 0, why, -EACCES, s->line);
    long r = real_object(s->tnorm, 1, s->treal);
    if (r == -ENOENT) r = real_parent(s->tnorm, s->treal);
    if (r >= 0 && !real_allowed(s->treal, NEED_WRITE))
        return deny(c->nr, show_link ? link : s->tnorm, s->treal, why, -EACCES, s->line);
    return 0;                               /* leads inside, or nowhere (no directory there) */
}

/* The object at real path `real` (not followed): if it is a symlink, where it leads must be
 * rw space (a link that leads out may not be moved or given another name). */
static long judge_link_at(struct call *c, const char *real, const char *why) {
    long m = sys_call(NR_readlinkat, AT_FDCWD, (long) real, (long) c->s->target, PATH_MAX - 1, 0, 0);
    if (m < 0) return 0;                    /* no symlink (or nothing): the kernel will say */
    c->s->target[m] = 0;
    return judge_target(c, real, why, 1);
}

/* ---- execve: the interpreters of #! scripts ---- */

/* Checks the interpreter chain of the file at `path` (#! lines), as deep as the kernel follows it. */
static long check_interpreters(struct call *c, const char *path) {
    struct scratch *s = c->s;
    copy_str(s->real[1], path);
    for (int depth = 0; depth < 4; depth++) {
        long fd = sys_openat(AT_FDCWD, s->real[1], O_CLOEXEC, 0);
        if (fd < 0) return 0;               /* the kernel will say why it cannot run it */
        char head[256];
        long n = sys_read((int) fd, head, sizeof head - 1);
        sys_close((int) fd);
        if (n < 3 || head[0] != '#' || head[1] != '!') return 0;
        head[n] = 0;
        char *p = head + 2;
        while (*p == ' ' || *p == '\t') p++;
        char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
        *e = 0;
        if (!*p) return 0;
        if (*p != '/' && get_cwd(s->base) < 0) return -ENOENT;
        int tail;
        long len = pp_normalize(*p == '/' ? 0 : s->base, p, s->target, sizeof s->target, &tail);
        if (len < 0) return -ENAMETOOLONG;
        if (!allowed(s->target, NEED_READ)) return deny(c->nr, s->target, 0, "read: interpreter", -EACCES, s->line);
        if (real_object(s->target, 1, s->real[1]) < 0) return 0;
        if (!real_allowed(s->real[1], NEED_READ))
            return deny(c->nr, s->target, s->real[1], "read: interpreter", -EACCES, s->line);
    }
    return 0;
}

/* ---- the calls ---- */

/* Calls that take paths, with their arguments (register numbers are a0.. = 0..). */
static long path_call(struct call *c) {
    long nr = c->nr;
    unsigned long *a = c->regs + 10;
    long r = 0;
    int post_open = 0, need = NEED_READ;
    switch (nr) {
    case NR_openat:
    case NR_openat2: {
        long flags = (long) a[2];
        if (nr == NR_openat2) {
            if (a[3] < 24) return -EINVAL;
            r = copy_bytes(c, a[2], c->p->how, 24);
            if (r < 0) return r;
            flags = (long) c->p->how[0];
            a[2] = (unsigned long) c->p->how;
            a[3] = 24;
            c->rewritten = 1;
        }
        int w = (flags & O_PATH) == 0
                && ((flags & O_ACCMODE) != 0 || (flags & (O_CREAT | O_TRUNC | O_TMPFILE_BIT)) != 0);
        need = w ? NEED_WRITE : NEED_READ;
        int how = (flags & O_PATH) == 0 && (flags & O_CREAT)
                ? ((flags & (O_EXCL | O_NOFOLLOW)) ? RES_CREATE_NOFOLLOW : RES_CREATE)
                : (flags & O_NOFOLLOW) ? RES_NOFOLLOW : RES_FOLLOW;
        r = check_path(c, 0, 0, 1, need, how, 0, -1);
        post_open = 1;
        break;
    }
    case NR_newfstatat:
        r = check_path(c, 0, 0, 1, NEED_READ, (a[3] & AT_SYMLINK_NOFOLLOW) ? RES_PARENT : RES_FOLLOW,
                       (a[3] & AT_EMPTY_PATH) != 0, 3);
        break;
    case NR_statx:
        r = check_path(c, 0, 0, 1, NEED_READ, (a[2] & AT_SYMLINK_NOFOLLOW) ? RES_PARENT : RES_FOLLOW,
                       (a[2] & AT_EMPTY_PATH) != 0, 2);
        break;
    case NR_faccessat:
        r = check_path(c, 0, 0, 1, NEED_READ, RES_FOLLOW, 0, -1);
        break;
    case NR_faccessat2:
        r = check_path(c, 0, 0, 1, NEED_READ, (a[3] & AT_SYMLINK_NOFOLLOW) ? RES_PARENT : RES_FOLLOW,
                       (a[3] & AT_EMPTY_PATH) != 0, 3);
        break;
    case NR_readlinkat:
        r = check_path(c, 0, 0, 1, NEED_READ, RES_PARENT, 0, -1);
        break;
    case NR_mkdirat:
    case NR_mknodat:
    case NR_unlinkat:
        r = check_path(c, 0, 0, 1, NEED_WRITE, RES_PARENT, 0, -1);
        break;
    case NR_fchmodat:
        r = check_path(c, 0, 0, 1, NEED_WRITE, RES_FOLLOW, 0, -1);
        break;
    case NR_fchmodat2:
        r = check_path(c, 0, 0, 1, NEED_WRITE, (a[3] & AT_SYMLINK_NOFOLLOW) ? RES_PARENT : RES_FOLLOW,
                       (a[3] & AT_EMPTY_PATH) != 0, 3);
        break;
    case NR_fchownat:
        r = check_path(c, 0, 0, 1, NEED_WRITE, (a[4] & AT_SYMLINK_NOFOLLOW) ? RES_PARENT : RES_FOLLOW,
                       (a[4] & AT_EMPTY_PATH) != 0, 4);
        break;
    case NR_utimensat:
        if (a[1] == 0) {
            /* futimens: the descriptor itself, judged (and changed) by its path. */
            if ((long) a[0] == AT_FDCWD) return -EFAULT;
            r = fd_path((int) a[0], c->s->real[0]);
            if (r < 0) return r;
            if (c->s->real[0][0] != '/' || !real_allowed(c->s->real[0], NEED_WRITE)
                || pp_strip_deleted(c->s->real[0]))
                return deny(c->nr, c->s->real[0], 0, "write", -EACCES, c->s->line);
            a[0] = (unsigned long) AT_FDCWD;
            a[1] = (unsigned long) publish(c, 0, c->s->real[0]);
            a[3] = AT_SYMLINK_NOFOLLOW;
            r = 0;
        } else {
            r = check_path(c, 0, 0, 1, NEED_WRITE, (a[3] & AT_SYMLINK_NOFOLLOW) ? RES_PARENT : RES_FOLLOW,
                           (a[3] & AT_EMPTY_PATH) != 0, 3);
        }
        break;
    case NR_truncate:
        r = check_path(c, 0, -1, 0, NEED_WRITE, RES_FOLLOW, 0, -1);
        break;
    case NR_chdir:
    case NR_statfs:
        r = check_path(c, 0, -1, 0, NEED_READ, RES_FOLLOW, 0, -1);
        break;
    case NR_renameat:
    case NR_renameat2:
        /* Both strings are read before anything is looked up, as Linux does (EFAULT first). */
        if ((r = copy_string(c, a[3], c->s->raw[1], PATH_MAX)) < 0) return r;
        r = check_path(c, 0, 0, 1, NEED_WRITE, RES_PARENT, 0, -1);
        if (r == 0) r = check_path(c, 1, 2, 3, NEED_WRITE, RES_PARENT, 0, -1);
        if (r == 0) r = judge_link_at(c, c->s->real[0], "moving a link that leads out");
        if (r == 0 && nr == NR_renameat2 && (a[4] & 2 /* RENAME_EXCHANGE */))
            r = judge_link_at(c, c->s->real[1], "moving a link that leads out");
        break;
    case NR_linkat:
        if (a[4] & AT_EMPTY_PATH) return deny(nr, 0, 0, "linking a descriptor", -EACCES, c->s->line);
        if ((r = copy_string(c, a[3], c->s->raw[1], PATH_MAX)) < 0) return r;
        r = check_path(c, 0, 0, 1, NEED_WRITE, (a[4] & AT_SYMLINK_FOLLOW) ? RES_FOLLOW : RES_PARENT, 0, -1);
        if (r == 0) r = check_path(c, 1, 2, 3, NEED_WRITE, RES_PARENT, 0, -1);
        if (r == 0 && !(a[4] & AT_SYMLINK_FOLLOW)) r = judge_link_at(c, c->s->real[0], "linking a link that leads out");
        break;
    case NR_symlinkat: {
        struct scratch *s = c->s;
        /* The target: verbatim, but it must lead into rw space from wherever the link goes
         * (rename may move it), so no ".." in it. Read first, as Linux does. */
        long n = copy_string(c, a[0], s->target, PATH_MAX);
        if (n < 0) return n;
        r = check_path(c, 0, 1, 2, NEED_WRITE, RES_PARENT, 0, -1);
        if (r < 0) return r;
        if (n == 0) return -ENOENT;
        if (pp_has_dotdot(s->target)) return deny(nr, s->target, 0, "symlink target with ..", -EACCES, s->line);
        r = judge_target(c, s->real[0], "symlink target", 0);
        if (r < 0) return r;
        a[0] = (unsigned long) publish(c, 1, s->target);
        break;
    }
    case NR_execve:
        r = check_path(c, 0, -1, 0, NEED_READ, RES_FOLLOW, 0, -1);
        if (r == 0) r = check_interpreters(c, c->p->path[0]);
        break;
    case NR_execveat:
        r = check_path(c, 0, 0, 1, NEED_READ, (a[4] & AT_SYMLINK_NOFOLLOW) ? RES_NOFOLLOW : RES_FOLLOW,
                       (a[4] & AT_EMPTY_PATH) != 0, 4);
        if (r == 0 && c->p->path[0][0]) r = check_interpreters(c, c->p->path[0]);
        break;
    case SC_NR_LOAD:
        r = check_path(c, 0, -1, 1, NEED_READ, RES_FOLLOW, 0, -1);
        break;
    case NR_getxattr:
    case NR_listxattr:
        r = check_path(c, 0, -1, 0, NEED_READ, RES_FOLLOW, 0, -1);
        break;
    case NR_lgetxattr:
    case NR_llistxattr:
        r = check_path(c, 0, -1, 0, NEED_READ, RES_PARENT, 0, -1);
        break;
    case NR_setxattr:
    case NR_removexattr:
        r = check_path(c, 0, -1, 0, NEED_WRITE, RES_FOLLOW, 0, -1);
        break;
    case NR_lsetxattr:
    case NR_lremovexattr:
        r = check_path(c, 0, -1, 0, NEED_WRITE, RES_PARENT, 0, -1);
        break;
    case NR_inotify_add_watch:
        r = check_path(c, 0, -1, 1, NEED_READ, (a[2] & IN_DONT_FOLLOW) ? RES_PARENT : RES_FOLLOW, 0, -1);
        break;
    case NR_name_to_handle_at:
        r = check_path(c, 0, 0, 1, NEED_READ, (a[4] & AT_SYMLINK_FOLLOW) ? RES_FOLLOW : RES_PARENT,
                       (a[4] & AT_EMPTY_PATH) != 0, 4);
        break;
    default:
        return sc_pass();
    }
    if (r < 0) return r;

    if (nr == NR_execve || nr == NR_execveat) {
        /* If it succeeds, nothing after sc_pass runs: the slot is freed at this thread's next
         * call (the new program's first). */
        int tid = (int) sys_gettid();
        __atomic_store_n(&slot_exec_tid[c->slot], tid, __ATOMIC_RELEASE);
        __atomic_fetch_add(&exec_pending, 1, __ATOMIC_ACQ_REL);
    }
    r = pass(c);
    if (nr == NR_execve || nr == NR_execveat) {
        int tid = __atomic_exchange_n(&slot_exec_tid[c->slot], 0, __ATOMIC_ACQ_REL);
        if (tid) __atomic_fetch_sub(&exec_pending, 1, __ATOMIC_RELEASE);
        else c->slot = -1;                  /* already freed by a reaper: not ours any more */
    }
    if (post_open && r >= 0) {
        /* Whatever was opened must be inside too (a symlink swapped in meanwhile, /proc links). */
        char *real = c->s->real[1];
        long n = fd_path((int) r, real);
        if (n < 0 || !real_allowed(real, need)) {
            sys_close((int) r);
            return deny(nr, c->s->canon[0], n < 0 ? "?" : real, need == NEED_WRITE ? "write" : "read", -EACCES,
                        c->s->line);
        }
    }
    return r;
}

/* fchmod, fchown: judged by the descriptor's path, and made path calls on it. */
static long fd_call(struct call *c) {
    unsigned long *a = c->regs + 10;
    char *real = c->s->real[0];
    long r = fd_path((int) a[0], real);
    if (r < 0) return r;
    if (real[0] != '/' || !real_allowed(real, NEED_WRITE)) return deny(c->nr, real, 0, "write", -EACCES, c->s->line);
    if (pp_strip_deleted(real)) return deny(c->nr, real, 0, "write: unlinked file", -EACCES, c->s->line);
    if (c->nr == NR_fchmod) {
        c->regs[17] = NR_fchmodat;
        a[2] = a[1];
        a[3] = 0;
    } else {
        c->regs[17] = NR_fchownat;
        a[3] = a[2];
        a[2] = a[1];
        a[4] = AT_SYMLINK_NOFOLLOW;
    }
    a[0] = (unsigned long) AT_FDCWD;
    a[1] = (unsigned long) publish(c, 0, real);
    return pass(c);
}

/*
 * sc_create for the program: a subcontext the program makes would run code with no handler,
 * out of the policy's reach. The server makes it itself, serves it like the program (entry
 * point and handler), then hands control to the principal, which cannot remove the handler
 * (sc_handler with server 0 is refused below). The name is copied like a path.
 */
static long create_call(struct call *c) {
    char name[64];
    long n = copy_string(c, c->regs[10], name, sizeof name);
    if (n == -ENAMETOOLONG) return -EINVAL;
    if (n < 0) return n;
    long sid = sc_create(name, c->regs[11]);
    if (sid < 0) return sid;
    if (service_install(sid, self_sid, 0) < 0 || sc_control(sid, c->principal) < 0) {
        return deny(c->nr, 0, 0, "cannot serve a new subcontext", -EPERM, 0);
    }
    return sid;
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) a0, (void) a2, (void) a3, (void) a4, (void) a5;
    __atomic_fetch_add(&n_calls, 1, __ATOMIC_RELAXED);
    reap_exec_slots();
    struct call c;
    long r;
    switch (nr) {
    case NR_openat: case NR_openat2: case NR_newfstatat: case NR_statx: case NR_faccessat: case NR_faccessat2:
    case NR_readlinkat: case NR_mkdirat: case NR_mknodat: case NR_unlinkat: case NR_symlinkat: case NR_linkat:
    case NR_renameat: case NR_renameat2: case NR_fchmodat: case NR_fchmodat2: case NR_fchownat:
    case NR_utimensat: case NR_truncate: case NR_chdir: case NR_statfs: case NR_execve: case NR_execveat:
    case SC_NR_LOAD: case NR_getxattr: case NR_lgetxattr: case NR_listxattr: case NR_llistxattr:
    case NR_setxattr: case NR_lsetxattr: case NR_removexattr: case NR_lremovexattr:
    case NR_inotify_add_watch: case NR_name_to_handle_at:
        if ((r = begin(&c, nr)) < 0) return r;
        claim(&c);
        r = path_call(&c);
        release(&c);
        return r;
    case NR_fchmod:
    case NR_fchown:
        if ((r = begin(&c, nr)) < 0) return r;
        claim(&c);
        r = fd_call(&c);
        release(&c);
        return r;
    case NR_fsetxattr:
    case NR_fremovexattr: {
        if ((r = begin(&c, nr)) < 0) return r;
        claim(&c);
        r = fd_path((int) a0, c.s->real[0]);
        if (r >= 0 && (c.s->real[0][0] != '/' || !real_allowed(c.s->real[0], NEED_WRITE))) r = deny(nr, c.s->real[0], 0, "write", -EACCES, c.s->line);
        release(&c);
        return r < 0 ? r : sc_pass();
    }
    case SC_NR_CREATE:
        if ((r = begin(&c, nr)) < 0) return r;
        return create_call(&c);
    case SC_NR_HANDLER:
        __atomic_fetch_add(&n_checked, 1, __ATOMIC_RELAXED);
        if (a1 == 0) return deny(nr, 0, 0, "removing a handler would leave code unserved", -EPERM, 0);
        return sc_pass();
    case NR_chroot:
    case NR_mount: case NR_umount2: case NR_pivot_root: case NR_acct: case NR_swapon: case NR_swapoff:
    case NR_fanotify_mark: case NR_open_by_handle_at: case NR_mount_setattr: case NR_quotactl: case NR_quotactl_fd:
    case NR_io_uring_setup: case NR_io_uring_setup + 1: case NR_io_uring_register:
    case NR_open_tree: case NR_open_tree + 1: case NR_open_tree + 2: case NR_open_tree + 3: case NR_open_tree + 4:
    case NR_fspick:
    case NR_setxattrat: case NR_setxattrat + 1: case NR_setxattrat + 2: case NR_removexattrat:
        __atomic_fetch_add(&n_checked, 1, __ATOMIC_RELAXED);
        return deny(nr, 0, 0, nr == NR_chroot ? "would change what paths mean" : "not under a path policy", -EPERM, 0);
    case NR_exit_group:
        if (summary && sys_getpid() == first_pid) {
            sc_dprintf(2, "%s: %lu calls, %lu checked, %lu denied\n", myname,
                       __atomic_load_n(&n_calls, __ATOMIC_RELAXED), __atomic_load_n(&n_checked, __ATOMIC_RELAXED),
                       __atomic_load_n(&n_denied, __ATOMIC_RELAXED));
        }
        return sc_pass();
    default:
        return sc_pass();
    }
}

/* ---- set-up ---- */

static long usage(const char *why, const char *arg) {
    sc_dprintf(2, "%s: %s%s%s\n", myname, why, arg ? ": " : "", arg ? arg : "");
    sc_dprintf(2, "usage: policy [-q] [-c] ro:PREFIX ... rw:PREFIX ...  (absolute prefixes)\n");
    return -EINVAL;
}

long service_init(long served, long self, int argc, char **argv) {
    self_sid = self;
    /* The server's own data, in one mapping: the rules, then the slots' scratch space, then a
     * guard (the first thread's stack tends to land right above: if it ever overflowed, it
     * must fault, not write over the scratch space). */
    size_t total = 0;
    for (int i = 1; i < argc; i++) total += strlen(argv[i]) + 2;
    total = (total + 4095) & ~4095UL;
    size_t guard = 64 * 1024, size = total + NSLOTS * SCRATCH_SIZE + guard;
    char *data = sys_mmap(0, size, 3, 0x22, -1, 0);
    if ((long) data < 0 && (long) data > -4096) return (long) data;
    long r = sys_call(226 /* mprotect */, (long) (data + size - guard), (long) guard, 0, 0, 0, 0);
    if (r < 0) return r;
    char *store = data;
    smem = data + total;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-q")) {
            quiet = 1;
        } else if (!strcmp(arg, "-c")) {
            summary = 1;
        } else if (arg[0] == '-') {
            return usage("unknown option", arg);
        } else if (!strncmp(arg, "ro:", 3) || !strncmp(arg, "rw:", 3)) {
            if (arg[3] != '/') return usage("prefix is not absolute", arg);
            if (nrules == MAX_RULES) return usage("too many prefixes", arg);
            int tail;
            long n = pp_normalize(0, arg + 3, store, PATH_MAX, &tail);
            if (n < 0) return usage("prefix too long", arg);
            rules[nrules].path = store;
            rules[nrules].len = (size_t) n;
            rules[nrules].rw = arg[1] == 'w';
            nrules++;
            store += n + 1;
        } else {
            return usage("not ro:PREFIX or rw:PREFIX", arg);
        }
    }
    if (nrules == 0) return usage("no prefixes given", 0);
    first_pid = sys_getpid();

    /* P: the strings the kernel reads for the principal. */
    paths_sid = sc_create("policy-paths", SC_SHARE_ON_FORK | SC_KEEP_ON_EXEC);
    if (paths_sid < 0) return paths_sid;
    r = sc_attach(paths_sid, 0, 0);
    if (r < 0) return r;
    r = sc_grant(paths_sid, self, SC_R | SC_W);
    if (r < 0) return r;
    long base = sc_mmap(paths_sid, 0, NSLOTS * PSLOT_SIZE, 3, 0x22, -1, 0);
    if (base < 0 && base > -4096) return base;
    pmem = (char *) base;
    r = grant_principal(served);
    if (r < 0) return r;
    return service_install(served, self, 0);
}
