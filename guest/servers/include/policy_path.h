/*
 * policy_path.h - the lexical part of the policy server (guest/servers/policy.c): making a
 * path absolute and normal, matching it against prefixes on component boundaries, and
 * quoting it for a log line. Pure functions on strings, no system calls.
 */
#ifndef POLICY_PATH_H
#define POLICY_PATH_H

#include <stddef.h>

#define PP_PATH_MAX 4096

/* What the end of a path says beyond its components (kept when the path is rewritten). */
#define PP_TAIL_SLASH 1      /* it ends with '/': the object must be a directory */
#define PP_TAIL_DOT   2      /* its last component is "." or "..": it names a directory itself */

/*
 * Appends the components of `path` to the absolute normal path in out[0..*len) (at least
 * "/"), resolving "." and ".." lexically ("/.." is "/") and dropping empty components.
 * Returns 0, or -1 if the result would not fit in `size` bytes with its NUL.
 */
static int pp_append(char *out, size_t *len, size_t size, const char *path) {
    size_t n = *len;
    const char *p = path;
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        const char *c = p;
        while (*p && *p != '/') p++;
        size_t cl = (size_t) (p - c);
        if (cl == 1 && c[0] == '.') continue;
        if (cl == 2 && c[0] == '.' && c[1] == '.') {
            while (n > 1 && out[n - 1] != '/') n--;
            if (n > 1) n--;                  /* the slash before the removed component */
            out[n] = 0;
            continue;
        }
        size_t need = n + (n > 1 ? 1 : 0) + cl;
        if (need + 1 > size) return -1;
        if (n > 1) out[n++] = '/';
        for (size_t i = 0; i < cl; i++) out[n++] = c[i];
        out[n] = 0;
    }
    *len = n;
    return 0;
}

/*
 * The absolute normal form of `path`: relative paths are taken from `base` (an absolute
 * path: the working directory or a directory descriptor's path; ignored for absolute
 * paths). *tail receives PP_TAIL_* bits. Returns the length, or -1 if it does not fit.
 */
static long pp_normalize(const char *base, const char *path, char *out, size_t size, int *tail) {
    size_t n = 1;
    if (size < 2) return -1;
    out[0] = '/';
    out[1] = 0;
    if (path[0] != '/' && base && pp_append(out, &n, size, base) < 0) return -1;
    if (pp_append(out, &n, size, path) < 0) return -1;
    int t = 0;
    size_t pl = 0;
    while (path[pl]) pl++;
    if (pl > 0 && path[pl - 1] == '/') t |= PP_TAIL_SLASH;
    size_t e = pl;
    while (e > 0 && path[e - 1] == '/') e--;
    size_t s = e;
    while (s > 0 && path[s - 1] != '/') s--;
    if ((e - s == 1 && path[s] == '.') || (e - s == 2 && path[s] == '.' && path[s + 1] == '.')) t |= PP_TAIL_DOT;
    *tail = t;
    return (long) n;
}

/* Whether the absolute normal `path` is `prefix` (normal, length plen) or lies below it. */
static int pp_under(const char *prefix, size_t plen, const char *path) {
    if (plen == 1 && prefix[0] == '/') return path[0] == '/';
    for (size_t i = 0; i < plen; i++) if (path[i] != prefix[i]) return 0;
    return path[plen] == 0 || path[plen] == '/';
}

/* Whether `path` has a ".." component. */
static int pp_has_dotdot(const char *path) {
    const char *p = path;
    while (*p) {
        while (*p == '/') p++;
        const char *c = p;
        while (*p && *p != '/') p++;
        if (p - c == 2 && c[0] == '.' && c[1] == '.') return 1;
    }
    return 0;
}

/* Drops the " (deleted)" the kernel appends to the path of an unlinked file; 1 if it did. */
static int pp_strip_deleted(char *path) {
    static const char suffix[] = " (deleted)";
    size_t n = 0, k = sizeof suffix - 1;
    while (path[n]) n++;
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++) if (path[n - k + i] != suffix[i]) return 0;
    path[n - k] = 0;
    return 1;
}

/* The offset of the last component of an absolute normal path ("/a/b" -> 3; "/" -> 1). */
static size_t pp_last(const char *path) {
    size_t n = 0, s = 0;
    for (; path[n]; n++) if (path[n] == '/') s = n + 1;
    return s;
}

/*
 * `s` quoted for one log line: printable ASCII as is, '"' and '\\' escaped, anything else
 * as \xHH; cut with "..." to fit. Returns the length written (out is NUL-terminated).
 */
static size_t pp_escape(char *out, size_t size, const char *s) {
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    if (size < 8) {
        if (size) out[0] = 0;
        return 0;
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char) *s;
        char tmp[4];
        size_t k = 0;
        if (c == '"' || c == '\\') {
            tmp[k++] = '\\';
            tmp[k++] = (char) c;
        } else if (c >= 0x20 && c < 0x7f) {
            tmp[k++] = (char) c;
        } else {
            tmp[k++] = '\\';
            tmp[k++] = 'x';
            tmp[k++] = hex[c >> 4];
            tmp[k++] = hex[c & 15];
        }
        if (n + k + 4 > size) {
            out[n++] = '.';
            out[n++] = '.';
            out[n++] = '.';
            break;
        }
        for (size_t i = 0; i < k; i++) out[n++] = tmp[i];
    }
    out[n] = 0;
    return n;
}

#endif
