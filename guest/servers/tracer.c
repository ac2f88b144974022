/*
 * tracer - an strace-like system-call service: it logs every system call of the layer it
 * serves, one line per call, and passes the call on unchanged (see guest/servers/README.md).
 *
 *   subcons run --serve tracer PROGRAM ARGS...
 *   subcons run --serve 'tracer -o trace.txt' PROGRAM ARGS...
 *   subcons run --serve 'tracer -c' PROGRAM ARGS...
 *
 *   [pid 1000] openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_CLOEXEC) = 3
 *   [pid 1000] read(3, "myhost\n", 4096) = 7
 *   [pid 1000] openat(AT_FDCWD, "/nonexistent", O_RDONLY) = -1 ENOENT (No such file or directory)
 *   [pid 1000] exit_group(0) = ?
 *   [pid 1000] +++ exited with 0 +++
 *
 * Options: -o FILE (the trace goes to FILE, created or truncated; default: stderr),
 * -c (count calls, errors and time per call instead, and print a summary when the traced
 * program ends), -q (implies -c: nothing but the summary).
 *
 * How it works: every call of the served layer arrives here as an upcall (service.h). The
 * tracer passes it on with sc_pass (to the layer below: the kernel, or the next server),
 * then formats the whole line in a local buffer and writes it with one write(2), so lines
 * of threads and forked processes never mix. Calls that do not come back when they succeed
 * (exit, exit_group, execve, rt_sigreturn) are shown before they are passed, " = ?". The
 * tracer's own calls (its writes, sc_owner, getpid) go to the layer below it, so a tracer
 * served by another tracer shows up in the outer one's trace.
 *
 * Client memory is read only after sc_owner says the page may be read (tracer_fmt.h), and
 * not at all for a call that failed with EFAULT; a pointer that may not be read is shown in
 * hex. The trace file descriptor is moved to 900 or above, out of the program's way, and
 * hidden from it: a call naming it gets EBADF, as it would without the tracer.
 *
 * The server subcontext is shared by a process and its forked children (SC_SHARE_ON_FORK)
 * and kept across execve: its data (the options, the -c counters) is common to all of them;
 * the counters are updated with atomic operations. No floating point: an upcall does not
 * save the client's floating-point registers.
 */
#include "service.h"
#include "tracer_fmt.h"
#include "tracer_names.h"

#define EBADF_ 9
#define EINTR_ 4
#define EFAULT_ 14
#define EINVAL_ 22
#define OUT_FD_MIN 900
#define PATH_SHOWN 256      /* bytes of a path shown; more: "..." */
#define BUF_SHOWN 32        /* bytes of a data buffer or an argv string shown */
#define ARGV_SHOWN 32       /* argv entries shown */
#define IOV_SHOWN 8         /* iovec entries shown */

static int out_fd = -1;     /* where lines go: a private duplicate, >= OUT_FD_MIN */
static int counting, quiet;
static long self_sid;

/* ---- the calling thread ---- */

/*
 * pid << 32 | tid of the calling thread, kept in the spare word of its scrt thread record
 * (entry.S uses only record[0]; the record is this thread's own, made on its first entry,
 * so a forked child or a new thread asks again).
 */
static long thread_ids(void) {
    long *record = (long *) sc_get_sctls();
    if (record && record[1]) return record[1];
    long pid = sys_getpid(), tid = sys_gettid();
    long v = (pid << 32) | (tid & 0xffffffffL);
    if (record) record[1] = v;
    return v;
}

static int my_pid(void) { return (int) (thread_ids() >> 32); }
static int my_tid(void) { return (int) thread_ids(); }

/* execve may give the thread another tid (a thread of a multithreaded process becomes its leader). */
static void forget_ids(void) {
    long *record = (long *) sc_get_sctls();
    if (record) record[1] = 0;
}

/* ---- output ---- */

static void emit(const char *b, long n) {
    if (out_fd < 0) return;
    while (n > 0) {
        long w = sys_write(out_fd, b, (size_t) n);
        if (w == -EINTR_ || (w >= -516 && w <= -512)) continue;
        if (w <= 0) return;
        b += w;
        n -= w;
    }
}

static void tl_emit(struct tl *l) {
    if (l->n >= TL_SIZE) l->n = TL_SIZE - 1;
    l->b[l->n++] = '\n';
    emit(l->b, l->n);
}

