/*
 * tracer_fmt.h - the line buffer and the client-memory reader of the tracer server
 * (guest/servers/tracer.c). Included by tracer.c only.
 *
 * A trace line is built in a local buffer (struct tl) and written with one write(2), so
 * lines of different threads and processes never mix. Arguments stop at TL_ARGS bytes;
 * the result always fits.
 *
 * Client memory is read only through struct cmem, which asks sc_owner about every page
 * first: a page is read only when it is mapped, the tracer may read it (sc_owner gives a
 * sid, not -EFAULT or -EPERM), and it is not the tracer's own page (a client pointer into
 * the tracer is never followed). Anything else is shown as a hex pointer.
 */
#ifndef TRACER_FMT_H
#define TRACER_FMT_H

#include "scrt.h"

#define TL_SIZE 4096
#define TL_ARGS (TL_SIZE - 256)     /* arguments stop here: the rest is for the result */

struct tl {
    int n, lim;
    char b[TL_SIZE];
};

static void tl_init(struct tl *l) {
    l->n = 0;
    l->lim = TL_ARGS;
}

static void tl_putc(struct tl *l, char c) {
    if (l->n < l->lim) l->b[l->n++] = c;
}

static void tl_puts(struct tl *l, const char *s) {
    while (*s) tl_putc(l, *s++);
}

static void tl_fmt(struct tl *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tl_fmt(struct tl *l, const char *fmt, ...) {
    char tmp[96];
    va_list ap;
    va_start(ap, fmt);
    sc_vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    tl_puts(l, tmp);
}

static void tl_dec(struct tl *l, long v) { tl_fmt(l, "%ld", v); }
static void tl_udec(struct tl *l, unsigned long v) { tl_fmt(l, "%lu", v); }
static void tl_hex(struct tl *l, unsigned long v) {
    if (v) tl_fmt(l, "0x%lx", v);
    else tl_putc(l, '0');
}
static void tl_ptr(struct tl *l, unsigned long v) {
    if (v) tl_hex(l, v);
    else tl_puts(l, "NULL");
}

/* Quotes n bytes strace-style: C escapes, other non-printing bytes in octal; "..." after if more. */
static void tl_quote(struct tl *l, const unsigned char *s, unsigned long n, int more) {
    tl_putc(l, '"');
    for (unsigned long i = 0; i < n; i++) {
        unsigned char c = s[i];
        switch (c) {
        case '"': tl_puts(l, "\\\""); continue;
        case '\\': tl_puts(l, "\\\\"); continue;
        case '\t': tl_puts(l, "\\t"); continue;
        case '\n': tl_puts(l, "\\n"); continue;
        case '\v': tl_puts(l, "\\v"); continue;
        case '\f': tl_puts(l, "\\f"); continue;
        case '\r': tl_puts(l, "\\r"); continue;
        }
        if (c >= ' ' && c < 0x7f) {
            tl_putc(l, (char) c);
        } else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
            tl_fmt(l, "\\%03o", c);            /* a digit follows: all three digits */
        } else {
            tl_fmt(l, "\\%o", c);
        }
    }
    tl_putc(l, '"');
    if (more) tl_puts(l, "...");
}

/* ---- client memory ---- */

#define PAGE 4096UL

struct cmem {
    long self;                  /* the tracer's own sid */
    unsigned long good[4];      /* pages found readable, ... */
    unsigned long bad[2];       /* ... and not */
    int ngood, nbad;
};

static void cm_init(struct cmem *m, long self) {
    m->self = self;
    m->ngood = m->nbad = 0;
}

static int cm_page_ok(struct cmem *m, unsigned long page) {
    for (int i = 0; i < m->ngood && i < 4; i++) if (m->good[i] == page) return 1;
    for (int i = 0; i < m->nbad && i < 2; i++) if (m->bad[i] == page) return 0;
    long owner = sc_owner((const void *) page);
    int ok = owner > 0 && owner != m->self;
    if (ok) m->good[m->ngood++ & 3] = page;
    else m->bad[m->nbad++ & 1] = page;
    return ok;
}

/* Whether [addr, addr + n) may be read. */
static int cm_ok(struct cmem *m, unsigned long addr, unsigned long n) {
    if (n == 0) return 1;
    if (addr + n < addr) return 0;
    for (unsigned long p = addr & ~(PAGE - 1); p < addr + n; p += PAGE) {
        if (!cm_page_ok(m, p)) return 0;
    }
    return 1;
}

/* Copies n bytes of client memory; 0, or -1 (nothing read) if any of it may not be read. */
static int cm_read(struct cmem *m, unsigned long addr, void *dst, unsigned long n) {
    if (!cm_ok(m, addr, n)) return -1;
    const volatile unsigned char *s = (const volatile unsigned char *) addr;
    unsigned char *d = dst;
    for (unsigned long i = 0; i < n; i++) d[i] = s[i];
    return 0;
}

static int cm_word(struct cmem *m, unsigned long addr, unsigned long *out) {
    if (addr & 7) return cm_read(m, addr, out, 8);
    if (!cm_ok(m, addr, 8)) return -1;
    *out = *(const volatile unsigned long *) addr;
    return 0;
}

/*
 * Copies a NUL-terminated string of at most max bytes into dst (max + 1 bytes): its length,
 * with *more set if it goes on past max, or -1 if a page it lies on may not be read.
 */
static long cm_string(struct cmem *m, unsigned long addr, char *dst, unsigned long max, int *more) {
    unsigned long i = 0;
    *more = 0;
    for (;; i++) {
        unsigned long a = addr + i;
        if (a < addr) return -1;
        if (i == 0 || (a & (PAGE - 1)) == 0) {
            if (!cm_page_ok(m, a & ~(PAGE - 1))) return -1;
        }
        char c = *(const volatile char *) a;
        if (!c) break;
        if (i == max) {
            *more = 1;
            break;
        }
        dst[i] = c;
    }
    dst[i] = 0;
    return (long) i;
}

#endif
