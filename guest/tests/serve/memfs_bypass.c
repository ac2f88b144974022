/*
 * memfs_bypass: the fd table changes behind memfs's back. The program loads a helper into
 * a subcontext of its own (no handler: its calls go straight to the kernel), which closes
 * a memfs fd and opens /dev/zero, which takes the same number. memfs must notice that the
 * number no longer holds its placeholder (fstat: st_dev, st_ino) and hand the program's
 * calls on: reads give /dev/zero's zeros, not the memfs file.
 */
#include "t.h"
#include "subcons.h"
#include <sys/stat.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    char path[1100], helper[1100];
    snprintf(path, sizeof path, "%s/data", argv[1]);
    snprintf(helper, sizeof helper, "%s.server", argv[0]);
    long me = sc_self(), h = sc_create("helper", 0);
    struct sc_load l;
    /* Attached first: sc_load then picks an address free in this context. */
    if (h < 0 || sc_attach(h, 0, 0) < 0 || sc_load(h, helper, &l) < 0 || sc_entry(h, me, (void *) l.entry, 1) < 0) {
        printf("cannot set up the helper\n");
        return 1;
    }
    sc_portal_fn call = (sc_portal_fn) l.entry;
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "MEMF", 4);
    char buf[5] = {0};
    printf("memfs file reads: %ld \"%s\"\n", (long) pread(fd, buf, 4, 0), buf);
    printf("helper closes fd %d behind memfs: %ld\n", fd, call(1, fd, 0, 0, 0, 0, 0, 0));
    long z = call(2, 0, 0, 0, 0, 0, 0, 0);
    printf("helper's /dev/zero takes the same number: %s\n", z == fd ? "yes" : "no");
    memset(buf, 'x', 4);
    long n = read(fd, buf, 4);
    printf("program reads fd %d: %ld bytes, zeros: %s\n", fd, n, n == 4 && !memcmp(buf, "\0\0\0\0", 4) ? "yes" : "no");
    struct stat st;
    printf("fstat says character device: %s\n", fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) ? "yes" : "no");
    printf("close: %s\n", close(fd) == 0 ? "ok" : errname(errno));
    int again = open(path, O_RDONLY);
    memset(buf, 0, sizeof buf);
    printf("file still in memfs, reopened at %d: %ld \"%s\"\n", again, (long) read(again, buf, 4), buf);
    return 0;
}
