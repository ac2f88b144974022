/* Helpers for the memfs cases (guest/tests/serve/memfs_*.c): paths under the directory
 * the case works in, and one-line results. */
#ifndef MEMFS_T_H
#define MEMFS_T_H
#include "t.h"

/* The directory the case works in (argv[1]). */
static char base[1024];

/* BASE/rel, in one of eight rotating buffers (a call may use several at once). */
static const char *P(const char *rel) {
    static char bufs[8][1200];
    static int i;
    char *b = bufs[i++ & 7];
    snprintf(b, sizeof bufs[0], "%s/%s", base, rel);
    return b;
}

/* "TITLE: N \"CONTENT\"" for the start of the file at path, or "TITLE: ERRNO". */
static inline void show(const char *title, const char *path) {
    char buf[256] = {0};
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: %s\n", title, errname(errno));
        return;
    }
    long n = read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("%s: %ld \"%s\"\n", title, n, buf);
}

/* "NAME: RESULT" (a number) or "NAME: ERRNO"; OK prints "ok" for any success. */
#define R(name, expr) do { errno = 0; long r_ = (long) (expr); \
    if (r_ < 0) printf("%s: %s\n", name, errname(errno)); else printf("%s: %ld\n", name, r_); } while (0)
#define OK(name, expr) do { errno = 0; long r_ = (long) (expr); \
    printf("%s: %s\n", name, r_ < 0 ? errname(errno) : "ok"); } while (0)

#endif
