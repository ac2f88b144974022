/*
 * memfs - an in-memory file system as a user-level OS service.
 *
 *   subcons run --serve 'memfs /mem' PROGRAM ARGS...
 *
 * Every path under the prefix (/mem here; the prefix itself is the root directory of the
 * tree) lives only in memfs's memory: files and directories are made, read, written,
 * renamed and removed there and never reach the host. Every other path, and every call
 * memfs does not serve, is handed on (sc_pass) to the layer below. See
 * guest/servers/README.md for the calls it serves, examples and limits.
 *
 * How it fits the program:
 *  - Paths are made absolute (against the cwd, or the directory of a dirfd) and
 *    normalized lexically (".", "..", "//"); memfs serves those under the prefix.
 *  - A memfs file descriptor is a real number in the process's fd table: memfs asks the
 *    kernel for a placeholder (a pipe whose write end it closes at once: a unique inode)
 *    and maps the number to its own open file description (offset, flags, node), shared
 *    by dup'ed fds and across fork as in Linux. As the table can change behind memfs's back
 *    (execve closes O_CLOEXEC fds), every use first checks with fstat that the number
 *    still holds the placeholder memfs made (st_dev, st_ino); if not, memfs forgets it and
 *    passes the call on.
 *  - memfs's subcontext is shared by every process of the tree, so all of them see the
 *    same files; fd tables are per process (keyed by pid), copied to a child when a fork
 *    that memfs passes succeeds, shared by threads.
 *  - One lock (memfs_lock.h) guards all state, across threads and processes.
 *  - Client memory (paths, buffers) is read and written directly, after checking every
 *    page with sc_owner (and, before writing, that the page is writable: see
 *    user_writable).
 */
/*
 * No compressed instructions in memfs's own code: every instruction is then 4 bytes at a
 * 4-byte boundary and none straddles a page. The emulator runs a hot path with a
 * straddling instruction several times slower (memfs's call dispatch had one: 114 us per
 * stat instead of 13); see servers/README.md.
 */
__asm__(".option norvc");

#include "service.h"
#include "memfs_sys.h"
#include "memfs_alloc.h"
#include "memfs_lock.h"

/* ------------------------------------------------------------------------------------ */
/* State                                                                                 */
/* ------------------------------------------------------------------------------------ */

struct node;

struct dent {
    char *name;
    struct node *node;
    long cookie;                /* position for getdents64/telldir: increases with each entry */
};

struct node {
    unsigned int mode;          /* S_IFREG or S_IFDIR | permission bits */
    unsigned int nlink;
    long ino;
    unsigned int uid, gid;
    long opens;                 /* open file descriptions (and process cwds) that refer to it */
    struct timespec64 atime, mtime, ctime, btime;
    /* files */
    long size;
    char *data;                 /* capacity: mf_usable(data) */
    /* directories */
    struct dent *ents;
    int nents, capents;
    long next_cookie;
    struct node *parent;        /* the directory it is in (root: itself); 0 once removed */
    char *name;                 /* its name there */
};

struct ofd {                    /* an open file description */
    long refs;                  /* fd entries (in all tables) that refer to it */
    int flags;                  /* access mode and status flags */
    long pos;
    struct node *node;
};

struct fdent {
    struct ofd *ofd;
    unsigned long dev, ino;     /* the placeholder the kernel holds at this number */
};

struct fdtab {
    long refs;                  /* processes sharing it (clone with CLONE_FILES) */
    int cap;
    int count;
    struct fdent *ents;         /* indexed by fd */
};

struct proc {
    int pid;
    int umask;
    int exec_pending;           /* an execve was passed: check the table at the next call */
    struct fdtab *fds;
    struct node *cwd;           /* a cwd inside memfs (chdir), or 0: the kernel's */
    struct proc *next;
};

struct forkrec {                /* a fork in flight: what the child inherits */
    int ppid;
    int share;                  /* CLONE_FILES: the child shares the parent's table */
    struct proc tmpl;
    struct forkrec *next;
};

#define PROC_BUCKETS 64
#define FD_FAST 1024

static struct {
    char prefix[PATH_MAX];
    int prefix_len;
    long self;                  /* memfs's own sid */
    unsigned long dev;          /* st_dev of its files */
    unsigned int dev_minor;
    unsigned int euid, egid;
    int umask0;                 /* the umask of a process memfs has not seen change it */
    struct node *root;
    long next_ino;
    long nfds;                  /* fd entries in all tables */
    unsigned int fd_users[FD_FAST];     /* entries per fd number (in all tables): see maybe_memfs */
    struct proc *procs[PROC_BUCKETS];
    struct forkrec *forks;
    long sid_flags[64];         /* cache: sid << 8 | 1 + (flags & SC_KEEP_ON_EXEC) */
} g;

static struct mf_lock *lk;

static void lock(void) {
    mf_lock(lk);
}

static void unlock(void) {
    mf_unlock(lk);
}

/* ------------------------------------------------------------------------------------ */
/* Client memory                                                                         */
/* ------------------------------------------------------------------------------------ */

/* The subcontext that made the call being served: the owner of its ecall's page. */
static long principal(void) {
    unsigned long regs[SC_FRAME_WORDS];
    if (sc_frame(SC_FRAME_READ, regs) < 0) return -1;
    return sc_owner((void *) (regs[SC_FRAME_PC] - 4));
}

/*
 * Whether memfs may touch a page owned by `sid` for the caller. Never its own pages (a
 * client must not make memfs copy its file tables out, or write over them). Pages of
 * another server layer (a subcontext kept on exec: what --serve makes) only if that
 * layer is the one that made the call: memfs has rights over the layers it serves,
 * which the program it serves does not have.
 */
static int owner_ok(long sid) {
    if (sid < 0 || sid == g.self) return 0;
    unsigned slot = (unsigned) sid & 63;
    long c = __atomic_load_n(&g.sid_flags[slot], __ATOMIC_RELAXED);
    long kept;
    if (c >> 8 == sid) {
        kept = (c & 0xff) - 1;
    } else {
        struct sc_info info;
        if (sc_info(sid, &info) < 0) return 0;
        kept = (info.flags & SC_KEEP_ON_EXEC) != 0;
        __atomic_store_n(&g.sid_flags[slot], sid << 8 | (1 + kept), __ATOMIC_RELAXED);
    }
    return !kept || principal() == sid;
}

/*
 * sc_owner refuses pages that are not readable (EACCES), so a page it accepts can be read.
 * MEMFS_READ_PROBE 1 would also ask the kernel to read each page first (a FUTEX_WAIT with a
 * zero timeout on its first word: EFAULT if memfs may not read it), for kernels whose
 * sc_owner looked at rights only.
 */
#define MEMFS_READ_PROBE 0

static int page_readable(unsigned long page) {
    struct timespec64 zero = {0, 0};
    return !MEMFS_READ_PROBE || SYS4(NR_futex, page, 128 /* FUTEX_WAIT_PRIVATE */, 0, &zero) != -EFAULT;
}

/* Whether the pages of [addr, addr + n) belong to someone memfs may act for (owner_ok). */
static int user_pages(unsigned long addr, unsigned long n, int read_probe) {
    if (n == 0) return 1;
    if (addr + n < addr) return 0;
    long last = 0;                              /* no sid is 0; sc_owner's errors are < 0 */
    for (unsigned long p = addr & ~4095ul; p < addr + n; p += 4096) {
        long sid = sc_owner((void *) p);
        if (sid != last && !owner_ok(sid)) return 0;
        if (read_probe && !page_readable(p)) return 0;
        last = sid;
    }
    return 1;
}

/* Whether memfs may read [addr, addr + n) for the caller. */
static int user_readable(unsigned long addr, unsigned long n) {
    return user_pages(addr, n, 1);
}

/*
 * Whether memfs may write [addr, addr + n) for the caller. sc_owner says who owns a page
 * and that memfs may read it, not whether the page is writable (it may be read-only in
 * the program: a string literal, a mapping it protected). A store there would fault in
 * memfs and kill the process; so memfs has the kernel write one byte into each page
 * first, with getrandom (a call that writes the bytes it is given and fails with EFAULT
 * where it may not; the kernel checks the page's protection for memfs's call). That byte
 * is overwritten by the data right after, so no byte outside the range Linux would write
 * ever changes. Costs one call per page. (A page another thread unmaps or protects in
 * between can still fault: see README.)
 */
static int user_writable(unsigned long addr, unsigned long n) {
    if (!user_pages(addr, n, 0)) return 0;
    for (unsigned long p = addr; p < addr + n; p = (p & ~4095ul) + 4096) {
        if (SYS3(NR_getrandom, p, 1, 1 /* GRND_NONBLOCK */) != 1) return 0;
    }
    return 1;
}

static long copy_in(void *dst, unsigned long src, unsigned long n) {
    if (!user_readable(src, n)) return -EFAULT;
    mf_copy(dst, (const void *) src, n);
    return 0;
}

static long copy_out(unsigned long dst, const void *src, unsigned long n) {
    if (!user_writable(dst, n)) return -EFAULT;
    mf_copy((void *) dst, src, n);
    return 0;
}

/* Copies the client's string at src (at most max bytes with its NUL). */
static long copy_string(char *dst, unsigned long src, unsigned long max) {
    unsigned long n = 0;
    while (n < max) {
        unsigned long a = src + n;
        if (!user_readable(a, 1)) return -EFAULT;
        unsigned long end = (a & ~4095ul) + 4096;
        const char *s = (const char *) a;
        for (; a < end; a++, n++, s++) {
            if (n >= max) return -ENAMETOOLONG;
            dst[n] = *s;
            if (!*s) return (long) n;
        }
    }
    return -ENAMETOOLONG;
}

/* ------------------------------------------------------------------------------------ */
/* Nodes                                                                                 */
/* ------------------------------------------------------------------------------------ */

static void now(struct timespec64 *t) {
    if (SYS2(NR_clock_gettime, 0, t) < 0) t->sec = t->nsec = 0;
}

static struct node *node_new(unsigned int mode) {
    struct node *n = mf_alloc(sizeof *n);
    if (!n) return 0;
    mf_zero(n, sizeof *n);
    n->mode = mode;
    n->nlink = S_ISDIR(mode) ? 2 : 1;
    n->ino = ++g.next_ino;
    n->uid = g.euid;
    n->gid = g.egid;
    n->next_cookie = 3;             /* 1 and 2 are "." and ".." */
    now(&n->mtime);
    n->atime = n->ctime = n->btime = n->mtime;
    return n;
}

/* Frees a node nothing refers to any more. */
static void node_put(struct node *n) {
    if (n->nlink > 0 || n->opens > 0) return;
    mf_free(n->data);
    for (int i = 0; i < n->nents; i++) mf_free(n->ents[i].name);
    mf_free(n->ents);
    mf_free(n->name);
    mf_free(n);
}

static void touch(struct node *n, int content) {
    now(&n->ctime);
    if (content) n->mtime = n->ctime;
}

