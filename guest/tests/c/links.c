/* symlink/readlink/readlinkat, /proc/self/exe, link and nlink. */
#include "t.h"
#include <sys/stat.h>

int main(int argc, char **argv)
{
    (void)argc;
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    CHECK("readlink /proc/self/exe", n > 0);
    buf[n > 0 ? n : 0] = 0;
    CHECK("/proc/self/exe == argv[0]", strcmp(buf, argv[0]) == 0);
    n = readlinkat(AT_FDCWD, "/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    CHECK("readlinkat /proc/self/exe == argv[0]", n > 0 && strcmp(buf, argv[0]) == 0);
    n = readlink("/proc/self/exe", buf, 3);
    CHECK("readlink truncates to bufsiz", n == 3 && memcmp(buf, argv[0], 3) == 0);

    int fd = open("target", O_CREAT | O_WRONLY, 0644);
    write(fd, "data", 4);
    close(fd);
    CHECK("symlink", symlink("target", "sl") == 0);
    CHECK("symlink existing -> EEXIST", symlink("target", "sl") == -1 && errno == EEXIST);
    n = readlink("sl", buf, sizeof buf);
    printf("readlink sl: %.*s (n=%zd)\n", (int)n, buf, n);
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    n = readlinkat(dfd, "sl", buf, sizeof buf);
    CHECK("readlinkat(dirfd)", n == 6 && memcmp(buf, "target", 6) == 0);
    CHECK("readlink on regular file -> EINVAL", readlink("target", buf, sizeof buf) == -1 && errno == EINVAL);
    CHECK("readlink missing -> ENOENT", readlink("none", buf, sizeof buf) == -1 && errno == ENOENT);
    fd = open("sl", O_RDONLY);
    CHECK("open through symlink", fd >= 0 && read(fd, buf, 4) == 4 && memcmp(buf, "data", 4) == 0);
    CHECK("O_NOFOLLOW on symlink -> ELOOP", open("sl", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP);
    symlink("dangling-target", "dang");
    CHECK("open dangling symlink -> ENOENT", open("dang", O_RDONLY) == -1 && errno == ENOENT);
    symlink("loop2", "loop1");
    symlink("loop1", "loop2");
    CHECK("symlink loop -> ELOOP", open("loop1", O_RDONLY) == -1 && errno == ELOOP);
    mkdir("dir", 0755);
    symlink("dir", "dirlink");
    close(open("dirlink/inside", O_CREAT | O_WRONLY, 0644));
    struct stat st;
    CHECK("path through dir symlink", stat("dir/inside", &st) == 0);
    symlink("../target", "dir/up");
    CHECK("relative symlink resolved from its dir", stat("dir/up", &st) == 0 && st.st_size == 4);

    CHECK("link", link("target", "hard") == 0);
    stat("target", &st);
    printf("nlink after link: %lu\n", (unsigned long)st.st_nlink);
    struct stat st2;
    stat("hard", &st2);
    CHECK("hard link same inode", st.st_ino == st2.st_ino);
    CHECK("link existing -> EEXIST", link("target", "hard") == -1 && errno == EEXIST);
    CHECK("link to dir -> EPERM", link("dir", "dirhard") == -1 && errno == EPERM);
    unlink("target");
    stat("hard", &st2);
    printf("nlink after unlink of original: %lu\n", (unsigned long)st2.st_nlink);
    CHECK("linkat", linkat(AT_FDCWD, "hard", dfd, "hard2", 0) == 0);
    CHECK("symlinkat + readlinkat", symlinkat("abc/def", dfd, "sl2") == 0 && readlinkat(dfd, "sl2", buf, sizeof buf) == 7);
    return 0;
}