static void line_start(struct tl *l) {
    tl_init(l);
    tl_fmt(l, "[pid %d] ", my_tid());
}

/* ---- decoding ---- */

static void put_flags(struct tl *l, const struct flagent *t, unsigned long v, const char *zero) {
    int any = 0;
    for (; t->name; t++) {
        if (t->bits && (v & t->bits) == t->bits) {
            if (any++) tl_putc(l, '|');
            tl_puts(l, t->name);
            v &= ~t->bits;
        }
    }
    if (v || !any) {
        if (any) tl_putc(l, '|');
        if (!v && zero) tl_puts(l, zero);
        else tl_hex(l, v);
    }
}

static const char *enum_name(const struct flagent *t, unsigned long v) {
    for (; t->name; t++) if (t->bits == v) return t->name;
    return 0;
}

static void put_enum(struct tl *l, const struct flagent *t, unsigned long v, int hex) {
    const char *n = enum_name(t, v);
    if (n) tl_puts(l, n);
    else if (hex) tl_hex(l, v);
    else tl_dec(l, (long) v);
}

static void put_signal(struct tl *l, long sig) {
    if (sig > 0 && sig < 32) tl_puts(l, signames[sig]);
    else if (sig == 32) tl_puts(l, "SIGRTMIN");
    else if (sig > 32 && sig <= 64) tl_fmt(l, "SIGRT_%ld", sig - 32);
    else tl_dec(l, sig);
}

/* A signal in a set, without "SIG". */
static void put_signame_short(struct tl *l, int sig) {
    if (sig < 32) tl_puts(l, signames[sig] + 3);
    else if (sig == 32) tl_puts(l, "RTMIN");
    else tl_fmt(l, "RT_%d", sig - 32);
}

static void put_sigset_value(struct tl *l, unsigned long set) {
    int n = __builtin_popcountl(set);
    if (n > 32) {
        tl_putc(l, '~');
        set = ~set;
    }
    tl_putc(l, '[');
    int any = 0;
    for (int s = 1; s <= 64; s++) {
        if (set & (1UL << (s - 1))) {
            if (any++) tl_putc(l, ' ');
            put_signame_short(l, s);
        }
    }
    tl_putc(l, ']');
}

static void put_open_flags(struct tl *l, unsigned long f) {
    static const char *const modes[4] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    tl_puts(l, modes[f & 3]);
    f &= ~3UL;
    if (f) {
        tl_putc(l, '|');
        put_flags(l, open_flags, f, 0);
    }
}

/* One system call being traced. */
struct call {
    long nr;
    long a[7];
    const struct sysent *e;
    long r;
    struct cmem m;
};

static int failed(const struct call *c) { return c->r < 0 && c->r >= -4095; }

static void put_path(struct tl *l, struct call *c, unsigned long p, unsigned long max) {
    char s[PATH_SHOWN + 1];
    int more;
    if (!p) {
        tl_puts(l, "NULL");
        return;
    }
    long n = c->r == -EFAULT_ ? -1 : cm_string(&c->m, p, s, max, &more);
    if (n < 0) tl_hex(l, p);
    else tl_quote(l, (const unsigned char *) s, (unsigned long) n, more);
}

static void put_buffer(struct tl *l, struct call *c, unsigned long p, unsigned long len) {
    unsigned char s[BUF_SHOWN];
    unsigned long n = len < BUF_SHOWN ? len : BUF_SHOWN;
    if (c->r == -EFAULT_ || cm_read(&c->m, p, s, n) < 0) tl_hex(l, p);
    else tl_quote(l, s, n, len > n);
}

/* An iovec array: the bytes the call read (in: count from the next argument) or filled (out: the result). */
static void put_iovec(struct tl *l, struct call *c, unsigned long p, long count, int out) {
    unsigned long left = out ? (unsigned long) c->r : ~0UL;
    if (count < 0 || c->r == -EFAULT_ || (out && failed(c))) {
        tl_ptr(l, p);
        return;
    }
    tl_putc(l, '[');
    for (long i = 0; i < count; i++) {
        unsigned long iov[2];
        if (i) tl_puts(l, ", ");
        if (i == IOV_SHOWN) {
            tl_puts(l, "...");
            break;
        }
        if (cm_read(&c->m, p + 16 * (unsigned long) i, iov, 16) < 0) {
            tl_hex(l, p + 16 * (unsigned long) i);
            break;
        }
        tl_puts(l, "{iov_base=");
        unsigned long n = iov[1] < left ? iov[1] : left;
        put_buffer(l, c, iov[0], n);
        left -= n;
        tl_fmt(l, ", iov_len=%lu}", iov[1]);
    }
    tl_putc(l, ']');
}