static struct dent *dir_find(struct node *d, const char *name, unsigned long len) {
    for (int i = 0; i < d->nents; i++) {
        struct dent *e = &d->ents[i];
        if (strncmp(e->name, name, len) == 0 && e->name[len] == 0) return e;
    }
    return 0;
}

static long dir_add(struct node *d, const char *name, unsigned long len, struct node *n) {
    if (d->nents == d->capents) {
        int cap = d->capents ? d->capents * 2 : 8;
        struct dent *e = mf_realloc(d->ents, (unsigned long) cap * sizeof *e);
        if (!e) return -ENOSPC;
        d->ents = e;
        d->capents = cap;
    }
    char *s = mf_alloc(len + 1);
    if (!s) return -ENOSPC;
    mf_copy(s, name, len);
    s[len] = 0;
    struct dent *e = &d->ents[d->nents++];
    e->name = s;
    e->node = n;
    e->cookie = d->next_cookie++;
    if (S_ISDIR(n->mode)) {
        mf_free(n->name);
        n->name = mf_strdup(s);
        n->parent = d;
        d->nlink++;
    }
    touch(d, 1);
    return 0;
}

/* Takes entry e out of d (the node stays: the caller decides about its links). */
static void dir_del(struct node *d, struct dent *e) {
    if (S_ISDIR(e->node->mode)) d->nlink--;
    mf_free(e->name);
    int i = (int) (e - d->ents);
    for (; i + 1 < d->nents; i++) d->ents[i] = d->ents[i + 1];
    d->nents--;
    touch(d, 1);
}

/* Whether the caller may access n as `want` (R_OK | W_OK | X_OK). */
static int may(struct node *n, int want) {
    if (g.euid == 0) {
        if ((want & X_OK) && !S_ISDIR(n->mode) && !(n->mode & 0111)) return 0;
        return 1;
    }
    unsigned bits = n->uid == g.euid ? n->mode >> 6 : n->gid == g.egid ? n->mode >> 3 : n->mode;
    return (bits & want & 7) == (unsigned) want;
}

/* The absolute path of directory d, into buf (PATH_MAX); -ENOENT if it was removed. */
static long node_path(struct node *d, char *buf) {
    const char *parts[PATH_MAX / 2];
    int n = 0;
    for (struct node *x = d; x != g.root; x = x->parent) {
        if (!x->parent || !x->name || n == PATH_MAX / 2) return -ENOENT;
        parts[n++] = x->name;
    }
    unsigned long len = (unsigned long) g.prefix_len;
    mf_copy(buf, g.prefix, len);
    while (n--) {
        unsigned long l = strlen(parts[n]);
        if (len + 1 + l + 1 > PATH_MAX) return -ENAMETOOLONG;
        buf[len++] = '/';
        mf_copy(buf + len, parts[n], l);
        len += l;
    }
    buf[len] = 0;
    return (long) len;
}

/* Makes file n hold at least `size` bytes of capacity; growing doubles. */
static long file_reserve(struct node *n, unsigned long size) {
    unsigned long cap = n->data ? mf_usable(n->data) : 0;
    if (size <= cap) return 0;
    if (size > (1ul << 36)) return -EFBIG;
    unsigned long want = cap * 2 > size ? cap * 2 : size;
    if (want < 64) want = 64;
    char *d = mf_realloc(n->data, want);
    if (!d && want > size) d = mf_realloc(n->data, size);
    if (!d) return -ENOSPC;
    n->data = d;
    return 0;
}

static long file_truncate(struct node *n, long len) {
    if (len > n->size) {
        long r = file_reserve(n, (unsigned long) len);
        if (r < 0) return r;
        mf_zero(n->data + n->size, (unsigned long) (len - n->size));
    } else if (len == 0) {
        mf_free(n->data);
        n->data = 0;
    } else if (n->data && mf_usable(n->data) > 65536 && (unsigned long) len < mf_usable(n->data) / 4) {
        char *d = mf_realloc(n->data, (unsigned long) len);
        if (d) n->data = d;
    }
    n->size = len;
    touch(n, 1);
    return 0;
}

/* Reads from file n at pos into the client's buf. */
static long file_read(struct node *n, unsigned long buf, unsigned long count, long pos) {
    if (count > MAX_RW) count = MAX_RW;
    if (pos >= n->size || count == 0) return 0;
    unsigned long k = (unsigned long) (n->size - pos);
    if (k > count) k = count;
    long r = copy_out(buf, n->data + pos, k);
    return r < 0 ? r : (long) k;
}

/* Writes count bytes of the client's buf (or of memfs's own memory if !user) to n at pos. */
static long file_write(struct node *n, unsigned long buf, unsigned long count, long pos, int user) {
    if (count > MAX_RW) count = MAX_RW;
    if (count == 0) return 0;
    if (user && !user_readable(buf, count)) return -EFAULT;
    unsigned long end = (unsigned long) pos + count;
    long r = file_reserve(n, end);
    if (r < 0) return r;
    if (pos > n->size) mf_zero(n->data + n->size, (unsigned long) (pos - n->size));
    mf_copy(n->data + pos, (const void *) buf, count);

    if ((long) end > n->size) n->size = (long) end;
    touch(n, 1);
    return (long) count;
}

/* ------------------------------------------------------------------------------------ */
/* Open file descriptions, fd tables, processes                                          */
/* ------------------------------------------------------------------------------------ */

static void ofd_put(struct ofd *o) {
    if (--o->refs > 0) return;
    o->node->opens--;
    node_put(o->node);
    mf_free(o);
}

static void fd_clear(struct fdtab *t, int fd) {
    if (fd < 0 || fd >= t->cap || !t->ents[fd].ofd) return;
    ofd_put(t->ents[fd].ofd);
    t->ents[fd].ofd = 0;
    t->count--;
    g.nfds--;
    if (fd < FD_FAST) __atomic_fetch_sub(&g.fd_users[fd], 1, __ATOMIC_RELAXED);
}

static long fd_set(struct fdtab *t, int fd, struct ofd *o, unsigned long dev, unsigned long ino) {
    if (fd >= t->cap) {
        int cap = t->cap ? t->cap : 16;
        while (cap <= fd) cap *= 2;
        struct fdent *e = mf_realloc(t->ents, (unsigned long) cap * sizeof *e);
        if (!e) return -ENOMEM;
        mf_zero(e + t->cap, (unsigned long) (cap - t->cap) * sizeof *e);
        t->ents = e;
        t->cap = cap;
    }
    o->refs++;                  /* first: the entry replaced may hold the last other reference */
    fd_clear(t, fd);
    t->ents[fd].ofd = o;
    t->ents[fd].dev = dev;
    t->ents[fd].ino = ino;
    t->count++;
    g.nfds++;
    if (fd < FD_FAST) __atomic_fetch_add(&g.fd_users[fd], 1, __ATOMIC_RELAXED);
    return 0;
}

static struct fdtab *fdtab_new(void) {
    struct fdtab *t = mf_alloc(sizeof *t);
    if (t) mf_zero(t, sizeof *t), t->refs = 1;
    return t;
}

static struct fdtab *fdtab_copy(struct fdtab *from) {
    struct fdtab *t = fdtab_new();
    if (!t || !from) return t;
    for (int fd = 0; fd < from->cap; fd++) {
        struct fdent *e = &from->ents[fd];
        if (e->ofd && fd_set(t, fd, e->ofd, e->dev, e->ino) < 0) break;
    }
    return t;
}

static void fdtab_put(struct fdtab *t) {
    if (!t || --t->refs > 0) return;
    for (int fd = 0; fd < t->cap; fd++) fd_clear(t, fd);
    mf_free(t->ents);
    mf_free(t);
}

static void cwd_set(struct proc *p, struct node *d) {
    if (d) d->opens++;
    if (p->cwd) {
        p->cwd->opens--;
        node_put(p->cwd);
    }
    p->cwd = d;
}

/* Fills p (pid, umask, table, cwd) as a copy of, or sharing the table of, tmpl. */
static long proc_init_from(struct proc *p, struct proc *tmpl, int share) {
    p->umask = tmpl ? tmpl->umask : g.umask0;
    if (tmpl && share && tmpl->fds) {
        p->fds = tmpl->fds;
        p->fds->refs++;
    } else {
        p->fds = fdtab_copy(tmpl ? tmpl->fds : 0);
        if (!p->fds) return -ENOMEM;
    }
    p->cwd = 0;
    cwd_set(p, tmpl ? tmpl->cwd : 0);
    return 0;
}

static void proc_fini(struct proc *p) {
    fdtab_put(p->fds);
    p->fds = 0;
    cwd_set(p, 0);
}

static struct proc **proc_slot(int pid) {
    struct proc **pp = &g.procs[(unsigned) pid % PROC_BUCKETS];
    while (*pp && (*pp)->pid != pid) pp = &(*pp)->next;
    return pp;
}

static struct proc *proc_add(int pid, struct proc *tmpl, int share) {
    struct proc *p = mf_alloc(sizeof *p);
    if (!p) return 0;
    mf_zero(p, sizeof *p);
    p->pid = pid;
    if (proc_init_from(p, tmpl, share) < 0) {
        mf_free(p);
        return 0;
    }
    struct proc **pp = proc_slot(pid);
    p->next = *pp;
    *pp = p;
    return p;
}

/*
 * The calling process's state, or 0 (create: made if missing). A child forked through
 * memfs may run before the fork's sc_pass has returned in the parent (and, for vfork, the
 * parent waits for it): then the child takes what it inherits from its parent's record.
 */
static struct proc *proc_get(int create) {
    int pid = mf_pid();
    struct proc *p = *proc_slot(pid);
    if (p) return p;
    if (g.forks) {
        int ppid = (int) SYS0(NR_getppid);
        struct forkrec *rec = 0;
        for (struct forkrec *f = g.forks; f; f = f->next) {
            if (f->ppid == ppid) rec = f;
        }
        if (rec) return proc_add(pid, &rec->tmpl, rec->share);
    }
    return create ? proc_add(pid, 0, 0) : 0;
}

/* Forgets every entry of p's table whose placeholder is gone (after an execve). */
static long fd_valid(int fd, struct fdent *e);
static void proc_sweep(struct proc *p) {
    p->exec_pending = 0;
    struct fdtab *t = p->fds;
    for (int fd = 0; fd < t->cap; fd++) {
        if (t->ents[fd].ofd && !fd_valid(fd, &t->ents[fd])) fd_clear(t, fd);
    }
}

static long fd_valid(int fd, struct fdent *e) {
    struct kstat st;
    if (SYS4(NR_newfstatat, fd, "", &st, AT_EMPTY_PATH) < 0) return 0;
    return st.st_dev == e->dev && st.st_ino == e->ino;
}

/*
 * Whether fd may be a memfs fd, without the lock: no table of any process has an entry
 * at that number. Most calls on other fds (stdout, real files) are handed on at once.
 */
