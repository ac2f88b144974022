/* scrt: system calls, strings and formatted output for freestanding server code. */
#include "scrt.h"

long sys_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    return sc_syscall6(nr, a0, a1, a2, a3, a4, a5);
}

long sys_read(int fd, void *buf, size_t n) { return sys_call(63, fd, (long) buf, (long) n, 0, 0, 0); }
long sys_write(int fd, const void *buf, size_t n) { return sys_call(64, fd, (long) buf, (long) n, 0, 0, 0); }
long sys_openat(int dirfd, const char *path, int flags, int mode) {
    return sys_call(56, dirfd, (long) path, flags, mode, 0, 0);
}
long sys_close(int fd) { return sys_call(57, fd, 0, 0, 0, 0, 0); }
void *sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off) {
    return (void *) sys_call(222, (long) addr, (long) len, prot, flags, fd, off);
}
long sys_munmap(void *addr, size_t len) { return sys_call(215, (long) addr, (long) len, 0, 0, 0, 0); }
long sys_getpid(void) { return sys_call(172, 0, 0, 0, 0, 0, 0); }
long sys_gettid(void) { return sys_call(178, 0, 0, 0, 0, 0, 0); }
void sys_exit_group(int status) {
    for (;;) sys_call(94, status, 0, 0, 0, 0, 0);
}

void *memcpy(void *d, const void *s, size_t n) {
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--) *dp++ = *sp++;
    return d;
}

void *memmove(void *d, const void *s, size_t n) {
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp < sp) {
        while (n--) *dp++ = *sp++;
    } else {
        while (n--) dp[n] = sp[n];
    }
    return d;
}

void *memset(void *d, int c, size_t n) {
    unsigned char *dp = d;
    while (n--) *dp++ = (unsigned char) c;
    return d;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) if (*x != *y) return *x - *y;
    return 0;
}

size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

size_t strnlen(const char *s, size_t max) {
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}

int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (unsigned char) *a - (unsigned char) *b;
}

int strncmp(const char *a, const char *b, size_t n) {
    for (; n; n--, a++, b++) {
        if (*a != *b || !*a) return (unsigned char) *a - (unsigned char) *b;
    }
    return 0;
}

char *strcpy(char *d, const char *s) {
    char *r = d;
    while ((*d++ = *s++)) {
    }
    return r;
}

char *strchr(const char *s, int c) {
    for (;; s++) {
        if (*s == (char) c) return (char *) s;
        if (!*s) return 0;
    }
}

/* ---- formatted output ---- */

struct out {
    char *buf;
    size_t size, len;
};

static void put(struct out *o, char c) {
    if (o->len + 1 < o->size) o->buf[o->len] = c;
    o->len++;
}

static void number(struct out *o, unsigned long v, int base, int upper, int neg, int width, int zero, int left) {
    char tmp[32];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    int len = n + neg;
    if (!left && !zero) for (; width > len; width--) put(o, ' ');
    if (neg) put(o, '-');
    if (!left && zero) for (; width > len; width--) put(o, '0');
    while (n) put(o, tmp[--n]);
    if (left) for (; width > len; width--) put(o, ' ');
}

int sc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) {
    struct out o = {buf, size, 0};
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt++;
        int left = 0, zero = 0, width = 0, lng = 0;
        for (;; fmt++) {
            if (*fmt == '-') left = 1;
            else if (*fmt == '0') zero = 1;
            else break;
        }
        while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l' || *fmt == 'z') lng++, fmt++;
        switch (*fmt) {
        case 'd': case 'i': {
            long v = lng ? va_arg(ap, long) : va_arg(ap, int);
            number(&o, v < 0 ? -(unsigned long) v : (unsigned long) v, 10, 0, v < 0, width, zero, left);
            break;
        }
        case 'u': case 'x': case 'X': case 'o': {
            unsigned long v = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            int base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
            number(&o, v, base, *fmt == 'X', 0, width, zero, left);
            break;
        }
        case 'p':
            put(&o, '0');
            put(&o, 'x');
            number(&o, (unsigned long) va_arg(ap, void *), 16, 0, 0, 0, 0, 0);
            break;
        case 'c':
            put(&o, (char) va_arg(ap, int));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            int n = (int) strlen(s);
            if (!left) for (; width > n; width--) put(&o, ' ');
            while (*s) put(&o, *s++);
            if (left) for (; width > n; width--) put(&o, ' ');
            break;
        }
        case '%':
            put(&o, '%');
            break;
        default:
            put(&o, '%');
            if (*fmt) put(&o, *fmt);
            else fmt--;
        }
    }
    if (size) buf[o.len < size ? o.len : size - 1] = 0;
    return (int) o.len;
}

int sc_snprintf(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = sc_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int sc_dprintf(int fd, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = sc_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sys_write(fd, buf, n < (int) sizeof buf ? (size_t) n : sizeof buf - 1);
    return n;
}

/* ---- threads ---- */

/* Drepper's three-state futex mutex ("Futexes are tricky", mutex 2). */
void sc_mutex_lock(struct sc_mutex *m) {
    int c = __sync_val_compare_and_swap(&m->state, 0, 1);
    if (c == 0) return;
    if (c != 2) c = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
    while (c != 0) {
        /* Not FUTEX_PRIVATE: a server's memory may be one for a whole fork tree (SC_SHARE_ON_FORK). */
        sys_call(98 /* futex */, (long) &m->state, 0 /* FUTEX_WAIT */, 2, 0, 0, 0);
        c = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
    }
}

void sc_mutex_unlock(struct sc_mutex *m) {
    if (__atomic_fetch_sub(&m->state, 1, __ATOMIC_RELEASE) != 1) {
        __atomic_store_n(&m->state, 0, __ATOMIC_RELEASE);
        sys_call(98, (long) &m->state, 1 /* FUTEX_WAKE */, 1, 0, 0, 0);
    }
}

/*
 * A thread's stack in this server, above a guard of one nest window that nothing may touch:
 * the entry stub moves down a whole window at each nested entry, so a ninth nested entry
 * (or a server function overflowing the lowest window) lands in the guard and faults
 * instead of writing into whatever this server mapped below the stack.
 */
long scrt_new_thread(void) {
    char *guard = sys_mmap(0, SCRT_NEST_WINDOW + SCRT_STACK_SIZE, 0 /* PROT_NONE */, 0x22 /* PRIVATE|ANONYMOUS */, -1, 0);
    char *stack = guard + SCRT_NEST_WINDOW;
    if (((long) guard < 0 && (long) guard > -4096)
        || sys_call(226 /* mprotect */, (long) stack, SCRT_STACK_SIZE, 3 /* RW */, 0, 0, 0) < 0) {
        static const char msg[] = "scrt: cannot make a stack for this thread\n";
        sys_write(2, msg, sizeof msg - 1);
        sys_exit_group(127);
    }
    long *record = (long *) (stack + SCRT_STACK_SIZE - 16);
    record[0] = (long) record;        /* next: entries build their frames below this */
    sc_set_sctls((long) record);
    return (long) record;
}