static void put_argv(struct tl *l, struct call *c, unsigned long p) {
    if (!p) {
        tl_puts(l, "NULL");
        return;
    }
    unsigned long w;
    if (cm_word(&c->m, p, &w) < 0) {
        tl_hex(l, p);
        return;
    }
    tl_putc(l, '[');
    for (int i = 0;; i++) {
        if (cm_word(&c->m, p + 8 * (unsigned long) i, &w) < 0) {
            tl_puts(l, "...");
            break;
        }
        if (!w) break;
        if (i) tl_puts(l, ", ");
        if (i == ARGV_SHOWN) {
            tl_puts(l, "...");
            break;
        }
        put_path(l, c, w, BUF_SHOWN);
    }
    tl_putc(l, ']');
}

static void put_envp(struct tl *l, struct call *c, unsigned long p) {
    unsigned long w;
    long n = 0;
    tl_ptr(l, p);
    if (!p) return;
    while (n < 100000 && cm_word(&c->m, p + 8 * (unsigned long) n, &w) == 0 && w) n++;
    tl_fmt(l, " /* %ld var%s */", n, n == 1 ? "" : "s");
}

static void put_timespec(struct tl *l, struct call *c, unsigned long p) {
    long ts[2];
    if (!p) tl_puts(l, "NULL");
    else if (c->r == -EFAULT_ || cm_read(&c->m, p, ts, 16) < 0) tl_hex(l, p);
    else tl_fmt(l, "{tv_sec=%ld, tv_nsec=%ld}", ts[0], ts[1]);
}

static void put_sigset(struct tl *l, struct call *c, unsigned long p) {
    unsigned long set;
    if (!p) tl_puts(l, "NULL");
    else if (c->r == -EFAULT_ || cm_read(&c->m, p, &set, 8) < 0) tl_hex(l, p);
    else put_sigset_value(l, set);
}

static void put_sigaction(struct tl *l, struct call *c, unsigned long p) {
    unsigned long sa[3];      /* riscv64: handler, flags, mask */
    if (!p) {
        tl_puts(l, "NULL");
        return;
    }
    if (c->r == -EFAULT_ || cm_read(&c->m, p, sa, 24) < 0) {
        tl_hex(l, p);
        return;
    }
    tl_puts(l, "{sa_handler=");
    if (sa[0] == 0) tl_puts(l, "SIG_DFL");
    else if (sa[0] == 1) tl_puts(l, "SIG_IGN");
    else tl_hex(l, sa[0]);
    tl_puts(l, ", sa_mask=");
    put_sigset_value(l, sa[2]);
    tl_puts(l, ", sa_flags=");
    put_flags(l, sa_flags, sa[1], "0");
    tl_putc(l, '}');
}

static void put_clone_flags(struct tl *l, unsigned long f) {
    unsigned long sig = f & 0xff, rest = f & ~0xffUL;
    if (rest) put_flags(l, clone_flags, rest, 0);
    if (sig) {
        if (rest) tl_putc(l, '|');
        put_signal(l, (long) sig);
    }
    if (!f) tl_putc(l, '0');
}

static void put_clone_args(struct tl *l, struct call *c, unsigned long p, unsigned long size) {
    unsigned long ca[8] = {0};      /* flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls */
    unsigned long n = size < 64 ? size : 64;
    if (n < 8 || c->r == -EFAULT_ || cm_read(&c->m, p, ca, n) < 0) {
        tl_ptr(l, p);
        return;
    }
    tl_puts(l, "{flags=");
    put_clone_flags(l, ca[0]);
    if (ca[2]) tl_fmt(l, ", child_tid=0x%lx", ca[2]);
    if (ca[3]) tl_fmt(l, ", parent_tid=0x%lx", ca[3]);
    tl_puts(l, ", exit_signal=");
    put_signal(l, (long) ca[4]);
    tl_fmt(l, ", stack=0x%lx, stack_size=0x%lx", ca[5], ca[6]);
    if (ca[7]) tl_fmt(l, ", tls=0x%lx", ca[7]);
    tl_putc(l, '}');
}