static int maybe_memfs(long fd) {
    if (fd < 0 || fd > 0x7fffffff) return 0;
    if (fd >= FD_FAST) return __atomic_load_n(&g.nfds, __ATOMIC_RELAXED) != 0;
    return __atomic_load_n(&g.fd_users[fd], __ATOMIC_RELAXED) != 0;
}

/*
 * The open file description memfs holds at `fd` for the calling process, or 0 if fd is
 * not a memfs fd (any more). With the lock held.
 */
static struct ofd *fd_get(long fd) {
    if (!maybe_memfs(fd)) return 0;
    struct proc *p = proc_get(0);
    if (!p) return 0;
    if (p->exec_pending) proc_sweep(p);
    struct fdtab *t = p->fds;
    if (fd >= t->cap || !t->ents[fd].ofd) return 0;
    if (!fd_valid((int) fd, &t->ents[fd])) {
        fd_clear(t, (int) fd);
        return 0;
    }
    return t->ents[fd].ofd;
}

/* A new placeholder fd: the read end of a fresh pipe. Fills its dev and ino. */
static long placeholder(int cloexec, unsigned long *dev, unsigned long *ino) {
    int fds[2];
    long r = SYS2(NR_pipe2, fds, cloexec ? O_CLOEXEC : 0);
    if (r < 0) return r;
    SYS1(NR_close, fds[1]);
    struct kstat st;
    r = SYS4(NR_newfstatat, fds[0], "", &st, AT_EMPTY_PATH);
    if (r < 0) {
        SYS1(NR_close, fds[0]);
        return r;
    }
    *dev = st.st_dev;
    *ino = st.st_ino;
    return fds[0];
}

/* A new fd for open file description o (which gets a reference per fd). */
static long fd_install(struct proc *p, struct ofd *o, int cloexec) {
    unsigned long dev, ino;
    long fd = placeholder(cloexec, &dev, &ino);
    if (fd < 0) return fd;
    long r = fd_set(p->fds, (int) fd, o, dev, ino);
    if (r < 0) {
        SYS1(NR_close, fd);
        return r;
    }
    return fd;
}

/* ------------------------------------------------------------------------------------ */
/* Paths                                                                                 */
/* ------------------------------------------------------------------------------------ */

struct mpath {
    char abs[PATH_MAX];         /* normalized absolute path */
    const char *rel;            /* the part below the prefix ("" for the root) */
    int must_dir;               /* a trailing "/", "." or "..": the last component must be a directory */
    int last_dot;               /* the last component was "." (1) or ".." (2) */
    struct ofd *fd;             /* CL_FD: the memfs fd an empty path with AT_EMPTY_PATH named */
    int rewrite;                /* CL_PASS, but the path went through memfs: pass abs instead */
};

enum { CL_PASS = 0, CL_MEMFS = 1, CL_FD = 2 };

/* The result of a handler that found the call is not memfs's. */
#define PASS_ (-100000l)

/* Whether out[0..len) is the prefix or under it. */
static int prefix_match(const char *out, unsigned long len) {
    unsigned long n = (unsigned long) g.prefix_len;
    return len >= n && memcmp(out, g.prefix, n) == 0 && (len == n || out[n] == '/');
}

/*
 * Appends `path` to the normalized absolute path in out (length *len), lexically. Sets
 * *touched if the path passes through the prefix on the way (at any component).
 */
static long normalize_into(char *out, unsigned long *len, const char *path, struct mpath *mp, int *touched) {
    const char *s = path;
    mp->must_dir = 0;
    mp->last_dot = 0;
    if (touched && prefix_match(out, *len)) *touched = 1;
    while (*s) {
        while (*s == '/') s++;
        if (!*s) {
            mp->must_dir = 1;
            break;
        }
        const char *c = s;
        while (*s && *s != '/') s++;
        unsigned long l = (unsigned long) (s - c);
        mp->last_dot = 0;
        if (l == 1 && c[0] == '.') {
            mp->last_dot = 1;
            continue;
        }
        if (l == 2 && c[0] == '.' && c[1] == '.') {
            mp->last_dot = 2;
            while (*len > 0 && out[*len - 1] != '/') (*len)--;
            if (*len > 0) (*len)--;             /* the slash */
            continue;
        }
        if (l > NAME_MAX) return -ENAMETOOLONG;
        if (*len + 1 + l + 1 > PATH_MAX) return -ENAMETOOLONG;
        out[(*len)++] = '/';
        mf_copy(out + *len, c, l);
        *len += l;
        if (touched && prefix_match(out, *len)) *touched = 1;
    }
    if (mp->last_dot) mp->must_dir = 1;
    if (*len == 0) out[(*len)++] = '/';
    out[*len] = 0;
    return 0;
}

/* Sets mp->rel if mp->abs is under the prefix: CL_MEMFS, else CL_PASS. */
static long under_prefix(struct mpath *mp) {
    const char *a = mp->abs;
    int n = g.prefix_len;
    if (strncmp(a, g.prefix, (unsigned long) n) != 0) return CL_PASS;
    if (a[n] == 0) {
        mp->rel = a + n;
        return CL_MEMFS;
    }
    if (a[n] != '/') return CL_PASS;
    mp->rel = a + n + 1;
    return CL_MEMFS;
}

/*
 * Classifies the client's (dirfd, path): CL_MEMFS with mp filled, CL_FD (empty path with
 * AT_EMPTY_PATH on a memfs fd: mp->fd), CL_PASS (not memfs's: hand the call on; with
 * mp->rewrite when the path went through memfs's tree, made absolute in mp->abs, which
 * is what must be handed on: see pass_rewritten), or -errno. With the lock held.
 */
static long classify(long dirfd, unsigned long upath, int empty_ok, struct mpath *mp) {
    char path[PATH_MAX];
    mp->rewrite = 0;
    long r = copy_string(path, upath, PATH_MAX);
    if (r < 0) return r == -EFAULT ? CL_PASS : r;           /* the layer below reports it */
    if (path[0] == 0) {
        if (!empty_ok) return CL_PASS;                        /* ENOENT, from below */
        mp->fd = fd_get(dirfd);
        return mp->fd ? CL_FD : CL_PASS;
    }
    unsigned long len = 0;
    int touched = 0;
    if (path[0] != '/') {
        long base = -1;
        struct proc *p;
        struct ofd *o;
        if ((int) dirfd == AT_FDCWD && (p = proc_get(0)) && p->cwd) {
            base = node_path(p->cwd, mp->abs);          /* a cwd in memfs */
            if (base < 0) return base;
        } else if ((int) dirfd == AT_FDCWD) {
            base = SYS2(NR_getcwd, mp->abs, PATH_MAX);
            if (base < 0) return CL_PASS;
        } else if ((o = fd_get(dirfd))) {
            if (!S_ISDIR(o->node->mode)) return -ENOTDIR;
            base = node_path(o->node, mp->abs);
            if (base < 0) return base;
        } else {
            char link[32];
            sc_snprintf(link, sizeof link, "/proc/self/fd/%d", (int) dirfd);
            base = SYS4(NR_readlinkat, AT_FDCWD, link, mp->abs, PATH_MAX - 1);
            if (base <= 0 || mp->abs[0] != '/') return CL_PASS;
            mp->abs[base] = 0;
        }
        len = strlen(mp->abs);
        while (len > 0 && mp->abs[len - 1] == '/') len--;
    }
    r = normalize_into(mp->abs, &len, path, mp, &touched);
    if (r < 0) return touched ? r : CL_PASS;
    r = under_prefix(mp);
    if (r == CL_PASS && touched) mp->rewrite = 1;
    return r;
}

/*
 * Hands on a call whose path arguments went through memfs's tree but end outside it (a
 * cwd or dirfd in memfs, "PREFIX/../x"): the layer below could not resolve them as
 * written, so it gets the absolute, normalized path memfs computed. The string goes into
 * the caller's own stack, below its stack pointer (memory it has given up: the RISC-V ABI
 * has no red zone, and the caller's thread is stopped in this call), the argument
 * registers are pointed at it (dirfd: AT_FDCWD) through sc_frame, and the caller's
 * registers are put back afterwards (Linux preserves a1..a7 across a call).
 */
struct rw {
    int dirfd_reg;              /* argument index of the dirfd, or -1 */
    int path_reg;               /* argument index of the path */
    struct mpath *mp;
};

static long pass_rewritten(struct rw *v, int n) {
    unsigned long regs[SC_FRAME_WORDS], orig[SC_FRAME_WORDS];
    if (sc_frame(SC_FRAME_READ, regs) < 0) return sc_pass();
    mf_copy(orig, regs, sizeof regs);
    unsigned long at = (regs[2] & ~15ul) - 256;
    for (int i = 0; i < n; i++) {
        if (!v[i].mp->rewrite) continue;
        unsigned long l = strlen(v[i].mp->abs) + 1;
        at = (at - l) & ~15ul;
        if (copy_out(at, v[i].mp->abs, l) < 0) return -ENOMEM;
        regs[10 + v[i].path_reg] = at;
        if (v[i].dirfd_reg >= 0) regs[10 + v[i].dirfd_reg] = (unsigned long) (long) AT_FDCWD;
    }
    if (sc_frame(SC_FRAME_WRITE, regs) < 0) return sc_pass();
    long r = sc_pass();
    sc_frame(SC_FRAME_WRITE, orig);
    return r;
}

/* The end of a handler of a one-path call: hands it on (rewritten if need be) or returns r. */
static long path_done(long r, struct mpath *mp, int dirfd_reg, int path_reg) {
    if (r != PASS_ || !mp->rewrite) return r;
    struct rw v = {dirfd_reg, path_reg, mp};
    return pass_rewritten(&v, 1);
}

struct walk {
    struct node *parent;        /* the directory of the last component (0 for the root) */
    const char *name;           /* the last component */
    unsigned long namelen;
    struct node *node;          /* what it names, or 0 if it does not exist */
};

/* A node made but not entered in a directory: gone again. */
static void node_drop(struct node *n) {
    n->nlink = 0;
    node_put(n);
}

/* Enters a new node (NULL: none could be made) in w's directory under w's name; a node that
 * cannot be entered is dropped. */
static long enter_new(struct walk *w, struct node *n) {
    long r = n ? dir_add(w->parent, w->name, w->namelen, n) : -ENOSPC;
    if (r < 0 && n) node_drop(n);
    return r;
}

/* Whether w's name may be made in w's directory: 0, or why not (it exists; no write and
 * search permission on the directory; the directory has been removed). */
static long may_create(const struct walk *w) {
    if (w->node) return -EEXIST;
    if (!may(w->parent, W_OK | X_OK)) return -EACCES;
    if (w->parent->nlink == 0) return -ENOENT;
    return 0;
}

/* The permission bits of a new file or directory: mode less the process's umask. */
static unsigned int new_mode(long mode, const struct proc *p) {
    return (unsigned) mode & 07777 & ~(unsigned) p->umask;
}

