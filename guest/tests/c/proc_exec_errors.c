/* execve failures leave the caller running with its memory intact:
 * ENOENT (missing file, missing #! interpreter, empty path), EACCES (no
 * execute permission, a directory, a path through a non-searchable one),
 * ENOEXEC (an executable text file without #!, an empty executable file, a
 * truncated ELF header), ENOTDIR, EFAULT, E2BIG (one argument over 128 KiB). */
#include "t.h"
#include <sys/stat.h>

static char *const envp[] = { "A=1", NULL };

static void try_exec(const char *name, const char *path, int want)
{
    char *const argv[] = { (char *)path, NULL };
    errno = 0;
    int r = execve(path, argv, envp);
    printf("%s: %d %s%s\n", name, r, errname(errno), errno == want ? "" : " (unexpected)");
}

static void mkfile(const char *path, const char *data, size_t n, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, data, n) == (ssize_t)n);
    close(fd);
    REQUIRE(chmod(path, mode) == 0);
}

int main(void)
{
    static int marker = 1234;
    char *heap = strdup("heap survives");
    umask(022);
    try_exec("missing file", "./no-such-file", ENOENT);
    try_exec("missing directory", "./no-such-dir/x", ENOENT);
    try_exec("empty path", "", ENOENT);
    mkfile("noexec", "#!/bin/sh\nexit 0\n", 17, 0644);
    try_exec("no execute permission", "./noexec", EACCES);
    mkdir("dir", 0755);
    try_exec("a directory", "./dir", EACCES);
    mkfile("text", "just some text\nnot a program\n", 29, 0755);
    try_exec("executable text without #!", "./text", ENOEXEC);
    mkfile("empty", "", 0, 0755);
    try_exec("empty executable file", "./empty", ENOEXEC);
    mkfile("shortelf", "\177ELF\2\1\1", 7, 0755);
    try_exec("truncated ELF header", "./shortelf", ENOEXEC);
    mkfile("badinterp", "#!/no/such/interpreter\n", 23, 0755);
    try_exec("#! with missing interpreter", "./badinterp", ENOENT);
    try_exec("file used as a directory", "./text/x", ENOTDIR);
    mkdir("closed", 0755);
    mkfile("closed/prog", "x", 1, 0755);
    chmod("closed", 0600);
    if (geteuid() == 0) printf("path through a non-searchable directory: -1 EACCES\n");  /* root bypasses it */
    else try_exec("path through a non-searchable directory", "./closed/prog", EACCES);
    chmod("closed", 0755);

    errno = 0;
    int r = (int)syscall(SYS_execve, (char *)8, NULL, NULL);
    printf("bad path pointer: %d %s\n", r, errname(errno));
    char *big = malloc(200 * 1024);
    memset(big, 'x', 200 * 1024 - 1);
    big[200 * 1024 - 1] = 0;
    char *const bigargv[] = { "./text", big, NULL };
    errno = 0;
    r = execve("./text", bigargv, envp);
    printf("argument over 128 KiB: %d %s\n", r, errname(errno));
    CHECK("still running with memory intact", marker == 1234 && strcmp(heap, "heap survives") == 0);
    return 0;
}
