/* getdents64 via opendir/readdir and raw; names sorted before printing. */
#include "t.h"
#include <dirent.h>
#include <stddef.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
    mkdir("dir", 0755);
    char name[64];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "dir/file_%02d_%s", i, i % 3 ? "x" : "a-much-longer-name-to-vary-record-lengths");
        close(open(name, O_CREAT | O_WRONLY, 0644));
    }
    mkdir("dir/sub", 0755);
    symlink("file_00", "dir/link");
    DIR *d = opendir("dir");
    CHECK("opendir", d != NULL);
    char *names[64];
    int n = 0, dot = 0, dotdot = 0, types_ok = 1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0) { dot++; continue; }
        if (strcmp(e->d_name, "..") == 0) { dotdot++; continue; }
        names[n++] = strdup(e->d_name);
        unsigned char want = strcmp(e->d_name, "sub") == 0 ? DT_DIR : strcmp(e->d_name, "link") == 0 ? DT_LNK : DT_REG;
        if (e->d_type != DT_UNKNOWN && e->d_type != want) types_ok = 0;
    }
    closedir(d);
    CHECK("one . and one ..", dot == 1 && dotdot == 1);
    CHECK("d_type matches (or DT_UNKNOWN)", types_ok);
    printf("entries: %d\n", n);
    qsort(names, n, sizeof names[0], cmp);
    for (int i = 0; i < n; i++) printf("  %s\n", names[i]);

    /* raw getdents64 with a small buffer forces several calls */
    int fd = open("dir", O_RDONLY | O_DIRECTORY);
    char buf[256];
    int total = 0, calls = 0, okalign = 1;
    long r;
    while ((r = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        calls++;
        for (long off = 0; off < r;) {
            unsigned short reclen;
            memcpy(&reclen, buf + off + offsetof(struct dirent64, d_reclen), sizeof reclen);
            if (reclen % 8 || reclen == 0) { okalign = 0; break; }
            total++;
            off += reclen;
        }
    }
    CHECK("raw getdents64 ends with 0", r == 0);
    printf("raw getdents64 entries: %d\n", total);
    CHECK("needed several calls with 256-byte buffer", calls > 1);
    CHECK("d_reclen multiple of 8", okalign);
    CHECK("getdents64 too-small buffer -> EINVAL", (lseek(fd, 0, SEEK_SET), syscall(SYS_getdents64, fd, buf, 8) == -1 && errno == EINVAL));
    int f = open("dir/file_01_x", O_RDONLY);
    CHECK("getdents64 on a file -> ENOTDIR", syscall(SYS_getdents64, f, buf, sizeof buf) == -1 && errno == ENOTDIR);
    CHECK("getdents64 on bad fd -> EBADF", syscall(SYS_getdents64, 99, buf, sizeof buf) == -1 && errno == EBADF);
    /* rewinddir sees the same count */
    d = opendir("dir");
    int c1 = 0, c2 = 0;
    while (readdir(d)) c1++;
    rewinddir(d);
    while (readdir(d)) c2++;
    CHECK("rewinddir re-reads all", c1 == c2 && c1 == n + 2);
    closedir(d);
    /* empty directory */
    mkdir("empty", 0755);
    d = opendir("empty");
    c1 = 0;
    while (readdir(d)) c1++;
    printf("empty dir entries: %d\n", c1);
    CHECK("opendir missing -> ENOENT", opendir("nope") == NULL && errno == ENOENT);
    return 0;
}
