/* access/faccessat with modes on files and directories. */
#include "t.h"
#include <sys/stat.h>

int main(void)
{
    close(open("rw", O_CREAT | O_WRONLY, 0644));
    close(open("x", O_CREAT | O_WRONLY, 0755));
    CHECK("F_OK existing", access("rw", F_OK) == 0);
    CHECK("F_OK missing -> ENOENT", access("missing", F_OK) == -1 && errno == ENOENT);
    CHECK("R_OK|W_OK", access("rw", R_OK | W_OK) == 0);
    /* root bypasses X_OK only when some x bit is set, so these hold for anyone */
    CHECK("X_OK on 0644 -> EACCES", access("rw", X_OK) == -1 && errno == EACCES);
    CHECK("X_OK on 0755", access("x", X_OK) == 0);
    CHECK("faccessat AT_FDCWD", faccessat(AT_FDCWD, "x", X_OK, 0) == 0);
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK("faccessat dirfd", faccessat(dfd, "rw", R_OK, 0) == 0);
    CHECK("faccessat AT_EACCESS", faccessat(dfd, "rw", R_OK, AT_EACCESS) == 0);
    CHECK("faccessat bad mode -> EINVAL", faccessat(dfd, "rw", 0x40, 0) == -1 && errno == EINVAL);
    CHECK("access through file -> ENOTDIR", access("rw/z", F_OK) == -1 && errno == ENOTDIR);
    CHECK("access on dir", access(".", R_OK | W_OK | X_OK) == 0);
    CHECK("access /etc/passwd R_OK", access("/etc/passwd", R_OK) == 0);
    CHECK("access empty path -> ENOENT", access("", F_OK) == -1 && errno == ENOENT);
    CHECK("faccessat2 syscall F_OK", syscall(439, AT_FDCWD, "rw", F_OK, 0) == 0 || errno == ENOSYS);
    return 0;
}