/*
 * Replaces mp's path by what the symbolic link `link` (an entry of directory dir) makes
 * of it, `rest` being the components after the link: the target (relative to dir unless
 * absolute), then rest, normalized lexically. 0 if the result is in memfs (mp->rel set),
 * PASS if it is outside (mp->abs to hand on: mp->rewrite), or -errno.
 */
static long follow_link(struct mpath *mp, struct node *dir, struct node *link, const char *rest) {
    char tmp[PATH_MAX];
    unsigned long len = 0;
    const char *t = link->data ? link->data : "";
    if (t[0] != '/') {
        long r = node_path(dir, tmp);
        if (r < 0) return r;
        len = (unsigned long) r;
    }
    int must = mp->must_dir;
    long r = normalize_into(tmp, &len, t, mp, 0);
    if (r < 0) return r;
    if (*rest) {
        r = normalize_into(tmp, &len, rest, mp, 0);
        if (r < 0) return r;
    }
    mp->must_dir |= must;
    mf_copy(mp->abs, tmp, len + 1);
    if (under_prefix(mp) == CL_MEMFS) return 0;
    mp->rewrite = 1;
    return PASS_;
}

/*
 * Looks up mp->rel from the root: errors on the way; w->node 0 if only the last component
 * is missing. Symbolic links are followed in every component but the last, and in the
 * last too if `follow` (or the path ends in "/"); at most 40 of them (ELOOP). One that
 * leads outside memfs gives PASS, with the path to hand on in mp (see follow_link).
 */
static long walk(struct mpath *mp, struct walk *w, int follow) {
    int hops = 0;
again:;
    struct node *d = g.root;
    const char *s = mp->rel;
    w->parent = 0;
    w->name = "";
    w->namelen = 0;
    w->node = d;
    while (*s) {
        const char *c = s;
        while (*s && *s != '/') s++;
        unsigned long l = (unsigned long) (s - c);
        if (!S_ISDIR(d->mode)) return -ENOTDIR;
        if (!may(d, X_OK)) return -EACCES;
        struct dent *e = dir_find(d, c, l);
        const char *rest = *s == '/' ? s + 1 : s;
        if (e && S_ISLNK(e->node->mode) && (*rest || follow || mp->must_dir)) {
            if (++hops > 40) return -ELOOP;
            long r = follow_link(mp, d, e->node, rest);
            if (r != 0) return r;
            goto again;
        }
        w->parent = d;
        w->name = c;
        w->namelen = l;
        w->node = e ? e->node : 0;
        s = rest;
        if (!e) return *s ? -ENOENT : 0;
        d = e->node;
    }
    if (w->node && mp->must_dir && !S_ISDIR(w->node->mode)) return -ENOTDIR;
    return 0;
}

/* ------------------------------------------------------------------------------------ */
/* stat                                                                                  */
/* ------------------------------------------------------------------------------------ */

static long blocks_of(struct node *n) {
    return S_ISREG(n->mode) ? (long) ((n->size + 4095) / 4096 * 8) : 0;
}

static long size_of(struct node *n) {
    return S_ISDIR(n->mode) ? 4096 : n->size;
}

static void fill_stat(struct node *n, struct kstat *st) {
    mf_zero(st, sizeof *st);
    st->st_dev = g.dev;
    st->st_ino = (unsigned long) n->ino;
    st->st_mode = n->mode;
    st->st_nlink = n->nlink;
    st->st_uid = n->uid;
    st->st_gid = n->gid;
    st->st_size = size_of(n);
    st->st_blksize = 4096;
    st->st_blocks = blocks_of(n);
    st->st_atime = n->atime.sec, st->st_atime_nsec = n->atime.nsec;
    st->st_mtime = n->mtime.sec, st->st_mtime_nsec = n->mtime.nsec;
    st->st_ctime = n->ctime.sec, st->st_ctime_nsec = n->ctime.nsec;
}

static void fill_statx(struct node *n, struct kstatx *sx) {
    mf_zero(sx, sizeof *sx);
    sx->stx_mask = STATX_BASIC_STATS | STATX_BTIME;
    sx->stx_blksize = 4096;
    sx->stx_nlink = n->nlink;
    sx->stx_uid = n->uid;
    sx->stx_gid = n->gid;
    sx->stx_mode = (unsigned short) n->mode;
    sx->stx_ino = (unsigned long) n->ino;
    sx->stx_size = (unsigned long) size_of(n);
    sx->stx_blocks = (unsigned long) blocks_of(n);
    sx->stx_atime.tv_sec = n->atime.sec, sx->stx_atime.tv_nsec = (unsigned) n->atime.nsec;
    sx->stx_btime.tv_sec = n->btime.sec, sx->stx_btime.tv_nsec = (unsigned) n->btime.nsec;
    sx->stx_ctime.tv_sec = n->ctime.sec, sx->stx_ctime.tv_nsec = (unsigned) n->ctime.nsec;
    sx->stx_mtime.tv_sec = n->mtime.sec, sx->stx_mtime.tv_nsec = (unsigned) n->mtime.nsec;
    sx->stx_dev_major = 0;
    sx->stx_dev_minor = g.dev_minor;
}

static void fill_statfs(struct kstatfs *s) {
    mf_zero(s, sizeof *s);
    s->f_type = TMPFS_MAGIC;
    s->f_bsize = 4096;
    s->f_frsize = 4096;
    s->f_blocks = 1ul << 20;            /* nominal: memfs grows while the guest has memory */
    unsigned long used = (unsigned long) mf_heap.mapped / 4096;
    s->f_bfree = s->f_bavail = used < s->f_blocks ? s->f_blocks - used : 0;
    s->f_files = 1ul << 20;
    s->f_ffree = s->f_files - (unsigned long) g.next_ino;
    s->f_fsid[0] = (int) g.dev_minor;
    s->f_namelen = NAME_MAX;
}

/* ------------------------------------------------------------------------------------ */
/* The calls                                                                             */
/* ------------------------------------------------------------------------------------ */

#define PASS PASS_
#define REWRITE2 (-100001l)        /* a two-path call to hand on with rewritten paths */

static int readable(struct ofd *o) {
    return (o->flags & O_ACCMODE) != O_WRONLY && !(o->flags & O_PATH);
}

static int writable(struct ofd *o) {
    return (o->flags & O_ACCMODE) != O_RDONLY && !(o->flags & O_PATH);
}

static long open_locked(struct mpath *mp, long flags, long mode) {
    if ((flags & O_TMPFILE) == O_TMPFILE) return -EOPNOTSUPP;
    int acc = (int) (flags & O_ACCMODE);
    if (acc == 3) return -EINVAL;
    if (flags & O_PATH) flags &= O_PATH | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW;
    struct walk w;
    long r = walk(mp, &w, !(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL));
    if (r < 0) return r;
    struct node *n = w.node;
    if (n && S_ISLNK(n->mode) && !((flags & O_CREAT) && (flags & O_EXCL))) return -ELOOP;     /* O_NOFOLLOW */
    struct proc *p = proc_get(1);
    if (!p) return -ENOMEM;
    int created = 0;
    if (n) {
        if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) return -EEXIST;
        if (S_ISDIR(n->mode)) {
            if (acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT))) return -EISDIR;
        } else if ((flags & O_DIRECTORY) || mp->must_dir) {
            return -ENOTDIR;
        }
        if (!(flags & O_PATH)) {
            if (acc != O_WRONLY && !may(n, R_OK)) return -EACCES;
            if ((acc != O_RDONLY || (flags & O_TRUNC)) && !may(n, W_OK)) return -EACCES;
        }
    } else {
        if (!(flags & O_CREAT)) return -ENOENT;
        if (mp->must_dir) return -EISDIR;
        if (flags & O_DIRECTORY) return -EINVAL;
        r = may_create(&w);
        if (r < 0) return r;
        n = node_new(S_IFREG | new_mode(mode, p));
        r = enter_new(&w, n);
        if (r < 0) return r;
        created = 1;
    }
    struct ofd *o = mf_alloc(sizeof *o);
    if (!o) return -ENOMEM;
    o->refs = 0;
    o->flags = (int) (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC));
    o->pos = 0;
    o->node = n;
    n->opens++;
    long fd = fd_install(p, o, (flags & O_CLOEXEC) != 0);
    if (fd < 0) {
        o->refs = 1;
        ofd_put(o);             /* a file made for it stays, as Linux's would */
        return fd;
    }
    if (!created && (flags & O_TRUNC) && !(flags & O_PATH) && S_ISREG(n->mode)) file_truncate(n, 0);    /* even O_RDONLY, as Linux */
    return fd;
}

