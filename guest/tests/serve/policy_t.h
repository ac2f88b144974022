/* Helpers for the policy server's cases (guest/tests/serve/policy_*.c). */
#ifndef POLICY_T_H
#define POLICY_T_H
#include "t.h"
#include <sys/stat.h>

/* Prints "WHAT: ok" for a result >= 0, else "WHAT: ERRNO" (errno of a failed libc call). */
static inline long res(const char *what, long r) {
    if (r >= 0) printf("%s: ok\n", what);
    else printf("%s: %s\n", what, errname(errno));
    return r;
}

/* The same for a raw result (-errno). */
static inline long raw(const char *what, long r) {
    if (r >= 0) printf("%s: ok\n", what);
    else printf("%s: %s\n", what, errname((int) -r));
    return r;
}

/* The first line of a file, or the errno name. */
static inline void show_file(const char *what, const char *path) {
    char buf[256];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: %s\n", what, errname(errno));
        return;
    }
    long n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n < 0 ? 0 : n] = 0;
    char *nl = strchr(buf, '\n');
    if (nl) *nl = 0;
    printf("%s: \"%s\"\n", what, buf);
}
#endif
