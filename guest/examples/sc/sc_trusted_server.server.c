/*
 * sc_trusted_server.server.c - the trusted server of the sc_trusted_server example: a tiny
 * key-value store that lives in its own subcontext ("kvstore") of the client's process.
 *
 * Built freestanding with the scrt runtime (no glibc): scrt's entry stub (_start, the ELF
 * entry point) is the one point entry the client is given. Every call arrives there, the
 * stub switches to this thread's own stack in the server (found through the sctls CSR, so
 * the client's stack is never trusted or used) and calls server_main with the client's
 * a0..a7. The return goes back through the kernel's trusted return stack.
 *
 * The client granted this subcontext R and W over its own (root) subcontext, so the server
 * works directly on the client's strings and buffers through the pointers it is given: no
 * copying through the kernel, no translation. The client has no rights over the server, so
 * the table below is out of its reach. The server has one duty in return: never let the
 * client aim it at the server's own memory (a "confused deputy"); it checks every pointer
 * with sc_owner before touching it.
 */
#include "scrt.h"

/* The portal's operations (a0 of every call). */
#define KV_PUT   1      /* put(key, value): copies both strings out of the client's memory */
#define KV_GET   2      /* get(key, buf, size): writes the value into the client's buffer */
#define KV_COUNT 3      /* count(): how many keys are stored */

/* Linux error numbers (there is no <errno.h> in freestanding code). */
#define ENOENT       2
#define EFAULT       14
#define EINVAL       22
#define ENOSPC       28
#define ENAMETOOLONG 36

#define KV_SLOTS 8
#define KV_KEY   32
#define KV_VALUE 64

/* The server's private state. Global so the client's attack can find it in the symbol table. */
struct kv_slot {
    char key[KV_KEY];
    char value[KV_VALUE];
};
struct kv_slot kv_table[KV_SLOTS];
long kv_used;

static char my_name[64];

#define say(...) sc_printf("    kvstore: " __VA_ARGS__)

/*
 * May the server touch [p, p + len) on the caller's behalf? Every page of the range must be
 * owned by a subcontext the server may read (sc_owner says -EPERM otherwise, -EFAULT for a
 * hole) that is not the server itself.
 */
static int callers_memory(const void *p, size_t len) {
    unsigned long a = (unsigned long) p, end = a + len;
    long self = sc_scid();                       /* the custom CSR: the current subcon's sid */
    if (len == 0 || end < a) return 0;
    for (unsigned long page = a & ~4095UL; page < end; page += 4096) {
        long owner = sc_owner((const void *) page);
        if (owner <= 0 || owner == self) return 0;
    }
    return 1;
}

/* Copies a NUL-terminated string out of the caller's memory, checking each page it enters. */
static long copy_in(char *dst, const char *src, size_t size) {
    for (size_t i = 0; i < size; i++) {
        if ((i == 0 || ((unsigned long) (src + i) & 4095) == 0) && !callers_memory(src + i, 1)) return -EFAULT;
        dst[i] = src[i];
        if (!dst[i]) return (long) i;
    }
    return -ENAMETOOLONG;
}

static struct kv_slot *lookup(const char *key) {
    for (long i = 0; i < kv_used; i++)
        if (strcmp(kv_table[i].key, key) == 0) return &kv_table[i];
    return 0;
}

static long put(const char *ukey, const char *uvalue) {
    char key[KV_KEY], value[KV_VALUE];
    long r = copy_in(key, ukey, sizeof key);
    if (r >= 0) r = copy_in(value, uvalue, sizeof value);
    if (r < 0) {
        say("put: refused, a pointer is not the caller's memory or too long\n");
        return r;
    }
    struct kv_slot *s = lookup(key);
    if (!s) {
        if (kv_used == KV_SLOTS) return -ENOSPC;
        s = &kv_table[kv_used++];
        strcpy(s->key, key);
    }
    strcpy(s->value, value);
    say("put \"%s\": read key and value straight from the client's memory\n", key);
    return 0;
}

static long get(const char *ukey, char *ubuf, long size) {
    char key[KV_KEY];
    long r = copy_in(key, ukey, sizeof key);
    if (r < 0) return r;
    struct kv_slot *s = lookup(key);
    if (!s) {
        say("get \"%s\": no such key\n", key);
        return -ENOENT;
    }
    long n = (long) strlen(s->value) + 1;
    if (size < n) return -EINVAL;
    if (!callers_memory(ubuf, (size_t) n)) {
        say("get \"%s\": refused, the buffer is not the caller's memory\n", key);
        return -EFAULT;
    }
    memcpy(ubuf, s->value, (size_t) n);            /* a plain store into the client's page */
    say("get \"%s\": wrote %ld bytes straight into the client's buffer\n", key, n);
    return n - 1;
}

long server_main(long op, long a1, long a2, long a3, long a4, long a5, long a6, long a7) {
    (void) a4, (void) a5, (void) a6, (void) a7;
    if (!my_name[0]) {
        /* First call: find out who we are. sc_info needs no rights; the scid CSR names us. */
        struct sc_info info;
        if (sc_info(sc_scid(), &info) == 0) strcpy(my_name, info.name);
        say("first call: running as subcon \"%s\" on my own stack\n", my_name);
    }
    switch (op) {
    case KV_PUT: return put((const char *) a1, (const char *) a2);
    case KV_GET: return get((const char *) a1, (char *) a2, a3);
    case KV_COUNT: return kv_used;
    default: return -EINVAL;
    }
}
