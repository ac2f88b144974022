/*
 * The policy server's basic rules (served by 'policy ro:$CWD rw:$CWD/out'): reads and writes
 * inside work; reading outside, writing in read-only space, a prefix that is not on a
 * component boundary, "..", "//" and "." spellings are all judged on the normal path.
 */
#include "policy_t.h"
#include <dirent.h>
#include <linux/openat2.h>

int main(void) {
    char cwd[4096], p[8192];
    if (!getcwd(cwd, sizeof cwd)) return 2;

    res("mkdir out", mkdir("out", 0755));
    int fd = res("create out/a.txt", open("out/a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (fd >= 0) {
        res("write out/a.txt", write(fd, "hello\n", 6));
        close(fd);
    }
    show_file("read out/a.txt", "out/a.txt");
    snprintf(p, sizeof p, "%s//out///a.txt", cwd);
    show_file("read CWD//out///a.txt", p);
    show_file("read ./out/./a.txt", "./out/./a.txt");
    DIR *d = opendir(".");
    int seen = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) seen |= !strcmp(e->d_name, "out");
    if (d) closedir(d);
    CHECK("list CWD (read-only) shows out", seen);

    /* outside */
    res("open /etc/passwd", open("/etc/passwd", O_RDONLY));
    struct stat st;
    res("stat /etc/passwd", stat("/etc/passwd", &st));
    res("access /etc/passwd", access("/etc/passwd", F_OK));
    res("open //etc//passwd", open("//etc//passwd", O_RDONLY));
    res("open out/../../../../../../../../../../etc/passwd", open("out/../../../../../../../../../../etc/passwd", O_RDONLY));
    res("open /etc/../etc/./passwd", open("/etc/../etc/./passwd", O_RDONLY));
    res("opendir /", (long) (opendir("/") ? 0 : -1));

    /* read-only space */
    res("create CWD/b.txt", open("b.txt", O_WRONLY | O_CREAT, 0644));
    res("create out/../b.txt", open("out/../b.txt", O_WRONLY | O_CREAT, 0644));
    res("mkdir CWD/sub", mkdir("sub", 0755));
    snprintf(p, sizeof p, "%s/outx", cwd);
    res("create CWD/outx (not below CWD/out)", open(p, O_WRONLY | O_CREAT, 0644));
    res("mkdir CWD/out2", mkdir("out2", 0755));
    res("open CWD O_RDWR", open(".", O_RDWR));

    /* openat2 */
    struct open_how how = {.flags = O_RDONLY};
    res("openat2 /etc/passwd", syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &how, sizeof how));
    fd = res("openat2 out/a.txt", syscall(SYS_openat2, AT_FDCWD, "out/a.txt", &how, sizeof how));
    if (fd >= 0) close(fd);
    how.flags = O_WRONLY | O_CREAT;
    how.mode = 0644;
    res("openat2 create CWD/c.txt", syscall(SYS_openat2, AT_FDCWD, "c.txt", &how, sizeof how));

    /* removing inside works, outside not */
    res("unlink out/a.txt", unlink("out/a.txt"));
    res("rmdir out", rmdir("out"));
    res("mkdir out again", mkdir("out", 0755));
    res("rmdir CWD", rmdir(cwd));
    return 0;
}
