/*
 * memfs_edge: what is particular to memfs (argv[1] = its prefix, argv[2] = the real
 * directory that holds it, the run's cwd). The prefix is a directory that cannot be
 * removed; paths are decided lexically ("PREFIX/../x" is the host's x); a cwd and dirfds
 * inside memfs; crossing the boundary is EXDEV; no mmap, no exec, no symlinks; close_range;
 * statfs; bad and hostile pointers (one into memfs's own memory) give EFAULT; many files;
 * a big file.
 */
#include "memfs_t.h"
#include <dirent.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "subcons.h"

static char host[1024];

static void put(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static const char *get(const char *path) {
    static char buf[256];
    int fd = open(path, O_RDONLY);
    if (fd < 0) return errname(errno);
    long n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n < 0 ? 0 : n] = 0;
    return buf;
}

static int host_has(const char *name) {
    DIR *d = opendir(host);
    struct dirent *e;
    int seen = 0;
    while ((e = readdir(d))) seen |= strcmp(e->d_name, name) == 0;
    closedir(d);
    return seen;
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    snprintf(base, sizeof base, "%s", argv[1]);
    snprintf(host, sizeof host, "%s", argv[2]);
    setvbuf(stdout, 0, _IONBF, 0);
    struct stat st;

    printf("-- the prefix\n");
    printf("prefix is a directory: %s\n", stat(base, &st) == 0 && S_ISDIR(st.st_mode) ? "yes" : "no");
    char slashed[1100];
    snprintf(slashed, sizeof slashed, "%s//.//", base);
    printf("prefix//.// is it too: %s\n", stat(slashed, &st) == 0 && S_ISDIR(st.st_mode) ? "yes" : "no");
    OK("mkdir prefix", mkdir(base, 0755));
    OK("rmdir prefix", rmdir(base));
    OK("unlink prefix", unlink(base));
    put(P("f"), "memfs file");
    OK("rename onto prefix", rename(P("f"), base));
    OK("rename prefix", rename(base, P("x")));
    printf("host has the prefix: %s\n", host_has(strrchr(base, '/') + 1) ? "yes" : "no");

    printf("-- lexical paths\n");
    put(P("../outside.txt"), "on the host");
    printf("PREFIX/../outside.txt is on the host: %s\n", host_has("outside.txt") ? "yes" : "no");
    printf("read back by its host name: %s\n", get("outside.txt"));
    printf("PREFIX/sub/../f: %s\n", get(P("nosuchdir/../f")));
    OK("rename memfs -> host", rename(P("f"), "outside2.txt"));
    OK("rename host -> memfs", rename("outside.txt", P("g")));
    OK("link memfs -> host", link(P("f"), "outside3.txt"));
    OK("rename host -> host through memfs", rename(P("../outside.txt"), "outside4.txt"));
    printf("host has outside4.txt: %s\n", host_has("outside4.txt") ? "yes" : "no");

    printf("-- cwd and dirfds in memfs\n");
    mkdir(P("d"), 0755);
    mkdir(P("d/e"), 0755);
    OK("chdir PREFIX/d", chdir(P("d")));
    char cwd[1100], want[1100];
    snprintf(want, sizeof want, "%s/d", base);
    printf("getcwd is PREFIX/d: %s\n", getcwd(cwd, sizeof cwd) && strcmp(cwd, want) == 0 ? "yes" : "no");
    R("getcwd small buffer", getcwd(cwd, 4) ? 0 : -1);
    put("here.txt", "relative in memfs");
    printf("PREFIX/d/here.txt: %s\n", get(P("d/here.txt")));
    printf("../f from PREFIX/d: %s\n", get("../f"));
    printf("../../outside4.txt from PREFIX/d: %s\n", get("../../outside4.txt"));
    OK("chdir e", chdir("e"));
    printf("../here.txt from e: %s\n", get("../here.txt"));
    int dfd = open(P("d"), O_RDONLY | O_DIRECTORY);
    OK("fchdir memfs dir", fchdir(dfd));
    printf("getcwd after fchdir is PREFIX/d: %s\n", getcwd(cwd, sizeof cwd) && strcmp(cwd, want) == 0 ? "yes" : "no");
    OK("chdir ../.. (back to the host)", chdir("../.."));
    printf("getcwd is the host dir: %s\n", getcwd(cwd, sizeof cwd) && strcmp(cwd, host) == 0 ? "yes" : "no");
    int fd = openat(dfd, "../../outside4.txt", O_RDONLY);
    printf("openat(memfs dirfd, ../../outside4.txt): %s\n", fd >= 0 ? "ok" : errname(errno));
    close(fd);
    OK("fstatat(memfs dirfd, e)", fstatat(dfd, "e", &st, 0));
    int hfd = open(host, O_RDONLY | O_DIRECTORY);
    char rel[1100];
    snprintf(rel, sizeof rel, "%s/d/here.txt", strrchr(base, '/') + 1);
    fd = openat(hfd, rel, O_RDONLY);
    printf("openat(host dirfd, PREFIXNAME/d/here.txt) is memfs's: %s\n", fd >= 0 ? "yes" : errname(errno));
    close(fd);
    close(hfd);
    close(dfd);
    OK("chdir into a file", chdir(P("f")));
    OK("chdir missing", chdir(P("nope")));

    printf("-- not supported\n");
    fd = open(P("f"), O_RDWR);
    void *m = mmap(0, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("mmap memfs file: %s\n", m == MAP_FAILED ? errname(errno) : "mapped");
    char *args[] = {"f", 0};
    chmod(P("f"), 0755);
    R("execve memfs file", execve(P("f"), args, 0));
    R("mknod fifo in memfs", mknod(P("fifo"), S_IFIFO | 0644, 0));
    OK("mknod regular in memfs", mknod(P("plain"), S_IFREG | 0644, 0));
    R("readlink memfs file", readlink(P("f"), cwd, sizeof cwd));
    struct statfs sf;
    OK("statfs", statfs(base, &sf));
    printf("statfs type tmpfs: %s\n", sf.f_type == 0x01021994 ? "yes" : "no");
    OK("fstatfs", fstatfs(fd, &sf));
    close(fd);

    printf("-- symbolic links\n");
    OK("symlink in memfs", symlink("f", P("link")));
    printf("read through it: %s\n", get(P("link")));
    R("readlink", readlink(P("link"), cwd, sizeof cwd));
    printf("lstat is a link: %s, stat is a file: %s\n", lstat(P("link"), &st) == 0 && S_ISLNK(st.st_mode) ? "yes" : "no",
           stat(P("link"), &st) == 0 && S_ISREG(st.st_mode) ? "yes" : "no");
    char outside[1100];
    snprintf(outside, sizeof outside, "%s/outside4.txt", host);
    OK("symlink to a host file", symlink(outside, P("out-link")));
    printf("read through it: %s\n", get(P("out-link")));
    OK("symlink to a host dir", symlink(host, P("host-dir")));
    printf("read through it: %s\n", get(P("host-dir/outside4.txt")));
    OK("symlink loop", symlink("loop", P("loop")));
    R("open the loop", open(P("loop"), O_RDONLY));
    R("open link O_NOFOLLOW", open(P("link"), O_RDONLY | O_NOFOLLOW));
    OK("unlink removes the link only", unlink(P("link")));
    printf("target still there: %s\n", get(P("f")));

    printf("-- close_range and O_CLOEXEC\n");
    int a = open(P("f"), O_RDONLY), b = open(P("f"), O_RDONLY | O_CLOEXEC), c = open(P("f"), O_RDONLY);
    printf("fds %d %d %d, FD_CLOEXEC on the second: %s\n", a, b, c, fcntl(b, F_GETFD) == FD_CLOEXEC ? "yes" : "no");
    R("close_range", syscall(SYS_close_range, a, b, 0));
    printf("closed: %s, third works: %s\n", fcntl(a, F_GETFD) < 0 && fcntl(b, F_GETFD) < 0 ? "yes" : "no",
           pread(c, cwd, 5, 0) == 5 ? "yes" : "no");
    R("next open takes the lowest", open(P("f"), O_RDONLY));

    printf("-- bad pointers\n");
    fd = open(P("f"), O_RDWR);
    R("read into unmapped", read(fd, (void *) 0x1000, 4));
    char *ro = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(ro + 4096, 4096, PROT_READ);
    R("read across into read-only page", read(fd, ro + 4090, 10));
    R("pread into the writable part only", pread(fd, ro + 4086, 10, 0));
    char *none = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    R("write from a PROT_NONE page", write(fd, none, 4));
    R("read into a PROT_NONE page", pread(fd, none, 4, 0));
    R("open a path in a PROT_NONE page", open(none, O_RDONLY));
    R("getdents into read-only", syscall(SYS_getdents64, open(base, O_RDONLY | O_DIRECTORY), ro + 4096, 4096));
    /* A page of memfs's own: the program may not read it, and memfs must not read or write
     * it for the program either (it holds memfs's tables). */
    unsigned long server_page = 0;
    for (unsigned long p = (unsigned long) ro; p < (unsigned long) ro + (1ul << 32); p += 4096) {
        if (sc_owner((void *) p) == -EPERM) {
            server_page = p;
            break;
        }
    }
    printf("found a page of memfs: %s\n", server_page ? "yes" : "no");
    R("write from memfs's page", write(fd, (void *) server_page, 16));
    R("read into memfs's page", pread(fd, (void *) server_page, 4, 0));
    R("stat into memfs's page", fstat(fd, (struct stat *) server_page));
    R("open memfs's page as a path", open((char *) server_page, O_RDONLY));
    close(fd);

    printf("-- many files, a big file\n");
    mkdir(P("many"), 0755);
    char name[64];
    int made = 0;
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "many/file-%03d", i);
        fd = open(P(name), O_WRONLY | O_CREAT, 0644);
        made += fd >= 0;
        close(fd);
    }
    DIR *d = opendir(P("many"));
    int n = 0;
    while (readdir(d)) n++;
    rewinddir(d);
    int again = 0;
    while (readdir(d)) again++;
    closedir(d);
    printf("made %d, listed %d, after rewind %d\n", made, n, again);
    int gone = 0;
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "many/file-%03d", i);
        gone += unlink(P(name)) == 0;
    }
    printf("removed %d, rmdir: %s\n", gone, rmdir(P("many")) == 0 ? "ok" : errname(errno));
    fd = open(P("big"), O_RDWR | O_CREAT, 0644);
    size_t sz = 3 << 20;
    char *blk = malloc(sz);
    for (size_t i = 0; i < sz; i++) blk[i] = (char) (i * 7 + (i >> 12));
    R("write 3 MiB", write(fd, blk, sz));
    memset(blk, 0, sz);
    R("pread 3 MiB", pread(fd, blk, sz, 0));
    size_t bad = 0;
    for (size_t i = 0; i < sz; i++) bad += blk[i] != (char) (i * 7 + (i >> 12));
    printf("bytes wrong: %zu\n", bad);
    R("ftruncate to 10", ftruncate(fd, 10));
    fstat(fd, &st);
    printf("size %lld\n", (long long) st.st_size);
    close(fd);
    free(blk);
    /* Memory comes back: statfs's free count follows memfs's memory. */
    struct statfs before, during, after;
    statfs(base, &before);
    fd = open(P("big2"), O_RDWR | O_CREAT, 0644);
    ftruncate(fd, 8 << 20);
    statfs(base, &during);
    printf("8 MiB file takes 2048 blocks or more: %s\n", before.f_bfree - during.f_bfree >= 2048 ? "yes" : "no");
    unlink(P("big2"));
    printf("still there while open: %s\n", pread(fd, cwd, 1, (8 << 20) - 1) == 1 ? "yes" : "no");
    close(fd);
    statfs(base, &after);
    printf("memory back after unlink and close: %s\n", after.f_bfree + 64 >= before.f_bfree ? "yes" : "no");
    return 0;
}
