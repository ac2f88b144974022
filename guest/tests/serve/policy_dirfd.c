/*
 * Relative paths under 'policy ro:$CWD rw:$CWD/out': a directory descriptor on an allowed
 * directory plus "../..", a chdir into rw space then relative paths, a chdir outside
 * (refused), fchdir, AT_EMPTY_PATH on descriptors, and descriptors that are not directories.
 */
#include "policy_t.h"

int main(void) {
    char cwd[4096], p[8192];
    struct stat st;
    if (!getcwd(cwd, sizeof cwd)) return 2;
    res("mkdir out", mkdir("out", 0755));
    res("mkdir out/sub", mkdir("out/sub", 0755));

    int dfd = res("open out/sub O_DIRECTORY", open("out/sub", O_RDONLY | O_DIRECTORY));
    int fd = res("openat(sub, f, O_CREAT)", openat(dfd, "f", O_WRONLY | O_CREAT, 0644));
    if (fd >= 0) {
        write(fd, "sub-file\n", 9);
        close(fd);
    }
    res("openat(sub, ../../../../../../../../../etc/passwd)", openat(dfd, "../../../../../../../../../etc/passwd", O_RDONLY));
    res("openat(sub, ../../ro-space.txt, O_CREAT)", openat(dfd, "../../ro-space.txt", O_WRONLY | O_CREAT, 0644));
    res("openat(sub, ../sibling, O_CREAT)", openat(dfd, "../sibling", O_WRONLY | O_CREAT, 0644));
    res("mkdirat(sub, ../../newdir)", mkdirat(dfd, "../../newdir", 0755));
    res("fstatat(sub, \"\", AT_EMPTY_PATH)", fstatat(dfd, "", &st, AT_EMPTY_PATH));
    res("fstatat(sub, ../.., 0) (CWD: read-only, readable)", fstatat(dfd, "../..", &st, 0));
    res("unlinkat(sub, ../../out, AT_REMOVEDIR) (rw, not empty)", unlinkat(dfd, "../../out", AT_REMOVEDIR));
    res("openat(bad fd, x)", openat(12345, "x", O_RDONLY));
    int ffd = open("out/sub/f", O_RDONLY);
    res("openat(a file's fd, x)", openat(ffd, "x", O_RDONLY));
    res("openat(a file's fd, /etc/passwd) (absolute: fd ignored)", openat(ffd, "/etc/passwd", O_RDONLY));
    snprintf(p, sizeof p, "%s/out/sub/f", cwd);
    res("openat(bad fd, CWD/out/sub/f) (absolute: fd ignored)", openat(12345, p, O_RDONLY));

    /* the working directory */
    res("chdir out/sub", chdir("out/sub"));
    show_file("read f", "f");
    res("create g", open("g", O_WRONLY | O_CREAT, 0644));
    res("open ../../../../../../../../../etc/passwd", open("../../../../../../../../../etc/passwd", O_RDONLY));
    res("create ../../h (read-only space)", open("../../h", O_WRONLY | O_CREAT, 0644));
    res("create ../h", open("../h", O_WRONLY | O_CREAT, 0644));
    res("chdir /etc", chdir("/etc"));
    res("chdir ../../../../../../../../../etc", chdir("../../../../../../../../../etc"));
    res("chdir .. (out)", chdir(".."));
    res("create again", open("again", O_WRONLY | O_CREAT, 0644));
    res("chdir .. (CWD: read-only, readable)", chdir(".."));
    res("create again2", open("again2", O_WRONLY | O_CREAT, 0644));
    res("chdir .. (above CWD)", chdir(".."));
    res("fchdir(sub)", fchdir(dfd));
    show_file("read f after fchdir", "f");
    res("stat . after fchdir", stat(".", &st));
    return 0;
}
