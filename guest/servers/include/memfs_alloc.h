/*
 * memfs_alloc.h - memfs's allocator and memory copies.
 *
 * All memory comes from memfs's own mmap calls, which map into its own subcontext (the
 * principal of a server's own call is the server): shared by every process of the tree
 * like the rest of the server. Blocks of up to 32 KiB come from power-of-two size classes
 * (16 B .. 32 KiB) carved out of 256 KiB slabs and recycled through free lists; bigger
 * blocks are their own mappings, grown with mremap and unmapped when freed. Every block
 * has a 16-byte header: the size class, or the mapping's length.
 *
 * Not thread-safe by itself: memfs calls it with its lock held.
 */
#ifndef MEMFS_ALLOC_H
#define MEMFS_ALLOC_H

#include "memfs_sys.h"

#define MF_HDR 16
#define MF_MIN_SHIFT 4
#define MF_MAX_SHIFT 15
#define MF_SLAB (256 * 1024)

struct mf_heap {
    void *free[MF_MAX_SHIFT + 1];
    char *slab, *slab_end;
    long mapped;            /* bytes of memory mapped for the heap */
};

static struct mf_heap mf_heap;

static void *mf_map(unsigned long len) {
    void *p = sys_mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (is_err((long) p)) return 0;
    mf_heap.mapped += len;
    return p;
}

static void mf_unmap(void *p, unsigned long len) {
    sys_munmap(p, len);
    mf_heap.mapped -= len;
}

static unsigned long mf_round_page(unsigned long n) {
    return (n + 4095) & ~4095ul;
}

static void *mf_alloc(unsigned long n) {
    if (n > (1ul << 40)) return 0;
    unsigned long total = n + MF_HDR;
    long *h;
    if (total <= (1ul << MF_MAX_SHIFT)) {
        int c = MF_MIN_SHIFT;
        while ((1ul << c) < total) c++;
        h = mf_heap.free[c];
        if (h) {
            mf_heap.free[c] = *(void **) (h + 2);
        } else {
            if (mf_heap.slab_end - mf_heap.slab < (long) (1ul << c)) {
                char *s = mf_map(MF_SLAB);
                if (!s) return 0;
                mf_heap.slab = s;
                mf_heap.slab_end = s + MF_SLAB;
            }
            h = (long *) mf_heap.slab;
            mf_heap.slab += 1ul << c;
        }
        h[0] = c;
    } else {
        unsigned long len = mf_round_page(total);
        h = mf_map(len);
        if (!h) return 0;
        h[0] = (long) len;
    }
    h[1] = 0x6d656d6673l;          /* "memfs": a marker for debugging */
    return h + 2;
}

static void mf_free(void *p) {
    if (!p) return;
    long *h = (long *) p - 2;
    if (h[0] <= MF_MAX_SHIFT) {
        *(void **) p = mf_heap.free[h[0]];
        mf_heap.free[h[0]] = h;
    } else {
        mf_unmap(h, (unsigned long) h[0]);
    }
}

/* Bytes usable in block p. */
static unsigned long mf_usable(void *p) {
    long *h = (long *) p - 2;
    return h[0] <= MF_MAX_SHIFT ? (1ul << h[0]) - MF_HDR : (unsigned long) h[0] - MF_HDR;
}

/* ---- copies (scrt's memcpy goes a byte at a time) ---- */

__attribute__((optimize("no-tree-loop-distribute-patterns")))
static void mf_copy(void *dst, const void *src, unsigned long n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((unsigned long) d ^ (unsigned long) s) & 7) == 0) {
        while (n && ((unsigned long) d & 7)) *d++ = *s++, n--;
        unsigned long *dw = (unsigned long *) d;
        const unsigned long *sw = (const unsigned long *) s;
        for (; n >= 32; n -= 32, dw += 4, sw += 4) {
            unsigned long a = sw[0], b = sw[1], c = sw[2], e = sw[3];
            dw[0] = a, dw[1] = b, dw[2] = c, dw[3] = e;
        }
        for (; n >= 8; n -= 8) *dw++ = *sw++;
        d = (unsigned char *) dw;
        s = (const unsigned char *) sw;
    }
    while (n--) *d++ = *s++;
}

__attribute__((optimize("no-tree-loop-distribute-patterns")))
static void mf_zero(void *dst, unsigned long n) {
    unsigned char *d = dst;
    while (n && ((unsigned long) d & 7)) *d++ = 0, n--;
    unsigned long *dw = (unsigned long *) d;
    for (; n >= 8; n -= 8) *dw++ = 0;
    d = (unsigned char *) dw;
    while (n--) *d++ = 0;
}

/* Grows (or shrinks) block p to hold at least n bytes, keeping min(old, n) bytes. */
static void *mf_realloc(void *p, unsigned long n) {
    if (!p) return mf_alloc(n);
    long *h = (long *) p - 2;
    unsigned long old = mf_usable(p);
    if (h[0] > MF_MAX_SHIFT && n + MF_HDR > (1ul << MF_MAX_SHIFT)) {
        unsigned long len = mf_round_page(n + MF_HDR);
        long oldlen = h[0];
        if (len == (unsigned long) oldlen) return p;
        long *q = (long *) sys_call(NR_mremap, (long) h, oldlen, (long) len, MREMAP_MAYMOVE, 0, 0);
        if (is_err((long) q)) return 0;
        mf_heap.mapped += (long) len - oldlen;
        q[0] = (long) len;
        return q + 2;
    }
    void *q = mf_alloc(n);
    if (!q) return 0;
    mf_copy(q, p, old < n ? old : n);
    mf_free(p);
    return q;
}

static char *mf_strdup(const char *s) {
    unsigned long n = strlen(s);
    char *d = mf_alloc(n + 1);
    if (d) mf_copy(d, s, n + 1);
    return d;
}

#endif