static long do_open(long dirfd, unsigned long upath, long flags, long mode) {
    struct mpath mp;
    lock();
    long c = classify(dirfd, upath, 0, &mp);
    long r = c == CL_MEMFS ? open_locked(&mp, flags, mode) : c == CL_PASS ? PASS : c;
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_openat2(long dirfd, unsigned long upath, unsigned long uhow, unsigned long size) {
    struct { unsigned long flags, mode, resolve; } how;
    if (size < sizeof how) return PASS;
    if (copy_in(&how, uhow, sizeof how) < 0) return PASS;
    if (!(how.flags & (O_CREAT | O_TMPFILE)) && how.mode) return PASS;     /* EINVAL, from below */
    return do_open(dirfd, upath, (long) how.flags, (long) how.mode);
}

/* Runs op on the memfs fd `fd` with the lock held, or says PASS. */
#define WITH_FD(fd, o, ...)                         \
    do {                                            \
        if (!maybe_memfs(fd)) return PASS;         \
        lock();                                     \
        struct ofd *o = fd_get(fd);                 \
        long r_;                                    \
        if (!o) r_ = PASS;                          \
        else { __VA_ARGS__ }                        \
        unlock();                                   \
        return r_;                                  \
    } while (0)

static long do_read(long fd, unsigned long buf, unsigned long count) {
    WITH_FD(fd, o, {
        if (!readable(o)) r_ = -EBADF;
        else if (S_ISDIR(o->node->mode)) r_ = -EISDIR;
        else {
            r_ = file_read(o->node, buf, count, o->pos);
            if (r_ > 0) o->pos += r_;
        }
    });
}

static long do_write(long fd, unsigned long buf, unsigned long count) {
    WITH_FD(fd, o, {
        if (!writable(o)) r_ = -EBADF;
        else {
            long pos = (o->flags & O_APPEND) ? o->node->size : o->pos;
            r_ = file_write(o->node, buf, count, pos, 1);
            if (r_ > 0) o->pos = pos + r_;
        }
    });
}

static long do_pread(long fd, unsigned long buf, unsigned long count, long pos) {
    WITH_FD(fd, o, {
        if (!readable(o)) r_ = -EBADF;
        else if (S_ISDIR(o->node->mode)) r_ = -EISDIR;
        else if (pos < 0) r_ = -EINVAL;
        else r_ = file_read(o->node, buf, count, pos);
    });
}

static long do_pwrite(long fd, unsigned long buf, unsigned long count, long pos) {
    WITH_FD(fd, o, {
        if (!writable(o)) r_ = -EBADF;
        else if (pos < 0) r_ = -EINVAL;
        else r_ = file_write(o->node, buf, count, (o->flags & O_APPEND) ? o->node->size : pos, 1);
    });
}

/*
 * readv/writev/preadv/pwritev (pos < 0: at and moving the file position). The vector is
 * checked whole first (EINVAL, EFAULT), as Linux does.
 */
static long vec_io(struct ofd *o, unsigned long uiov, long cnt, long pos, int wr) {
    if (wr ? !writable(o) : !readable(o)) return -EBADF;
    if (!wr && S_ISDIR(o->node->mode)) return -EISDIR;
    if (cnt < 0 || cnt > IOV_MAX) return -EINVAL;
    struct kiovec v[64];
    unsigned long total = 0;
    for (long i = 0; i < cnt; i += 64) {
        long k = cnt - i < 64 ? cnt - i : 64;
        if (copy_in(v, uiov + (unsigned long) i * sizeof *v, (unsigned long) k * sizeof *v) < 0) return -EFAULT;
        for (long j = 0; j < k; j++) {
            if ((long) v[j].len < 0 || (long) (total += v[j].len) < 0) return -EINVAL;
        }
    }
    int cur = pos < 0;
    if (cur) pos = wr && (o->flags & O_APPEND) ? o->node->size : o->pos;
    else if (wr && (o->flags & O_APPEND)) pos = o->node->size;
    long done = 0;
    for (long i = 0; i < cnt; i += 64) {
        long k = cnt - i < 64 ? cnt - i : 64;
        copy_in(v, uiov + (unsigned long) i * sizeof *v, (unsigned long) k * sizeof *v);
        for (long j = 0; j < k; j++) {
            if (v[j].len == 0) continue;
            if (done + (long) v[j].len > MAX_RW) v[j].len = (unsigned long) (MAX_RW - done);
            long r = wr ? file_write(o->node, v[j].base, v[j].len, pos + done, 1)
                        : file_read(o->node, v[j].base, v[j].len, pos + done);
            if (r < 0) {
                if (done == 0) return r;
                goto out;
            }
            done += r;
            if ((unsigned long) r < v[j].len || done >= MAX_RW) goto out;
        }
    }
out:
    if (cur) o->pos = pos + done;
    return done;
}

static long do_vec(long fd, unsigned long iov, long cnt, long pos, int wr) {
    WITH_FD(fd, o, {
        if (pos < -1) r_ = -EINVAL;
        else r_ = vec_io(o, iov, cnt, pos, wr);
    });
}

static long do_lseek(long fd, long off, long whence) {
    WITH_FD(fd, o, {
        struct node *n = o->node;
        long base = -1;
        if (S_ISDIR(n->mode)) {
            if (whence == SEEK_SET) base = 0;
            else if (whence == SEEK_CUR) base = o->pos;
            long to = (long) ((unsigned long) base + (unsigned long) off);      /* no signed overflow */
            r_ = base < 0 || to < 0 ? -EINVAL : (o->pos = to);
        } else {
            switch (whence) {
            case SEEK_SET: base = 0; break;
            case SEEK_CUR: base = o->pos; break;
            case SEEK_END: base = n->size; break;
            case SEEK_DATA: case SEEK_HOLE:
                base = off < 0 ? -1 : off >= n->size ? -2 : whence == SEEK_DATA ? off : n->size;
                if (base == -2) { r_ = -ENXIO; goto done; }
                if (base < 0) { r_ = -EINVAL; goto done; }
                off = 0;
                break;
            default: r_ = -EINVAL; goto done;
            }
            long to = (long) ((unsigned long) base + (unsigned long) off);      /* no signed overflow */
            if (to < 0) r_ = -EINVAL;
            else r_ = o->pos = to;
        }
    done:;
    });
}

static long stat_out(struct node *n, unsigned long buf) {
    struct kstat st;
    fill_stat(n, &st);
    return copy_out(buf, &st, sizeof st);
}

static long statx_out(struct node *n, unsigned long buf) {
    struct kstatx sx;
    fill_statx(n, &sx);
    return copy_out(buf, &sx, sizeof sx);
}

static long do_fstat(long fd, unsigned long buf) {
    WITH_FD(fd, o, { r_ = stat_out(o->node, buf); });
}

/* Looks up a path-or-fd target for the stat-like calls: the node, or 0 with *r set. */
static struct node *target(long dirfd, unsigned long upath, int empty_ok, int follow, struct mpath *mp, long *r) {
    long c = classify(dirfd, upath, empty_ok, mp);
    if (c == CL_FD) return mp->fd->node;
    if (c != CL_MEMFS) {
        *r = c == CL_PASS ? PASS : c;
        return 0;
    }
    struct walk w;
    long e = walk(mp, &w, follow);
    if (e < 0) {
        *r = e;
        return 0;
    }
    if (!w.node) {
        *r = -ENOENT;
        return 0;
    }
    return w.node;
}

static long do_newfstatat(long dirfd, unsigned long upath, unsigned long buf, long flags) {
    if (flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH)) return PASS;
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(dirfd, upath, (flags & AT_EMPTY_PATH) != 0, !(flags & AT_SYMLINK_NOFOLLOW), &mp, &r);
    if (n) r = stat_out(n, buf);
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_statx(long dirfd, unsigned long upath, long flags, long mask, unsigned long buf) {
    if (flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)) return PASS;
    if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & 0x80000000l)) return PASS;
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(dirfd, upath, (flags & AT_EMPTY_PATH) != 0, !(flags & AT_SYMLINK_NOFOLLOW), &mp, &r);
    if (n) r = statx_out(n, buf);
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_faccessat(long dirfd, unsigned long upath, long mode, long flags) {
    if (mode & ~7l) return PASS;
    if (flags & ~(long) (AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return PASS;
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(dirfd, upath, (flags & AT_EMPTY_PATH) != 0, !(flags & AT_SYMLINK_NOFOLLOW), &mp, &r);
    if (n) r = may(n, (int) mode) ? 0 : -EACCES;
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_truncate_path(unsigned long upath, long len) {
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(AT_FDCWD, upath, 0, 1, &mp, &r);
    if (n) {
        if (S_ISDIR(n->mode)) r = -EISDIR;
        else if (len < 0) r = -EINVAL;
        else if (!may(n, W_OK)) r = -EACCES;
        else r = file_truncate(n, len);
    }
    unlock();
    return path_done(r, &mp, -1, 0);
}

static long do_ftruncate(long fd, long len) {
    WITH_FD(fd, o, {
        if (len < 0 || !S_ISREG(o->node->mode) || !writable(o)) r_ = -EINVAL;
        else r_ = file_truncate(o->node, len);
    });
}

static long do_fallocate(long fd, long mode, long off, long len) {
    WITH_FD(fd, o, {
        if (off < 0 || len <= 0) r_ = -EINVAL;
        else if (!writable(o)) r_ = -EBADF;
        else if (S_ISDIR(o->node->mode)) r_ = -EISDIR;
        else if (mode != 0) r_ = -EOPNOTSUPP;
        else if ((long) ((unsigned long) off + (unsigned long) len) < 0) r_ = -EFBIG;
        else r_ = off + len > o->node->size ? file_truncate(o->node, off + len) : 0;
    });
}

/* getdents64: ".", "..", then the entries in the order they were made. */
static long do_getdents(long fd, unsigned long buf, unsigned long count) {
    WITH_FD(fd, o, {
        struct node *d = o->node;
        if (!S_ISDIR(d->mode)) { r_ = -ENOTDIR; goto done; }
        if (count > 65536) count = 65536;
        char *out = mf_alloc(count);
        if (!out) { r_ = -ENOMEM; goto done; }
        unsigned long used = 0;
        long pos = o->pos;
        int i = 0;
        for (;;) {
            const char *name;
            struct node *n;
            long off;
            if (pos < 1) name = ".", n = d, off = 1;
            else if (pos < 2) name = "..", n = d->parent ? d->parent : d, off = 2;
            else {
                while (i < d->nents && d->ents[i].cookie <= pos) i++;
                if (i >= d->nents) break;
                name = d->ents[i].name, n = d->ents[i].node, off = d->ents[i].cookie;
            }
            unsigned long nl = strlen(name), reclen = (19 + nl + 1 + 7) & ~7ul;
            if (used + reclen > count) break;
            char *rec = out + used;
            mf_zero(rec, reclen);
            *(unsigned long *) rec = (unsigned long) n->ino;
            *(long *) (rec + 8) = off;
            *(unsigned short *) (rec + 16) = (unsigned short) reclen;
            rec[18] = S_ISDIR(n->mode) ? DT_DIR : S_ISLNK(n->mode) ? DT_LNK : DT_REG;
            mf_copy(rec + 19, name, nl);
            used += reclen;
            pos = off;
        }
        if (used == 0 && (pos < 2 || i < d->nents)) r_ = -EINVAL;       /* too small for one entry */
        else {
            r_ = copy_out(buf, out, used);
            if (r_ == 0) {
                r_ = (long) used;
                o->pos = pos;
            }
        }
        mf_free(out);
    done:;
    });
}

static long do_close(long fd) {
    if (!maybe_memfs(fd)) return PASS;
    lock();
    struct ofd *o = fd_get(fd);
    if (o) fd_clear(proc_get(0)->fds, (int) fd);
    unlock();
    return PASS;                /* the kernel closes the placeholder */
}

static long do_dup(long fd) {
    WITH_FD(fd, o, {
        struct fdtab *t = proc_get(0)->fds;
        struct fdent e = t->ents[fd];
        r_ = SYS1(NR_dup, fd);
        if (r_ >= 0 && fd_set(t, (int) r_, o, e.dev, e.ino) < 0) {
            SYS1(NR_close, r_);
            r_ = -ENOMEM;
        }
    });
}

static long do_fcntl_dup(struct ofd *o, long fd, long cmd, long arg) {
    struct fdtab *t = proc_get(0)->fds;
    struct fdent e = t->ents[fd];
    long r = SYS3(NR_fcntl, fd, cmd, arg);
    if (r >= 0 && fd_set(t, (int) r, o, e.dev, e.ino) < 0) {
        SYS1(NR_close, r);
        r = -ENOMEM;
    }
    return r;
}

static long do_dup3(long oldfd, long newfd, long flags) {
    if ((flags & ~(long) O_CLOEXEC) || oldfd == newfd || (!maybe_memfs(oldfd) && !maybe_memfs(newfd))) return PASS;
    lock();
    struct ofd *o = fd_get(oldfd);
    long r = PASS;
    if (o) {
        struct fdtab *t = proc_get(0)->fds;
        struct fdent e = t->ents[oldfd];
        r = SYS3(NR_dup3, oldfd, newfd, flags);
        if (r >= 0 && fd_set(t, (int) newfd, o, e.dev, e.ino) < 0) r = -ENOMEM;
    }
    unlock();
    if (r != PASS) return r;
    r = sc_pass();
    if (r >= 0) {
        lock();
        struct proc *p = proc_get(0);
        if (p) fd_clear(p->fds, (int) newfd);       /* it holds someone else's file now */
        unlock();
    }
    return r;
}

#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

static long do_fcntl(long fd, long cmd, long arg) {
    if (cmd == F_GETFD || cmd == F_SETFD) return PASS;     /* the placeholder holds FD_CLOEXEC */
    WITH_FD(fd, o, {
        switch (cmd) {
        case F_DUPFD: case F_DUPFD_CLOEXEC: r_ = do_fcntl_dup(o, fd, cmd, arg); break;
        case F_GETFL: r_ = (o->flags & ~O_CLOEXEC) | O_LARGEFILE; break;
        case F_SETFL: o->flags = (o->flags & ~SETFL_MASK) | ((int) arg & SETFL_MASK); r_ = 0; break;
        case F_GETLK: case F_OFD_GETLK: {
            short unlocked = F_UNLCK;
            r_ = copy_out((unsigned long) arg, &unlocked, sizeof unlocked);
            break;
        }
        case F_SETLK: case F_SETLKW: case F_OFD_SETLK: case F_OFD_SETLKW: case F_GETOWN: case F_SETOWN:
            r_ = 0;             /* one memory, no other host: locks always succeed */
            break;
        default: r_ = -EINVAL;
        }
    });
}

static long do_ioctl(long fd, long req, unsigned long arg) {
    if (req == FIOCLEX || req == FIONCLEX) return PASS;     /* FD_CLOEXEC: the placeholder's */
    WITH_FD(fd, o, {
        if (req == FIONREAD && S_ISREG(o->node->mode)) {
            int avail = o->pos < o->node->size ? (int) (o->node->size - o->pos) : 0;
            r_ = copy_out(arg, &avail, sizeof avail);
        } else if (req == FIONBIO) {
            int on;
            r_ = copy_in(&on, arg, sizeof on);
            if (r_ == 0) o->flags = on ? o->flags | O_NONBLOCK : o->flags & ~O_NONBLOCK;
        } else {
            r_ = -ENOTTY;
        }
    });
}

static long chmod_node(struct node *n, long mode) {
    if (g.euid != 0 && n->uid != g.euid) return -EPERM;
    n->mode = (n->mode & S_IFMT) | ((unsigned) mode & 07777);
    touch(n, 0);
    return 0;
}

static long chown_node(struct node *n, long uid, long gid) {
    if (g.euid != 0 && (((int) uid != -1 && (unsigned) uid != n->uid) || n->uid != g.euid)) return -EPERM;
    if ((int) uid != -1) n->uid = (unsigned) uid;
    if ((int) gid != -1) n->gid = (unsigned) gid;
    touch(n, 0);
    return 0;
}

static long do_fchmod(long fd, long mode) {
    WITH_FD(fd, o, { r_ = chmod_node(o->node, mode); });
}

static long do_fchown(long fd, long uid, long gid) {
    WITH_FD(fd, o, { r_ = chown_node(o->node, uid, gid); });
}

static long do_fd_noop(long fd) {
    WITH_FD(fd, o, { (void) o; r_ = 0; });
}

static long do_fstatfs(long fd, unsigned long buf) {
    WITH_FD(fd, o, {
        (void) o;
        struct kstatfs s;
        fill_statfs(&s);
        r_ = copy_out(buf, &s, sizeof s);
    });
}

static long do_statfs(unsigned long upath, unsigned long buf) {
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(AT_FDCWD, upath, 0, 1, &mp, &r);
    if (n) {
        struct kstatfs s;
        fill_statfs(&s);
        r = copy_out(buf, &s, sizeof s);
    }
    unlock();
    return path_done(r, &mp, -1, 0);
}

static long do_mmap(long flags, long fd) {
    if (flags & MAP_ANONYMOUS) return PASS;
    WITH_FD(fd, o, { (void) o; r_ = -ENODEV; });
}

/* sendfile and the like on a memfs fd: not supported (callers fall back to read/write). */
static long do_not_supported(long fd1, long fd2) {
    if (!maybe_memfs(fd1) && !maybe_memfs(fd2)) return PASS;
    lock();
    long r = fd_get(fd1) || fd_get(fd2) ? -EINVAL : PASS;
    unlock();
    return r;
}

static long do_mkdirat(long dirfd, unsigned long upath, long mode) {
    struct mpath mp;
    lock();
    long r = classify(dirfd, upath, 0, &mp);
    if (r == CL_MEMFS) {
        struct walk w;
        r = walk(&mp, &w, 0);
        struct proc *p = proc_get(1);
        if (r >= 0) r = may_create(&w);
        if (r >= 0) r = p ? enter_new(&w, node_new(S_IFDIR | new_mode(mode, p))) : -ENOMEM;
    } else if (r == CL_PASS) {
        r = PASS;
    }
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_mknodat(long dirfd, unsigned long upath, long mode, long dev) {
    (void) dev;
    long type = mode & S_IFMT;
    if (type != 0 && type != S_IFREG) {
        struct mpath mp;
        lock();
        long r = classify(dirfd, upath, 0, &mp);
        unlock();
        return path_done(r == CL_MEMFS ? -EPERM : r == CL_PASS ? PASS : r, &mp, 0, 1); /* no devices, fifos, sockets */
    }
    struct mpath mp;
    lock();
    long r = classify(dirfd, upath, 0, &mp);
    if (r == CL_MEMFS) {
        struct walk w;
        r = walk(&mp, &w, 0);
        struct proc *p = proc_get(1);
        if (r >= 0) r = !w.node && mp.must_dir ? -ENOENT : may_create(&w);   /* "name/" names no file */
        if (r >= 0) r = p ? enter_new(&w, node_new(S_IFREG | new_mode(mode, p))) : -ENOMEM;
    } else if (r == CL_PASS) {
        r = PASS;
    }
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_unlinkat(long dirfd, unsigned long upath, long flags) {
    if (flags & ~(long) AT_REMOVEDIR) return PASS;
    struct mpath mp;
    lock();
    long r = classify(dirfd, upath, 0, &mp);
    if (r == CL_MEMFS) {
        struct walk w;
        r = walk(&mp, &w, 0);
        int rmdir = (flags & AT_REMOVEDIR) != 0;
        if (r < 0) {
        } else if (rmdir && mp.last_dot == 1) {
            r = -EINVAL;
        } else if (rmdir && mp.last_dot == 2) {
            r = -ENOTEMPTY;
        } else if (!w.node) {
            r = -ENOENT;
        } else if (!w.parent) {
            r = rmdir ? -EBUSY : -EISDIR;           /* the root */
        } else if (rmdir && !S_ISDIR(w.node->mode)) {
            r = -ENOTDIR;
        } else if (!rmdir && S_ISDIR(w.node->mode)) {
            r = -EISDIR;
        } else if (rmdir && w.node->nents > 0) {
            r = -ENOTEMPTY;
        } else if (!may(w.parent, W_OK | X_OK)) {
            r = -EACCES;
        } else {
            struct node *n = w.node;
            dir_del(w.parent, dir_find(w.parent, w.name, w.namelen));
            if (rmdir) {
                n->nlink = 0;
                n->parent = 0;
            } else {
                n->nlink--;
                touch(n, 0);
            }
            node_put(n);
            r = 0;
        }
    } else if (r == CL_PASS) {
        r = PASS;
    }
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_symlinkat(unsigned long utarget, long dirfd, unsigned long upath) {
    struct mpath mp;
    char t[PATH_MAX];
    lock();
    long r = classify(dirfd, upath, 0, &mp);
    if (r == CL_MEMFS) {
        struct walk w;
        struct proc *p = proc_get(1);
        r = copy_string(t, utarget, PATH_MAX);
        if (r == 0) r = -ENOENT;
        if (r > 0) r = walk(&mp, &w, 0);
        if (r >= 0) r = may_create(&w);
        if (r >= 0 && !p) r = -ENOMEM;
        if (r >= 0) {
            struct node *n = node_new(S_IFLNK | 0777);
            if (n) n->data = mf_strdup(t), n->size = (long) strlen(t);
            if (n && !n->data) node_drop(n), n = 0;
            r = enter_new(&w, n);
        }
    } else if (r == CL_PASS) {
        r = PASS;
    }
    unlock();
    return path_done(r, &mp, 1, 2);
}

static long do_readlinkat(long dirfd, unsigned long upath, unsigned long buf, long size) {
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(dirfd, upath, 1, 0, &mp, &r);
    if (n) {
        if (!S_ISLNK(n->mode) || size <= 0) r = -EINVAL;
        else {
            unsigned long k = (unsigned long) n->size < (unsigned long) size ? (unsigned long) n->size : (unsigned long) size;
            r = copy_out(buf, n->data, k);
            if (r == 0) r = (long) k;
        }
    }
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long link_locked(struct mpath *a, struct mpath *b, long olddirfd, unsigned long oldpath, long newdirfd,
                        unsigned long newpath, long flags) {
    if (!a || !b) return -ENOMEM;
    long ca = classify(olddirfd, oldpath, (flags & AT_EMPTY_PATH) != 0, a);
    long cb = classify(newdirfd, newpath, 0, b);
    if (ca < 0 || cb < 0) return ca < 0 ? ca : cb;
    if (ca == CL_PASS && cb == CL_PASS) return a->rewrite || b->rewrite ? REWRITE2 : PASS;
    if (ca == CL_PASS || cb == CL_PASS) return -EXDEV;
    struct node *old;
    long r;
    if (ca == CL_FD) {
        old = a->fd->node;
        if (old->nlink == 0) return -ENOENT;
    } else {
        struct walk w;
        r = walk(a, &w, (flags & AT_SYMLINK_FOLLOW) != 0);
        if (r == PASS) return -EXDEV;              /* a symbolic link out of memfs */
        if (r < 0) return r;
        if (!w.node) return -ENOENT;
        old = w.node;
    }
    struct walk wn;
    r = walk(b, &wn, 0);
    if (r == PASS) return -EXDEV;              /* a symbolic link out of memfs */
    if (r < 0) return r;
    if (wn.node) return -EEXIST;
    if (S_ISDIR(old->mode)) return -EPERM;
    if (b->must_dir) return -ENOENT;
    r = may_create(&wn);
    if (r < 0) return r;
    r = dir_add(wn.parent, wn.name, wn.namelen, old);
    if (r == 0) {
        old->nlink++;
        touch(old, 0);
    }
    return r;
}

/* A call on two paths (link, rename), done by op under the lock. */
typedef long (*two_path_op)(struct mpath *, struct mpath *, long, unsigned long, long, unsigned long, long);

static long two_paths(two_path_op op, long olddirfd, unsigned long oldpath, long newdirfd, unsigned long newpath, long flags) {
    lock();
    struct mpath *a = mf_alloc(sizeof *a), *b = mf_alloc(sizeof *b);    /* two paths: not on the stack */
    long r = op(a, b, olddirfd, oldpath, newdirfd, newpath, flags);
    if (r == REWRITE2) {
        /* Both outside memfs, at least one through it: hand them on as absolute paths. */
        struct mpath ca = *a, cb = *b;
        mf_free(a);
        mf_free(b);
        unlock();
        struct rw v[2] = {{0, 1, &ca}, {2, 3, &cb}};
        return pass_rewritten(v, 2);
    }
    mf_free(a);
    mf_free(b);
    unlock();
    return r;
}

static long do_linkat(long olddirfd, unsigned long oldpath, long newdirfd, unsigned long newpath, long flags) {
    if (flags & ~(long) (AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) return PASS;
    return two_paths(link_locked, olddirfd, oldpath, newdirfd, newpath, flags);
}

/* Whether directory a is d or one of d's ancestors. */
static int is_ancestor(struct node *a, struct node *d) {
    for (struct node *x = d; x; x = x == g.root ? 0 : x->parent) {
        if (x == a) return 1;
    }
    return 0;
}

/* A directory moved to entry `name` of `to`. */
static void dir_moved(struct node *n, struct node *to, const char *name) {
    char *s = mf_strdup(name);
    if (s) {
        mf_free(n->name);
        n->name = s;
    }
    n->parent = to;
}

static long rename_locked(struct mpath *a, struct mpath *b, long olddirfd, unsigned long oldpath, long newdirfd,
                          unsigned long newpath, long flags) {
    if (!a || !b) return -ENOMEM;
    long ca = classify(olddirfd, oldpath, 0, a);
    long cb = classify(newdirfd, newpath, 0, b);
    if (ca < 0 || cb < 0) return ca < 0 ? ca : cb;
    if (ca == CL_PASS && cb == CL_PASS) return a->rewrite || b->rewrite ? REWRITE2 : PASS;
    if (ca == CL_PASS || cb == CL_PASS) return -EXDEV;
    if (flags & RENAME_WHITEOUT) return -EINVAL;
    struct walk wa, wb;
    long r = walk(a, &wa, 0);
    if (r == PASS) return -EXDEV;              /* a symbolic link out of memfs */
    if (r < 0) return r;
    if (!wa.node) return -ENOENT;
    r = walk(b, &wb, 0);
    if (r == PASS) return -EXDEV;              /* a symbolic link out of memfs */
    if (r < 0) return r;
    if (!wa.parent || !wb.parent || a->last_dot || b->last_dot) return -EBUSY;
    struct node *old = wa.node, *new = wb.node;
    if (!may(wa.parent, W_OK | X_OK) || !may(wb.parent, W_OK | X_OK)) return -EACCES;
    if (flags & RENAME_EXCHANGE) {
        if (!new) return -ENOENT;
        if (old == new) return 0;
        if ((S_ISDIR(old->mode) && is_ancestor(old, wb.parent)) || (S_ISDIR(new->mode) && is_ancestor(new, wa.parent)))
            return -EINVAL;
        struct dent *ea = dir_find(wa.parent, wa.name, wa.namelen), *eb = dir_find(wb.parent, wb.name, wb.namelen);
        ea->node = new;
        eb->node = old;
        int da = S_ISDIR(old->mode) != 0, db = S_ISDIR(new->mode) != 0;
        wa.parent->nlink += db - da;
        wb.parent->nlink += da - db;
        if (da) dir_moved(old, wb.parent, eb->name);
        if (db) dir_moved(new, wa.parent, ea->name);
        touch(wa.parent, 1);
        touch(wb.parent, 1);
        touch(old, 0);
        touch(new, 0);
        return 0;
    }
    if (new && (flags & RENAME_NOREPLACE)) return -EEXIST;
    if (old == new) return 0;
    if (S_ISDIR(old->mode)) {
        if (is_ancestor(old, wb.parent)) return -EINVAL;
        if (new && !S_ISDIR(new->mode)) return -ENOTDIR;
        if (new && new->nents > 0) return -ENOTEMPTY;
    } else {
        if (new && S_ISDIR(new->mode)) return -EISDIR;
        if (b->must_dir) return -ENOTDIR;
    }
    if (!new && wb.parent->nlink == 0) return -ENOENT;
    if (new) {
        struct dent *eb = dir_find(wb.parent, wb.name, wb.namelen);
        if (S_ISDIR(new->mode)) {
            new->nlink = 0;
            new->parent = 0;
            wb.parent->nlink--;
        } else {
            new->nlink--;
            touch(new, 0);
        }
        eb->node = old;
        if (S_ISDIR(old->mode)) {
            dir_moved(old, wb.parent, eb->name);
            wb.parent->nlink++;
        }
        touch(wb.parent, 1);
    } else {
        r = dir_add(wb.parent, wb.name, wb.namelen, old);
        if (r < 0) return r;
    }
    /* Take the old entry out (found again: adding may have moved the array). */
    struct dent *ea = 0;
    for (int i = 0; i < wa.parent->nents; i++) {
        struct dent *e = &wa.parent->ents[i];
        if (e->node == old && strncmp(e->name, wa.name, wa.namelen) == 0 && e->name[wa.namelen] == 0) ea = e;
    }
    if (ea) dir_del(wa.parent, ea);
    touch(old, 0);
    if (new) node_put(new);
    return 0;
}

static long do_renameat2(long olddirfd, unsigned long oldpath, long newdirfd, unsigned long newpath, long flags) {
    if (flags & ~(long) (RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) return PASS;
    if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT))) return PASS;
    return two_paths(rename_locked, olddirfd, oldpath, newdirfd, newpath, flags);
}

static long do_fchmodat(long dirfd, unsigned long upath, long mode) {
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(dirfd, upath, 0, 1, &mp, &r);
    if (n) r = chmod_node(n, mode);
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long do_fchownat(long dirfd, unsigned long upath, long uid, long gid, long flags) {
    if (flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return PASS;
    struct mpath mp;
    long r = 0;
    lock();
    struct node *n = target(dirfd, upath, (flags & AT_EMPTY_PATH) != 0, !(flags & AT_SYMLINK_NOFOLLOW), &mp, &r);
    if (n) r = chown_node(n, uid, gid);
    unlock();
    return path_done(r, &mp, 0, 1);
}

static long set_times(struct node *n, unsigned long utimes) {
    struct timespec64 t[2], cur;
    now(&cur);
    int explicit = 0;
    if (utimes) {
        if (copy_in(t, utimes, sizeof t) < 0) return -EFAULT;
        for (int i = 0; i < 2; i++) {
            if (t[i].nsec == UTIME_NOW) t[i] = cur;
            else if (t[i].nsec == UTIME_OMIT) continue;
            else if (t[i].nsec < 0 || t[i].nsec >= 1000000000l) return -EINVAL;
            else explicit = 1;
        }
    } else {
        t[0] = t[1] = cur;
    }
    if (g.euid != 0 && n->uid != g.euid) {
        if (explicit) return -EPERM;
        if (!may(n, W_OK)) return -EACCES;
    }
    if (!utimes || t[0].nsec != UTIME_OMIT) n->atime = t[0];
    if (!utimes || t[1].nsec != UTIME_OMIT) n->mtime = t[1];
    n->ctime = cur;
    return 0;
}

static long do_utimensat(long dirfd, unsigned long upath, unsigned long utimes, long flags) {
    if (flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return PASS;
    struct mpath mp;
    mp.rewrite = 0;
    long r = 0;
    struct node *n = 0;
    lock();
    if (upath == 0) {
        struct ofd *o = fd_get(dirfd);
        if (o) n = o->node;
        else r = PASS;
    } else {
        n = target(dirfd, upath, (flags & AT_EMPTY_PATH) != 0, !(flags & AT_SYMLINK_NOFOLLOW), &mp, &r);
    }
    if (n) r = set_times(n, utimes);
    unlock();
    return path_done(r, &mp, 0, 1);
}

/* ---- the working directory ---- */

static long do_chdir(unsigned long upath) {
    struct mpath mp;
    lock();
    long c = classify(AT_FDCWD, upath, 0, &mp), r;
    if (c == CL_MEMFS) {
        struct walk w;
        r = walk(&mp, &w, 1);
        if (r == PASS) {                        /* a symbolic link out of memfs */
            r = SYS1(NR_chdir, mp.abs);
            struct proc *p = proc_get(0);
            if (r == 0 && p) cwd_set(p, 0);
            unlock();
            return r;
        }
        if (r == 0 && !w.node) r = -ENOENT;
        if (r == 0 && !S_ISDIR(w.node->mode)) r = -ENOTDIR;
        if (r == 0 && !may(w.node, X_OK)) r = -EACCES;
        struct proc *p = r == 0 ? proc_get(1) : 0;
        if (r == 0 && !p) r = -ENOMEM;
        if (r == 0) cwd_set(p, w.node);
        unlock();
        return r;
    }
    if (c == CL_PASS && mp.rewrite) {
        /* From a cwd in memfs (or through it) to outside it: memfs makes the call itself,
         * with the absolute path (chdir has no other argument). */
        r = SYS1(NR_chdir, mp.abs);
        struct proc *p = proc_get(0);
        if (r == 0 && p) cwd_set(p, 0);
        unlock();
        return r;
    }
    unlock();
    if (c < 0) return c;
    r = sc_pass();
    if (r == 0) {
        lock();
        struct proc *p = proc_get(0);
        if (p) cwd_set(p, 0);
        unlock();
    }
    return r;
}

static long do_fchdir(long fd) {
    lock();
    struct ofd *o = fd_get(fd);
    if (o) {
        long r = 0;
        if (!S_ISDIR(o->node->mode)) r = -ENOTDIR;
        else if (!may(o->node, X_OK)) r = -EACCES;
        else cwd_set(proc_get(1), o->node);
        unlock();
        return r;
    }
    unlock();
    long r = sc_pass();
    if (r == 0) {
        lock();
        struct proc *p = proc_get(0);
        if (p) cwd_set(p, 0);
        unlock();
    }
    return r;
}

static long do_getcwd(unsigned long buf, unsigned long size) {
    lock();
    struct proc *p = proc_get(0);
    long r = PASS;
    if (p && p->cwd) {
        char path[PATH_MAX];
        r = node_path(p->cwd, path);
        if (r >= 0) {
            if ((unsigned long) r + 1 > size) r = -ERANGE;
            else r = copy_out(buf, path, (unsigned long) r + 1) < 0 ? -EFAULT : r + 1;
        }
    }
    unlock();
    return r;
}

/* ---- processes ---- */

/*
 * fork/vfork/clone without CLONE_THREAD: the child gets a copy of the parent's memfs fds
 * (sharing the open file descriptions), or the same table with CLONE_FILES. The record
 * of what it inherits exists before the kernel makes the child, so a child that calls
 * memfs before this sc_pass returns here finds it (proc_get).
 */
static long do_clone(unsigned long flags) {
    if (flags & CLONE_THREAD) return sc_pass();
    int pid = mf_pid();
    lock();
    struct proc *p = proc_get(0);
    struct forkrec *f = 0;
    if (p) {
        f = mf_alloc(sizeof *f);
        if (f) {
            mf_zero(f, sizeof *f);
            f->ppid = pid;
            f->share = (flags & CLONE_FILES) != 0;
            if (proc_init_from(&f->tmpl, p, f->share) < 0) {
                mf_free(f);
                f = 0;
            } else {
                f->next = g.forks;
                g.forks = f;
            }
        }
    }
    unlock();
    long r = sc_pass();
    if (!f) return r;
    lock();
    if (r > 0 && !*proc_slot((int) r)) proc_add((int) r, &f->tmpl, f->share);
    struct forkrec **pp = &g.forks;
    while (*pp && *pp != f) pp = &(*pp)->next;
    if (*pp) *pp = f->next;
    proc_fini(&f->tmpl);
    mf_free(f);
    unlock();
    return r;
}

static long do_clone3(unsigned long uargs, unsigned long size) {
    unsigned long flags;
    if (size < 64 || copy_in(&flags, uargs, sizeof flags) < 0) return sc_pass();
    return do_clone(flags);
}

static long do_exit_group(void) {
    lock();
    struct proc **pp = proc_slot(mf_pid());
    struct proc *p = *pp;
    if (p) {
        *pp = p->next;
        proc_fini(p);
        mf_free(p);
    }
    unlock();
    return PASS;
}

static long do_umask(long mask) {
    long r = sc_pass();
    if (r >= 0) {
        lock();
        struct proc *p = proc_get(1);
        if (p) p->umask = (int) (mask & 0777);
        unlock();
    }
    return r;
}

static long do_close_range(unsigned long first, unsigned long last, long flags) {
    if (first > last || (flags & ~(long) (CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)) || (flags & CLOSE_RANGE_CLOEXEC))
        return PASS;
    lock();
    struct proc *p = proc_get(0);
    if (p) {
        if ((flags & CLOSE_RANGE_UNSHARE) && p->fds->refs > 1) {
            struct fdtab *t = fdtab_copy(p->fds);
            if (t) {
                fdtab_put(p->fds);
                p->fds = t;
            }
        }
        struct fdtab *t = p->fds;
        for (unsigned long fd = first; fd <= last && fd < (unsigned long) t->cap; fd++) fd_clear(t, (int) fd);
    }
    unlock();
    return PASS;
}

static long do_execve(long dirfd, unsigned long upath, long flags, int dirfd_reg, int path_reg) {
    struct mpath mp;
    lock();
    long c = classify(dirfd, upath, (flags & AT_EMPTY_PATH) != 0, &mp);
    if (c == CL_MEMFS) {
        struct walk w;
        long r = walk(&mp, &w, 1);
        if (r != PASS) {                        /* PASS: a symbolic link out of memfs */
            unlock();
            if (r < 0) return r;
            return w.node ? -EACCES : -ENOENT;     /* the kernel loads programs from the host only */
        }
    }
    if (c == CL_FD || c < 0) {
        unlock();
        return c == CL_FD ? -EACCES : c;
    }
    struct proc *p = proc_get(0);
    if (p) p->exec_pending = 1;
    unlock();
    struct rw v = {dirfd_reg, path_reg, &mp};
    long r = mp.rewrite ? pass_rewritten(&v, 1) : sc_pass();
    lock();
    p = proc_get(0);
    if (p) p->exec_pending = 0;
    unlock();
    return r;
}

/* ------------------------------------------------------------------------------------ */
/* The service                                                                           */
/* ------------------------------------------------------------------------------------ */

long service_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    (void) a5;
    long r;
    switch (nr) {
    case NR_openat: r = do_open(a0, (unsigned long) a1, a2, a3); break;
    case NR_openat2: r = do_openat2(a0, (unsigned long) a1, (unsigned long) a2, (unsigned long) a3); break;
    case NR_read: r = do_read(a0, (unsigned long) a1, (unsigned long) a2); break;
    case NR_write: r = do_write(a0, (unsigned long) a1, (unsigned long) a2); break;
    case NR_readv: r = do_vec(a0, (unsigned long) a1, a2, -1, 0); break;
    case NR_writev: r = do_vec(a0, (unsigned long) a1, a2, -1, 1); break;
    case NR_pread64: r = do_pread(a0, (unsigned long) a1, (unsigned long) a2, a3); break;
    case NR_pwrite64: r = do_pwrite(a0, (unsigned long) a1, (unsigned long) a2, a3); break;
    case NR_preadv: r = a3 < 0 ? PASS : do_vec(a0, (unsigned long) a1, a2, a3, 0); break;
    case NR_pwritev: r = a3 < 0 ? PASS : do_vec(a0, (unsigned long) a1, a2, a3, 1); break;
    case NR_preadv2: r = do_vec(a0, (unsigned long) a1, a2, a3, 0); break;
    case NR_pwritev2: r = do_vec(a0, (unsigned long) a1, a2, a3, 1); break;
    case NR_lseek: r = do_lseek(a0, a1, a2); break;
    case NR_fstat: r = do_fstat(a0, (unsigned long) a1); break;
    case NR_newfstatat: r = do_newfstatat(a0, (unsigned long) a1, (unsigned long) a2, a3); break;
    case NR_statx: r = do_statx(a0, (unsigned long) a1, a2, a3, (unsigned long) a4); break;
    case NR_faccessat: r = do_faccessat(a0, (unsigned long) a1, a2, 0); break;
    case NR_faccessat2: r = do_faccessat(a0, (unsigned long) a1, a2, a3); break;
    case NR_getdents64: r = do_getdents(a0, (unsigned long) a1, (unsigned long) a2); break;
    case NR_close: r = do_close(a0); break;
    case NR_close_range: r = do_close_range((unsigned long) a0, (unsigned long) a1, a2); break;
    case NR_dup: r = do_dup(a0); break;
    case NR_dup3: r = do_dup3(a0, a1, a2); break;
    case NR_fcntl: r = do_fcntl(a0, a1, a2); break;
    case NR_ioctl: r = do_ioctl(a0, a1, (unsigned long) a2); break;
    case NR_ftruncate: r = do_ftruncate(a0, a1); break;
    case NR_truncate: r = do_truncate_path((unsigned long) a0, a1); break;
    case NR_fallocate: r = do_fallocate(a0, a1, a2, a3); break;
    case NR_fsync: case NR_fdatasync: case NR_flock: case NR_fadvise64: r = do_fd_noop(a0); break;
    case NR_fchmod: r = do_fchmod(a0, a1); break;
    case NR_fchown: r = do_fchown(a0, a1, a2); break;
    case NR_fchmodat: r = do_fchmodat(a0, (unsigned long) a1, a2); break;
    case NR_fchownat: r = do_fchownat(a0, (unsigned long) a1, a2, a3, a4); break;
    case NR_utimensat: r = do_utimensat(a0, (unsigned long) a1, (unsigned long) a2, a3); break;
    case NR_fstatfs: r = do_fstatfs(a0, (unsigned long) a1); break;
    case NR_statfs: r = do_statfs((unsigned long) a0, (unsigned long) a1); break;
    case NR_mmap: r = do_mmap(a3, a4); break;
    case NR_sendfile: r = do_not_supported(a0, a1); break;
    case NR_mkdirat: r = do_mkdirat(a0, (unsigned long) a1, a2); break;
    case NR_mknodat: r = do_mknodat(a0, (unsigned long) a1, a2, a3); break;
    case NR_unlinkat: r = do_unlinkat(a0, (unsigned long) a1, a2); break;
    case NR_symlinkat: r = do_symlinkat((unsigned long) a0, a1, (unsigned long) a2); break;
    case NR_linkat: r = do_linkat(a0, (unsigned long) a1, a2, (unsigned long) a3, a4); break;
    case NR_renameat: r = do_renameat2(a0, (unsigned long) a1, a2, (unsigned long) a3, 0); break;
    case NR_renameat2: r = do_renameat2(a0, (unsigned long) a1, a2, (unsigned long) a3, a4); break;
    case NR_readlinkat: r = do_readlinkat(a0, (unsigned long) a1, (unsigned long) a2, a3); break;
    case NR_chdir: return do_chdir((unsigned long) a0);
    case NR_fchdir: return do_fchdir(a0);
    case NR_getcwd: r = do_getcwd((unsigned long) a0, (unsigned long) a1); break;
    case NR_execve: return do_execve(AT_FDCWD, (unsigned long) a0, 0, -1, 0);
    case NR_execveat: return do_execve(a0, (unsigned long) a1, a4, 0, 1);
    case NR_clone: return do_clone((unsigned long) a0);
    case NR_clone3: return do_clone3((unsigned long) a0, (unsigned long) a1);
    case NR_exit_group: r = do_exit_group(); break;
    case NR_umask: return do_umask(a0);
    default: return sc_pass();
    }
    return r == PASS ? sc_pass() : r;
}

static long init_fail(const char *why) {
    sc_dprintf(2, "memfs: %s\n", why);
    return -EINVAL;
}

long service_init(long served, long self, int argc, char **argv) {
    if (argc < 2 || !argv[1] || !argv[1][0]) return init_fail("usage: --serve 'memfs PREFIX' (e.g. /mem)");
    struct mpath mp;
    unsigned long len = 0;
    if (argv[1][0] != '/') {
        long r = SYS2(NR_getcwd, mp.abs, PATH_MAX);
        if (r < 0) return init_fail("cannot find the working directory for a relative prefix");
        len = strlen(mp.abs);
        while (len > 0 && mp.abs[len - 1] == '/') len--;
    }
    if (strlen(argv[1]) >= PATH_MAX || normalize_into(mp.abs, &len, argv[1], &mp, 0) < 0)
        return init_fail("prefix too long");
    if (len <= 1) return init_fail("the prefix cannot be / (memfs serves a directory of the tree)");
    mf_copy(g.prefix, mp.abs, len + 1);
    g.prefix_len = (int) len;
    g.self = self;
    g.dev_minor = 0x80 + (unsigned) (self & 0x7f);
    g.dev = (g.dev_minor & 0xff) | ((unsigned long) (g.dev_minor & ~0xffu) << 12);
    g.euid = (unsigned) SYS0(NR_geteuid);
    g.egid = (unsigned) SYS0(NR_getegid);
    g.umask0 = (int) SYS1(NR_umask, 0);
    SYS1(NR_umask, g.umask0);
    lk = sys_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    mf_threads = sys_mmap(0, mf_round_page(sizeof *mf_threads), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (is_err((long) lk) || is_err((long) mf_threads)) return init_fail("no memory");
    g.root = node_new(S_IFDIR | 0755);
    if (!g.root) return init_fail("no memory");
    g.root->parent = g.root;
    return service_install(served, self, 0);
}