static void put_wait_status(struct tl *l, struct call *c, unsigned long p) {
    int s;
    if (!p) {
        tl_puts(l, "NULL");
        return;
    }
    if (c->r <= 0 || cm_read(&c->m, p, &s, 4) < 0) {
        tl_hex(l, p);
        return;
    }
    if ((s & 0x7f) == 0) {
        tl_fmt(l, "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", (s >> 8) & 0xff);
    } else if ((s & 0xff) == 0x7f) {
        tl_puts(l, "[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
        put_signal(l, (s >> 8) & 0xff);
        tl_puts(l, "}]");
    } else if (s == 0xffff) {
        tl_puts(l, "[{WIFCONTINUED(s)}]");
    } else {
        tl_puts(l, "[{WIFSIGNALED(s) && WTERMSIG(s) == ");
        put_signal(l, s & 0x7f);
        tl_puts(l, s & 0x80 ? " && WCOREDUMP(s)}]" : "}]");
    }
}

static void put_fd(struct tl *l, long v) {
    if ((int) v == -100) tl_puts(l, "AT_FDCWD");
    else tl_dec(l, (int) v);
}

/* How many arguments a call shows (some calls' last ones mean nothing for some commands). */
static int shown_args(const struct call *c) {
    int n = (int) strlen(c->e->args);
    for (const char *s = c->e->args; *s; s++) if (*s == '>') n--;
    if (c->nr == 25) {                                      /* fcntl: the get commands have no third */
        switch (c->a[1]) {
        case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034: return 2;
        }
    } else if (c->nr == 56) {                               /* openat: a mode only to create */
        if (!(c->a[2] & 0100) && (c->a[2] & 020200000) != 020200000) return 3;
    } else if (c->nr == 98) {                               /* futex: by operation */
        int cmd = (int) c->a[1] & ~(128 | 256);
        if (cmd == 1 || cmd == 7 || cmd == 8) return 3;
        if (cmd == 0) return 4;
    }
    return n;
}

static void put_arg(struct tl *l, struct call *c, int i, char kind, int out) {
    unsigned long v = (unsigned long) c->a[i];
    if (out && failed(c)) {                                  /* nothing was filled in */
        tl_ptr(l, v);
        return;
    }
    switch (kind) {
    case 'd': tl_dec(l, (int) v); break;
    case 'l': tl_dec(l, (long) v); break;
    case 'u': tl_udec(l, v); break;
    case 'x': tl_hex(l, v); break;
    case 'p': tl_ptr(l, v); break;
    case 'o': tl_fmt(l, "0%03lo", v & 07777); break;
    case 'f': put_fd(l, (long) v); break;
    case 's': put_path(l, c, v, PATH_SHOWN); break;
    case 'Q': put_path(l, c, v, PATH_SHOWN); break;
    case 'W': put_buffer(l, c, v, (unsigned long) c->a[i + 1]); break;
    case 'R': put_buffer(l, c, v, (unsigned long) c->r); break;
    case 'v': put_iovec(l, c, v, c->a[i + 1], 0); break;
    case 'V': put_iovec(l, c, v, c->a[i + 1], 1); break;
    case 'O': put_open_flags(l, v); break;
    case 'L': put_flags(l, open_flags, v, "0"); break;
    case 'P': put_flags(l, prot_flags, v, "PROT_NONE"); break;
    case 'M': {
        static const char *const types[4] = {0, "MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE"};
        unsigned long t = v & 0xf;
        if (t >= 1 && t <= 3) tl_puts(l, types[t]);
        else tl_hex(l, t);
        if (v & ~0xfUL) {
            tl_putc(l, '|');
            put_flags(l, map_flags, v & ~0xfUL, 0);
        }
        break;
    }
    case 'm': put_flags(l, mremap_flags, v, "0"); break;
    case 'S': put_signal(l, (int) v); break;
    case 'C': put_clone_flags(l, v); break;
    case 'c': put_clone_args(l, c, v, (unsigned long) c->a[i + 1]); break;
    case 'A': put_flags(l, at_flags, v, "0"); break;
    case 'U': put_flags(l, unlink_flags, v, "0"); break;
    case 'j': put_flags(l, access_modes, v, "F_OK"); break;
    case 'F': put_enum(l, fcntl_cmds, (unsigned int) v, 0); break;
    case 'E': put_enum(l, whences, (unsigned int) v, 0); break;
    case 'X': {
        unsigned int op = (unsigned int) v, cmd = op & ~(128u | 256u);
        const char *n = enum_name(futex_cmds, cmd);
        if (!n) {
            tl_hex(l, op);
            break;
        }
        tl_puts(l, n);
        if (op & 128) tl_puts(l, "_PRIVATE");
        if (op & 256) tl_puts(l, "|FUTEX_CLOCK_REALTIME");
        break;
    }
    case 'K': put_enum(l, clocks, (unsigned int) v, 0); break;
    case 'H': put_enum(l, sigmask_hows, (unsigned int) v, 0); break;
    case 'k': put_sigset(l, c, v); break;
    case 'a': put_sigaction(l, c, v); break;
    case 'e': put_argv(l, c, v); break;
    case 'n': put_envp(l, c, v); break;
    case 'I': {
        int fds[2];
        if (cm_read(&c->m, v, fds, 8) < 0) tl_hex(l, v);
        else tl_fmt(l, "[%d, %d]", fds[0], fds[1]);
        break;
    }
    case 't': put_timespec(l, c, v); break;
    case 'w': put_wait_status(l, c, v); break;
    case 'Z': put_flags(l, wait_options, v, "0"); break;
    case 'r': put_enum(l, rlimits, (unsigned int) v, 0); break;
    case 'i': put_enum(l, ioctls, (unsigned int) v, 1); break;
    case 'g': put_flags(l, grnd_flags, v, "0"); break;
    case 'h': put_enum(l, madvices, (unsigned int) v, 0); break;
    case 'T': put_enum(l, itimers, (unsigned int) v, 0); break;
    case 'Y': put_flags(l, sc_rights, v, "0"); break;
    case 'G': put_flags(l, sc_flags, v, "0"); break;
    default: tl_hex(l, v);
    }
}

/* The third argument of fcntl, by command. */
static void put_fcntl_arg(struct tl *l, struct call *c) {
    unsigned long v = (unsigned long) c->a[2];
    switch (c->a[1]) {
    case 0: case 1030: case 8: case 1031: tl_dec(l, (int) v); break;     /* F_DUPFD*, F_SETOWN, F_SETPIPE_SZ */
    case 2: if (v == 1) tl_puts(l, "FD_CLOEXEC"); else tl_hex(l, v); break;
    case 4: put_open_flags(l, v); break;
    case 10: put_signal(l, (int) v); break;
    default: tl_ptr(l, v);
    }
}

static void put_args(struct tl *l, struct call *c) {
    if (!c->e) {
        for (int i = 0; i < 6; i++) {
            if (i) tl_puts(l, ", ");
            tl_hex(l, (unsigned long) c->a[i]);
        }
        return;
    }
    int shown = shown_args(c), i = 0;
    for (const char *s = c->e->args; *s && i < shown; s++) {
        int out = 0;
        if (*s == '>') {
            out = 1;
            s++;
        }
        if (i) tl_puts(l, ", ");
        if (c->nr == 25 && i == 2) put_fcntl_arg(l, c);
        else put_arg(l, c, i, *s, out);
        i++;
    }
}

static void put_name(struct tl *l, const struct call *c) {
    if (c->e) tl_puts(l, c->e->name);
    else tl_fmt(l, "syscall_0x%lx", (unsigned long) c->nr);
}

static void put_result(struct tl *l, struct call *c) {
    long r = c->r;
    l->lim = TL_SIZE - 1;
    if (r >= -516 && r <= -512) {
        const struct errent *e = &restarts[-r - 512];
        tl_fmt(l, " = ? %s (%s)", e->name, e->text);
    } else if (r < 0 && r >= -4095) {
        long e = -r;
        if (e < NR_ERRNO && errnos[e].name) tl_fmt(l, " = -1 %s (%s)", errnos[e].name, errnos[e].text);
        else tl_fmt(l, " = -1 ERRNO_%ld (Unknown error %ld)", e, e);
    } else if (c->e && (c->e->flags & SY_HEX)) {
        tl_fmt(l, " = 0x%lx", (unsigned long) r);
    } else {
        tl_fmt(l, " = %ld", r);
        if (c->nr == 25 && c->a[1] == 3) {                 /* F_GETFL */
            tl_puts(l, " (flags ");
            put_open_flags(l, (unsigned long) r);
            tl_putc(l, ')');
        } else if (c->nr == 25 && c->a[1] == 1) {          /* F_GETFD */
            tl_puts(l, r & 1 ? " (flags FD_CLOEXEC)" : "");
        }
    }
}

/* ---- -c: counters ---- */

struct counter {
    unsigned long calls, errors, ns;
};

#define NSTAT_LINUX 1024
#define NSTAT_SC 32
static struct counter stat_linux[NSTAT_LINUX], stat_sc[NSTAT_SC], stat_other;
static int init_pid;            /* the process the program started as: its end prints the summary */
static int init_threads = 1;    /* its threads */
static int summary_done;

static struct counter *counter_of(long nr) {
    if (nr >= 0 && nr < NSTAT_LINUX) return &stat_linux[nr];
    if (nr >= SC_NR_SELF && nr < SC_NR_SELF + NSTAT_SC) return &stat_sc[nr - SC_NR_SELF];
    return &stat_other;
}

static void count_error(long nr) {
    __atomic_fetch_add(&counter_of(nr)->errors, 1, __ATOMIC_RELAXED);
}

static void count(long nr, long r, unsigned long ns) {
    struct counter *k = counter_of(nr);
    __atomic_fetch_add(&k->calls, 1, __ATOMIC_RELAXED);
    if (r < 0 && r >= -4095) __atomic_fetch_add(&k->errors, 1, __ATOMIC_RELAXED);
    if (ns) __atomic_fetch_add(&k->ns, ns, __ATOMIC_RELAXED);
}

static unsigned long now_ns(void) {
    long ts[2];
    if (sys_call(113, 1 /* CLOCK_MONOTONIC */, (long) ts, 0, 0, 0, 0) < 0) return 0;
    return (unsigned long) ts[0] * 1000000000UL + (unsigned long) ts[1];
}

static void stat_name(char *buf, size_t size, int idx) {
    long nr = idx < NSTAT_LINUX ? idx : SC_NR_SELF + (idx - NSTAT_LINUX);
    const struct sysent *e = sysent_of(nr);
    if (idx == NSTAT_LINUX + NSTAT_SC) sc_snprintf(buf, size, "(other)");
    else if (e) sc_snprintf(buf, size, "%s", e->name);
    else sc_snprintf(buf, size, "syscall_0x%lx", (unsigned long) nr);
}

static struct counter *stat_at(int idx) {
    if (idx < NSTAT_LINUX) return &stat_linux[idx];
    if (idx < NSTAT_LINUX + NSTAT_SC) return &stat_sc[idx - NSTAT_LINUX];
    return &stat_other;
}

static void stat_row(struct tl *l, unsigned long ns, unsigned long total, unsigned long calls, unsigned long errors,
                     const char *name) {
    unsigned long pct = total ? (ns * 10000 + total / 2) / total : 0;      /* hundredths of a percent */
    char p[16], sec[24], err[24];
    sc_snprintf(p, sizeof p, "%lu.%02lu", pct / 100, pct % 100);
    sc_snprintf(sec, sizeof sec, "%lu.%06lu", ns / 1000000000UL, ns / 1000 % 1000000UL);
    if (errors) sc_snprintf(err, sizeof err, "%lu", errors);
    else err[0] = 0;
    tl_init(l);
    tl_fmt(l, "%6s %11s %11lu %9lu %9s %s", p, sec, calls ? ns / 1000 / calls : 0, calls, err, name);
    tl_emit(l);
}

/* The strace -c table: by time spent, then by calls. */
static void print_summary(void) {
    static const char rule[] = "------ ----------- ----------- --------- --------- ----------------";
    enum { N = NSTAT_LINUX + NSTAT_SC + 1 };
    short order[N];
    int n = 0;
    unsigned long total_ns = 0, total_calls = 0, total_errors = 0;
    for (int i = 0; i < N; i++) {
        struct counter *k = stat_at(i);
        if (!__atomic_load_n(&k->calls, __ATOMIC_RELAXED)) continue;
        int j = n++;
        while (j > 0) {
            struct counter *o = stat_at(order[j - 1]);
            if (o->ns > k->ns || (o->ns == k->ns && o->calls >= k->calls)) break;
            order[j] = order[j - 1];
            j--;
        }
        order[j] = (short) i;
        total_ns += k->ns;
        total_calls += k->calls;
        total_errors += k->errors;
    }
    struct tl l;
    tl_init(&l);
    tl_fmt(&l, "%6s %11s %11s %9s %9s %s", "% time", "seconds", "usecs/call", "calls", "errors", "syscall");
    tl_emit(&l);
    tl_init(&l);
    tl_puts(&l, rule);
    tl_emit(&l);
    for (int i = 0; i < n; i++) {
        struct counter *k = stat_at(order[i]);
        char name[48];
        stat_name(name, sizeof name, order[i]);
        stat_row(&l, k->ns, total_ns, k->calls, k->errors, name);
    }
    tl_init(&l);
    tl_puts(&l, rule);
    tl_emit(&l);
    stat_row(&l, total_ns, total_ns, total_calls, total_errors, "total");
}

static void maybe_summary(void) {
    if (counting && !__atomic_exchange_n(&summary_done, 1, __ATOMIC_ACQ_REL)) print_summary();
}

/* The "+++ exited with N +++" note of a thread or process that ends. */
static void exit_note(long status) {
    if (quiet) return;
    struct tl l;
    line_start(&l);
    tl_fmt(&l, "+++ exited with %ld +++", status & 0xff);
    tl_emit(&l);
}

/*
 * Keeps the count of the initial process's threads, and prints the summary when it ends:
 * before exit_group, or before exit of its last thread. (Called before the call is passed.)
 */
static void track_exit(const struct call *c) {
    int pid = my_pid();
    if (pid != init_pid) return;
    if (c->nr == 94 || __atomic_sub_fetch(&init_threads, 1, __ATOMIC_ACQ_REL) == 0) maybe_summary();
}

static int new_thread_flags(const struct call *c, struct cmem *m) {
    unsigned long flags = (unsigned long) c->a[0];
    if (c->nr == 435 && cm_read(m, (unsigned long) c->a[0], &flags, 8) < 0) return 0;
    return (c->nr == 220 || c->nr == 435) && (flags & 0x10000 /* CLONE_THREAD */);
}

/* ---- the trace file descriptor, hidden from the program ---- */

/* Whether one of the call's fd arguments is the tracer's own. */
static int names_out_fd(const struct call *c) {
    if (out_fd < 0 || !c->e) return 0;
    int i = 0;
    for (const char *s = c->e->args; *s && i < 6; s++) {
        if (*s == '>') continue;
        if (*s == 'f' && (int) c->a[i] == out_fd) return 1;
        i++;
    }
    return 0;
}

/*
 * close_range(first, last, flags) over the trace fd: done as the ranges on either side of
 * it, by rewriting the call's registers in its frame (and putting them back after).
 */
static long close_range_around(struct call *c) {
    unsigned long regs[SC_FRAME_WORDS], saved[SC_FRAME_WORDS];
    unsigned int first = (unsigned int) c->a[0], last = (unsigned int) c->a[1], fd = (unsigned int) out_fd;
    if (out_fd < 0 || first > fd || last < fd) return sc_pass();
    if (sc_frame(SC_FRAME_READ, regs) < 0) return sc_pass();
    memcpy(saved, regs, sizeof regs);
    long r = 0;
    if (first < fd) {
        regs[10] = first;
        regs[11] = fd - 1;
        sc_frame(SC_FRAME_WRITE, regs);
        r = sc_pass();
    }
    if (r >= 0 && last > fd) {
        regs[10] = fd + 1;
        regs[11] = last;
        sc_frame(SC_FRAME_WRITE, regs);
        r = sc_pass();
    }
    sc_frame(SC_FRAME_WRITE, saved);
    return r;
}

static long pass(struct call *c) {
    if (names_out_fd(c)) return -EBADF_;
    if (c->nr == 436) return close_range_around(c);
    return sc_pass();
}

/* ---- the service ---- */

static long count_call(struct call *c) {
    if (c->e && (c->e->flags & SY_NORET)) {
        count(c->nr, 0, 0);
        if (c->e->flags & SY_EXIT) {
            if (!quiet) exit_note(c->a[0]);
            track_exit(c);
        }
        if (c->nr == 221 || c->nr == 281) forget_ids();
        long r = pass(c);
        if (r < 0 && r >= -4095) count_error(c->nr);      /* it failed, and came back */
        return r;
    }
    int thread = new_thread_flags(c, &c->m) && my_pid() == init_pid;
    if (thread) __atomic_add_fetch(&init_threads, 1, __ATOMIC_ACQ_REL);
    unsigned long t0 = now_ns();
    long r = pass(c);
    unsigned long t1 = now_ns();
    if (thread && r < 0 && r >= -4095) __atomic_sub_fetch(&init_threads, 1, __ATOMIC_ACQ_REL);
    count(c->nr, r, t1 > t0 ? t1 - t0 : 0);
    return r;
}

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    struct call c;
    c.nr = nr;
    c.a[0] = a0, c.a[1] = a1, c.a[2] = a2, c.a[3] = a3, c.a[4] = a4, c.a[5] = a5, c.a[6] = 0;
    c.e = sysent_of(nr);
    c.r = 0;
    cm_init(&c.m, self_sid);
    if (!init_pid) {
        int pid = my_pid();
        __atomic_compare_exchange_n(&init_pid, &(int) {0}, pid, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    }
    if (nr == SC_NR_MMAP) {                              /* its seventh argument, a6, is only in the frame */
        unsigned long regs[SC_FRAME_WORDS];
        if (sc_frame(SC_FRAME_READ, regs) == 0) c.a[6] = (long) regs[16];
    }
    if (counting) return count_call(&c);

    struct tl l;
    if (c.e && (c.e->flags & SY_NORET)) {
        /* Shown before it is passed: when it succeeds, it does not come back here. */
        line_start(&l);
        put_name(&l, &c);
        tl_putc(&l, '(');
        put_args(&l, &c);
        l.lim = TL_SIZE - 1;
        tl_puts(&l, ") = ?");
        tl_emit(&l);
        if (c.e->flags & SY_EXIT) exit_note(a0);
        if (nr == 221 || nr == 281) forget_ids();
        c.r = pass(&c);
        line_start(&l);
        tl_fmt(&l, "<... %s resumed>)", c.e->name);
        put_result(&l, &c);
        tl_emit(&l);
        return c.r;
    }
    c.r = pass(&c);
    line_start(&l);
    put_name(&l, &c);
    tl_putc(&l, '(');
    put_args(&l, &c);
    l.lim = TL_SIZE - 1;
    tl_putc(&l, ')');
    put_result(&l, &c);
    tl_emit(&l);
    return c.r;
}

/* The server's name for messages: the last part of its path. */
static const char *my_name(void) {
    const char *n = service_name;
    for (const char *s = service_name; *s; s++) if (*s == '/' && s[1]) n = s + 1;
    return n;
}

static long usage(const char *why, const char *arg) {
    sc_dprintf(2, "%s: %s%s\nusage: %s [-c] [-q] [-o FILE]\n", my_name(), why, arg, my_name());
    return -EINVAL_;
}

/* Moves fd to OUT_FD_MIN or above, out of the program's way. */
static int move_fd(int fd) {
    long r = sys_call(25 /* fcntl */, fd, 0 /* F_DUPFD */, OUT_FD_MIN, 0, 0, 0);
    return (int) r;
}

long service_init(long served, long self, int argc, char **argv) {
    const char *file = 0;
    self_sid = self;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) return usage("unexpected argument: ", a);
        for (int j = 1; a[j]; j++) {
            switch (a[j]) {
            case 'c': counting = 1; break;
            case 'q': counting = quiet = 1; break;
            case 'o':
                if (a[j + 1]) file = a + j + 1;
                else if (i + 1 < argc) file = argv[++i];
                else return usage("option requires an argument: -", "o");
                goto next;
            default: {
                char opt[2] = {a[j], 0};
                return usage("unknown option -", opt);
            }
            }
        }
    next:;
    }
    if (file) {
        long fd = sys_openat(-100, file, 01 | 0100 | 01000 /* O_WRONLY|O_CREAT|O_TRUNC */, 0644);
        if (fd < 0) {
            long e = -fd;
            sc_dprintf(2, "%s: cannot open %s: %s\n", my_name(), file,
                       e < NR_ERRNO && errnos[e].text ? errnos[e].text : "error");
            return fd;
        }
        out_fd = move_fd((int) fd);
        sys_close((int) fd);
        if (out_fd < 0) return out_fd;
    } else {
        out_fd = move_fd(2);          /* a private stderr: the program may close or move its own */
    }
    return service_install(served, self, 0);
}
