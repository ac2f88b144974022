/*
 * Helpers for the tracer's test clients (tracer_*.c): read a trace file back and look for
 * whole lines in it. Clients print relations ("yes"/"no"), never pids or addresses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <fcntl.h>
#include <unistd.h>

/*
 * The file as it is now, NUL-terminated (an empty string if it cannot be read): only the
 * bytes it has at the start, as the trace of the reads themselves goes on growing it.
 */
__attribute__((unused)) static char *slurp(const char *path) {
    int fd = open(path, O_RDONLY);
    off_t size = fd >= 0 ? lseek(fd, 0, SEEK_END) : 0;
    size_t n = 0;
    char *b = malloc((size_t) (size > 0 ? size : 0) + 1);
    if (fd >= 0) {
        lseek(fd, 0, SEEK_SET);
        while (n < (size_t) size) {
            ssize_t r = read(fd, b + n, (size_t) size - n);
            if (r <= 0) break;
            n += (size_t) r;
        }
        close(fd);
    }
    b[n] = 0;
    return b;
}

/* Whether text has a line that is exactly the formatted string (prefix: that starts with it). */
static int vhas(const char *text, int prefix, const char *fmt, va_list ap) {
    char want[1024];
    vsnprintf(want, sizeof want, fmt, ap);
    size_t w = strlen(want);
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t) (e - l) : strlen(l);
        if (prefix ? n >= w && !memcmp(l, want, w) : n == w && !memcmp(l, want, w)) return 1;
        if (!e) break;
        l = e + 1;
    }
    return 0;
}

__attribute__((unused)) static int has_line(const char *text, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vhas(text, 0, fmt, ap);
    va_end(ap);
    return r;
}

__attribute__((unused)) static int has_prefix(const char *text, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vhas(text, 1, fmt, ap);
    va_end(ap);
    return r;
}

/* Whether text has a line that starts with prefix and ends with suffix (formatted). */
__attribute__((unused)) static int has_ends(const char *text, const char *prefix, const char *fmt, ...) {
    char suffix[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(suffix, sizeof suffix, fmt, ap);
    va_end(ap);
    size_t p = strlen(prefix), s = strlen(suffix);
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t) (e - l) : strlen(l);
        if (n >= p + s && !memcmp(l, prefix, p) && !memcmp(l + n - s, suffix, s)) return 1;
        if (!e) break;
        l = e + 1;
    }
    return 0;
}

/* Number of lines of text that contain needle. */
__attribute__((unused)) static int count_lines(const char *text, const char *needle) {
    int c = 0;
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t) (e - l) : strlen(l);
        char line[4096];
        if (n >= sizeof line) n = sizeof line - 1;
        memcpy(line, l, n);
        line[n] = 0;
        if (strstr(line, needle)) c++;
        if (!e) break;
        l = e + 1;
    }
    return c;
}

__attribute__((unused)) static void check(const char *what, int ok) {
    printf("%s: %s\n", what, ok ? "yes" : "no");
}
