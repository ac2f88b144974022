/* mkdir/rmdir/unlink/rename/renameat2 (NOREPLACE, EXCHANGE). */
#include "t.h"
#include <sys/stat.h>
#include <linux/fs.h>

static void put(const char *p, const char *s) { int fd = open(p, O_CREAT | O_TRUNC | O_WRONLY, 0644); write(fd, s, strlen(s)); close(fd); }
static const char *get(const char *p) { static char b[64]; memset(b, 0, sizeof b); int fd = open(p, O_RDONLY); if (fd < 0) return "(missing)"; read(fd, b, 63); close(fd); return b; }
static int exists(const char *p) { struct stat st; return lstat(p, &st) == 0; }

int main(void)
{
    CHECK("mkdir", mkdir("a", 0755) == 0);
    CHECK("mkdir existing -> EEXIST", mkdir("a", 0755) == -1 && errno == EEXIST);
    CHECK("mkdir nested missing parent -> ENOENT", mkdir("x/y", 0755) == -1 && errno == ENOENT);
    CHECK("mkdirat", mkdirat(AT_FDCWD, "a/b", 0755) == 0);
    put("a/b/f", "one");
    CHECK("rmdir non-empty -> ENOTEMPTY", rmdir("a/b") == -1 && errno == ENOTEMPTY);
    CHECK("rmdir on file -> ENOTDIR", rmdir("a/b/f") == -1 && errno == ENOTDIR);
    CHECK("unlink on dir -> EISDIR", unlink("a/b") == -1 && errno == EISDIR);
    CHECK("rmdir . -> EINVAL", rmdir("a/b/.") == -1 && errno == EINVAL);
    CHECK("unlink", unlink("a/b/f") == 0 && !exists("a/b/f"));
    CHECK("unlink again -> ENOENT", unlink("a/b/f") == -1 && errno == ENOENT);
    CHECK("rmdir empty", rmdir("a/b") == 0 && !exists("a/b"));
    put("f1", "first");
    put("f2", "second");
    CHECK("rename over existing file", rename("f1", "f2") == 0 && !exists("f1"));
    printf("f2: %s\n", get("f2"));
    CHECK("rename into dir", rename("f2", "a/f2") == 0);
    CHECK("rename missing -> ENOENT", rename("nope", "z") == -1 && errno == ENOENT);
    mkdir("d1", 0755);
    mkdir("d2", 0755);
    put("d2/x", "x");
    CHECK("rename dir over non-empty dir -> ENOTEMPTY or EEXIST", rename("d1", "d2") == -1 && (errno == ENOTEMPTY || errno == EEXIST));
    CHECK("rename file over dir -> EISDIR", rename("a/f2", "d1") == -1 && errno == EISDIR);
    CHECK("rename dir over file -> ENOTDIR", rename("d1", "a/f2") == -1 && errno == ENOTDIR);
    CHECK("rename dir into own subdir -> EINVAL", rename("d2", "d2/sub") == -1 && errno == EINVAL);
    CHECK("rename dir over empty dir", rename("d2", "d1") == 0 && exists("d1/x") && !exists("d2"));
    CHECK("unlinkat AT_REMOVEDIR", mkdir("e", 0755) == 0 && unlinkat(AT_FDCWD, "e", AT_REMOVEDIR) == 0 && !exists("e"));

    put("p", "P");
    put("q", "Q");
    long r = syscall(SYS_renameat2, AT_FDCWD, "p", AT_FDCWD, "q", RENAME_NOREPLACE);
    CHECK("RENAME_NOREPLACE onto existing -> EEXIST", r == -1 && errno == EEXIST);
    r = syscall(SYS_renameat2, AT_FDCWD, "p", AT_FDCWD, "r", RENAME_NOREPLACE);
    CHECK("RENAME_NOREPLACE onto new", r == 0 && !exists("p") && strcmp(get("r"), "P") == 0);
    r = syscall(SYS_renameat2, AT_FDCWD, "r", AT_FDCWD, "q", RENAME_EXCHANGE);
    CHECK("RENAME_EXCHANGE", r == 0);
    printf("after exchange: r=%s", get("r"));
    printf(" q=%s\n", get("q"));
    r = syscall(SYS_renameat2, AT_FDCWD, "r", AT_FDCWD, "missing", RENAME_EXCHANGE);
    CHECK("RENAME_EXCHANGE with missing target -> ENOENT", r == -1 && errno == ENOENT);
    r = syscall(SYS_renameat2, AT_FDCWD, "r", AT_FDCWD, "q", RENAME_EXCHANGE | RENAME_NOREPLACE);
    CHECK("EXCHANGE|NOREPLACE -> EINVAL", r == -1 && errno == EINVAL);
    r = syscall(SYS_renameat2, AT_FDCWD, "q", AT_FDCWD, "d1", RENAME_EXCHANGE);
    CHECK("EXCHANGE file with dir", r == 0 && exists("q/x") && strcmp(get("d1"), "P") == 0);
    return 0;
}
