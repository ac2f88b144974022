/*
 * memfs_ops: real work on files through stdio and POSIX calls in directory BASE (argv[1]),
 * printing every result. Run twice with the same expected output (but for the two lines
 * about where BASE lives): memfs_ops serves BASE=$CWD/mem with memfs, memfs_ops_real
 * runs on the real directory $CWD/real (passthru only). Any difference between memfs and
 * the kernel's own file system shows as a failed comparison.
 *
 * Environment-dependent lines (the only ones that differ between the two cases):
 *   "base existed before: yes" - memfs: the prefix is its root directory, always there
 *   "host sees base: no"       - memfs: a listing of BASE's parent, done by the host,
 *                                does not show it: nothing reached the disk
 */
#include "memfs_t.h"
#include <dirent.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>

/* Bad arguments, hidden from the compiler's checks. */
static volatile int minus1 = -1;
static void *volatile null_ptr = 0, *volatile low_ptr = (void *) 16;
static int failures;

static void list(const char *title, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        printf("%s: opendir %s\n", title, errname(errno));
        return;
    }
    char names[64][300];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        snprintf(names[n++], sizeof names[0], "%s%s", e->d_name,
                 e->d_type == DT_DIR ? "/" : e->d_type == DT_REG ? "" : "?");
    }
    closedir(d);
    qsort(names, n, sizeof names[0], (int (*)(const void *, const void *)) strcmp);
    printf("%s:", title);
    for (int i = 0; i < n; i++) printf(" %s", names[i]);
    printf("\n");
}

static void show_file(const char *title, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s: %s\n", title, errname(errno));
        return;
    }
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        printf("%s[%d]: %s\n", title, n++, line);
    }
    fclose(f);
}

static void show_stat(const char *title, const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) {
        printf("%s: %s\n", title, errname(errno));
        return;
    }
    printf("%s: %s size %lld mode %o nlink %ld\n", title, S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" : "other",
           S_ISDIR(st.st_mode) ? 0 : (long long) st.st_size, st.st_mode & 07777, (long) st.st_nlink);
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    snprintf(base, sizeof base, "%s", argv[1]);
    umask(022);
    setvbuf(stdout, 0, _IOLBF, 0);

    struct stat st;
    printf("base existed before: %s\n", stat(base, &st) == 0 && S_ISDIR(st.st_mode) ? "yes" : "no");
    if (mkdir(base, 0755) < 0 && errno != EEXIST) printf("mkdir base: %s\n", errname(errno));

    /* stdio */
    printf("-- stdio\n");
    FILE *f = fopen(P("notes.txt"), "w");
    printf("fopen w: %s\n", f ? "ok" : errname(errno));
    fprintf(f, "first line\n");
    fprintf(f, "second %d\n", 2);
    fputs("third\n", f);
    printf("fclose: %d\n", fclose(f));
    show_file("notes", P("notes.txt"));
    f = fopen(P("notes.txt"), "a");
    fprintf(f, "appended\n");
    fclose(f);
    show_file("notes+a", P("notes.txt"));
    f = fopen(P("notes.txt"), "r+");
    fseek(f, 6, SEEK_SET);
    fputs("LINE", f);
    fseek(f, 0, SEEK_END);
    printf("ftell end: %ld\n", ftell(f));
    rewind(f);
    char line[64];
    printf("fgets after r+: %s", fgets(line, sizeof line, f));
    fclose(f);
    printf("fopen missing r: %s\n", fopen(P("missing.txt"), "r") ? "ok" : errname(errno));
    show_stat("stat notes", P("notes.txt"));

    /* open/read/write/lseek/pread/pwrite */
    printf("-- fds\n");
    int fd = open(P("data.bin"), O_RDWR | O_CREAT | O_TRUNC, 0640);
    printf("open data: %s\n", fd >= 0 ? "ok" : errname(errno));
    R("write", write(fd, "0123456789", 10));
    R("lseek set 2", lseek(fd, 2, SEEK_SET));
    char buf[256] = {0};
    R("read 3", read(fd, buf, 3));
    printf("got: %s\n", buf);
    R("lseek cur", lseek(fd, 0, SEEK_CUR));
    R("lseek end -1", lseek(fd, -1, SEEK_END));
    R("lseek negative", lseek(fd, -100, SEEK_SET));
    R("lseek bad whence", lseek(fd, 0, 42));
    memset(buf, 0, sizeof buf);
    R("pread 4 at 6", pread(fd, buf, 4, 6));
    printf("got: %s\n", buf);
    R("pread at 100", pread(fd, buf, 4, 100));
    R("pread negative", pread(fd, buf, 4, -1));
    R("pwrite AB at 0", pwrite(fd, "AB", 2, 0));
    R("offset kept", lseek(fd, 0, SEEK_CUR));
    R("lseek 20", lseek(fd, 20, SEEK_SET));
    R("write past end", write(fd, "X", 1));
    fstat(fd, &st);
    printf("fstat size: %lld regular: %s mode %o\n", (long long) st.st_size, S_ISREG(st.st_mode) ? "yes" : "no", st.st_mode & 0777);
    memset(buf, 'z', sizeof buf);
    R("pread all", pread(fd, buf, sizeof buf, 0));
    printf("bytes:");
    for (int i = 0; i < 21; i++) printf(" %02x", (unsigned char) buf[i]);
    printf("\n");
    R("ftruncate 5", ftruncate(fd, 5));
    R("read at 21 after truncate", read(fd, buf, 10));
    R("lseek end", lseek(fd, 0, SEEK_END));
    R("ftruncate grow 8", ftruncate(fd, 8));
    memset(buf, 'z', 10);
    R("pread grown", pread(fd, buf, 10, 0));
    printf("bytes:");
    for (int i = 0; i < 8; i++) printf(" %02x", (unsigned char) buf[i]);
    printf("\n");
    R("ftruncate negative", ftruncate(fd, -1));
    R("lseek data", lseek(fd, 1, SEEK_DATA));
    R("lseek hole", lseek(fd, 1, SEEK_HOLE));
    R("lseek data past end", lseek(fd, 9, SEEK_DATA));
    int flags = fcntl(fd, F_GETFL);
    printf("F_GETFL accmode rdwr: %s append: %s\n", (flags & O_ACCMODE) == O_RDWR ? "yes" : "no", flags & O_APPEND ? "yes" : "no");
    R("close", close(fd));
    R("close again", close(fd));
    R("read closed", read(fd, buf, 1));

    /* readv / writev */
    printf("-- vectors\n");
    fd = open(P("vec.txt"), O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct iovec wv[3] = {{"alpha ", 6}, {"", 0}, {"beta\n", 5}};
    R("writev", writev(fd, wv, 3));
    R("pwritev", pwritev(fd, wv, 1, 11));
    char a[4], b[32];
    memset(b, 0, sizeof b);
    struct iovec rv[2] = {{a, 4}, {b, sizeof b - 1}};
    lseek(fd, 0, SEEK_SET);
    R("readv", readv(fd, rv, 2));
    printf("got: %.4s|%s|\n", a, b);
    R("preadv at 6", preadv(fd, rv, 2, 6));
    R("readv bad count", readv(fd, rv, minus1));
    close(fd);

    /* O_APPEND, O_EXCL, O_TRUNC */
    printf("-- flags\n");
    fd = open(P("log"), O_WRONLY | O_CREAT | O_APPEND, 0644);
    R("append write", write(fd, "a", 1));
    lseek(fd, 0, SEEK_SET);
    R("append after seek", write(fd, "b", 1));
    R("pos after append", lseek(fd, 0, SEEK_CUR));
    flags = fcntl(fd, F_GETFL);
    printf("F_GETFL append: %s wronly: %s\n", flags & O_APPEND ? "yes" : "no", (flags & O_ACCMODE) == O_WRONLY ? "yes" : "no");
    R("F_SETFL clear append", fcntl(fd, F_SETFL, flags & ~O_APPEND));
    lseek(fd, 0, SEEK_SET);
    R("write at 0", write(fd, "c", 1));
    R("read on wronly", read(fd, buf, 1));
    close(fd);
    show_file("log", P("log"));
    R("O_EXCL existing", open(P("log"), O_WRONLY | O_CREAT | O_EXCL, 0644));
    fd = open(P("fresh"), O_WRONLY | O_CREAT | O_EXCL, 0600);
    printf("O_EXCL new: %s\n", fd >= 0 ? "ok" : errname(errno));
    close(fd);
    show_stat("stat fresh", P("fresh"));
    fd = open(P("log"), O_RDONLY);
    R("write on rdonly", write(fd, "x", 1));
    close(fd);
    fd = open(P("log"), O_WRONLY | O_TRUNC);
    close(fd);
    show_stat("stat log truncated", P("log"));

    /* dup, dup2, fcntl */
    printf("-- dup\n");
    fd = open(P("dup.txt"), O_RDWR | O_CREAT | O_TRUNC, 0644);
    int fd2 = dup(fd);
    printf("dup is next: %s\n", fd2 == fd + 1 ? "yes" : "no");
    write(fd, "hello", 5);
    R("offset via dup", lseek(fd2, 0, SEEK_CUR));
    R("dup2 to 20", dup2(fd, 20));
    R("dup2 same", dup2(fd, fd));
    R("write via 20", write(20, " world", 6));
    R("offset via first", lseek(fd, 0, SEEK_CUR));
    R("F_DUPFD 30", fcntl(fd, F_DUPFD, 30));
    R("F_DUPFD_CLOEXEC 40", fcntl(fd, F_DUPFD_CLOEXEC, 40));
    R("F_GETFD 40", fcntl(40, F_GETFD));
    R("F_GETFD 30", fcntl(30, F_GETFD));
    R("F_SETFD 30", fcntl(30, F_SETFD, FD_CLOEXEC));
    R("F_GETFD 30 after", fcntl(30, F_GETFD));
    close(fd);
    R("read via dup after close", pread(fd2, buf, 11, 0));
    printf("got: %.11s\n", buf);
    int nul = open("/dev/null", O_WRONLY);
    R("dup2 real over memfs", dup2(nul, 20));
    R("write to 20 (now /dev/null)", write(20, "gone", 4));
    R("dup2 memfs over real", dup2(fd2, nul));
    R("pread via old real number", pread(nul, buf, 5, 0));
    close(nul);
    close(20);
    close(30);
    close(40);
    close(fd2);
    R("dup bad fd", dup(99));

    /* directories */
    printf("-- dirs\n");
    OK("mkdir sub", mkdir(P("sub"), 0755));
    OK("mkdir sub/deeper", mkdir(P("sub/deeper"), 0700));
    OK("mkdir sub again", mkdir(P("sub"), 0755));
    OK("mkdir missing parent", mkdir(P("nope/x"), 0755));
    OK("mkdir under file", mkdir(P("log/x"), 0755));
    OK("mkdir trailing slash", mkdir(P("sub2/"), 0755));
    show_stat("stat sub", P("sub"));
    show_stat("stat sub/deeper", P("sub/deeper"));
    show_stat("stat sub/./deeper/..", P("sub/./deeper/.."));
    list("list base", base);
    list("list sub", P("sub"));
    list("list missing", P("nope"));
    list("list file", P("log"));

    /* errors on open */
    printf("-- open errors\n");
    R("open dir wronly", open(P("sub"), O_WRONLY));
    R("open file O_DIRECTORY", open(P("log"), O_RDONLY | O_DIRECTORY));
    R("open file/", open(P("log/"), O_RDONLY));
    R("open missing", open(P("missing"), O_RDONLY));
    R("open missing/x", open(P("missing/x"), O_RDONLY));
    R("open creat in missing dir", open(P("missing/x"), O_WRONLY | O_CREAT, 0644));
    fd = open(P("sub"), O_RDONLY);
    R("read dir", read(fd, buf, 10));
    close(fd);
    R("open dir O_CREAT", open(P("sub"), O_RDONLY | O_CREAT, 0644));

    /* access */
    printf("-- access\n");
    OK("access F_OK", access(P("log"), F_OK));
    OK("access R_OK|W_OK", access(P("log"), R_OK | W_OK));
    OK("access X_OK file", access(P("log"), X_OK));
    OK("access X_OK dir", access(P("sub"), X_OK));
    OK("access missing", access(P("missing"), F_OK));
    OK("chmod 0755", chmod(P("log"), 0755));
    OK("access X_OK after chmod", access(P("log"), X_OK));
    show_stat("stat log", P("log"));

    /* rename */
    printf("-- rename\n");
    OK("rename file", rename(P("fresh"), P("renamed")));
    OK("rename into sub", rename(P("renamed"), P("sub/moved")));
    OK("rename missing", rename(P("fresh"), P("x")));
    f = fopen(P("sub/other"), "w");
    fputs("other\n", f);
    fclose(f);
    OK("rename over file", rename(P("sub/other"), P("sub/moved")));
    show_file("moved", P("sub/moved"));
    OK("rename dir into itself", rename(P("sub"), P("sub/deeper/sub")));
    OK("rename file over dir", rename(P("sub/moved"), P("sub/deeper")));
    OK("rename dir over file", rename(P("sub/deeper"), P("sub/moved")));
    OK("mkdir full", mkdir(P("full"), 0755));
    OK("mkdir full/x", mkdir(P("full/x"), 0755));
    OK("rename dir over non-empty dir", rename(P("sub"), P("full")));
    OK("mkdir empty", mkdir(P("empty"), 0755));
    OK("rename dir over empty dir", rename(P("full"), P("empty")));
    show_stat("stat empty (was full)", P("empty"));
    OK("rename dir", rename(P("empty"), P("sub/moved_dir")));
    show_stat("stat sub after", P("sub"));
    list("list sub after renames", P("sub"));
    OK("renameat2 noreplace", renameat2(AT_FDCWD, P("log"), AT_FDCWD, P("vec.txt"), RENAME_NOREPLACE));
    OK("renameat2 exchange", renameat2(AT_FDCWD, P("log"), AT_FDCWD, P("vec.txt"), RENAME_EXCHANGE));
    show_file("vec.txt now", P("vec.txt"));
    show_stat("stat log now", P("log"));

    /* links and unlink */
    printf("-- links\n");
    OK("link", link(P("vec.txt"), P("hard")));
    show_stat("stat hard", P("hard"));
    OK("link existing", link(P("vec.txt"), P("log")));
    OK("link dir", link(P("sub"), P("subl")));
    OK("unlink vec.txt", unlink(P("vec.txt")));
    show_stat("stat hard after", P("hard"));
    OK("unlink missing", unlink(P("vec.txt")));
    OK("unlink dir", unlink(P("sub")));
    OK("unlink file/", unlink(P("hard/")));
    OK("rmdir non-empty", rmdir(P("sub")));
    OK("rmdir file", rmdir(P("hard")));
    OK("rmdir missing", rmdir(P("nope")));
    OK("rmdir dot", rmdir(P("sub/deeper/.")));
    OK("rmdir deeper", rmdir(P("sub/deeper")));
    fd = open(P("ghost"), O_RDWR | O_CREAT, 0644);
    OK("unlink open file", unlink(P("ghost")));
    R("write to unlinked", write(fd, "boo", 3));
    R("pread unlinked", pread(fd, buf, 3, 0));
    fstat(fd, &st);
    printf("unlinked nlink: %ld size: %lld\n", (long) st.st_nlink, (long long) st.st_size);
    close(fd);
    R("open ghost", open(P("ghost"), O_RDONLY));

    /* *at calls relative to a directory fd, and chdir */
    printf("-- at\n");
    int dfd = open(base, O_RDONLY | O_DIRECTORY);
    fd = openat(dfd, "sub/at.txt", O_WRONLY | O_CREAT, 0644);
    R("write at.txt", write(fd, "at!", 3));
    close(fd);
    OK("fstatat", fstatat(dfd, "sub/at.txt", &st, 0));
    printf("fstatat size: %lld\n", (long long) st.st_size);
    OK("mkdirat", mkdirat(dfd, "sub/atdir", 0755));
    OK("renameat", renameat(dfd, "sub/at.txt", dfd, "sub/atdir/at.txt"));
    OK("faccessat", faccessat(dfd, "sub/atdir/at.txt", R_OK, 0));
    OK("unlinkat", unlinkat(dfd, "sub/atdir/at.txt", 0));
    OK("unlinkat removedir", unlinkat(dfd, "sub/atdir", AT_REMOVEDIR));
    /* nothing can be made in a directory that has been removed */
    OK("mkdirat gone", mkdirat(dfd, "sub/gone", 0755));
    int gfd = openat(dfd, "sub/gone", O_RDONLY | O_DIRECTORY);
    OK("rmdir gone", unlinkat(dfd, "sub/gone", AT_REMOVEDIR));
    R("openat O_CREAT in gone", openat(gfd, "f", O_WRONLY | O_CREAT, 0644));
    OK("mkdirat in gone", mkdirat(gfd, "d", 0755));
    OK("mknodat in gone", mknodat(gfd, "n", S_IFREG | 0644, 0));
    OK("symlinkat in gone", symlinkat("x", gfd, "s"));
    OK("linkat into gone", linkat(dfd, "log", gfd, "l", 0));
    close(gfd);
    OK("fstatat empty path", fstatat(dfd, "", &st, AT_EMPTY_PATH));
    printf("dir fd is dir: %s\n", S_ISDIR(st.st_mode) ? "yes" : "no");
    int ffd = open(P("log"), O_RDONLY);
    R("openat on file fd", openat(ffd, "x", O_RDONLY));
    close(ffd);
    char cwd[2048];
    getcwd(cwd, sizeof cwd);
    OK("chdir base", chdir(base));
    char here[2048];
    printf("getcwd is base: %s\n", getcwd(here, sizeof here) && strcmp(here, base) == 0 ? "yes" : "no");
    f = fopen("rel.txt", "w");
    fputs("relative\n", f);
    fclose(f);
    show_file("rel via relative", "./sub/../rel.txt");
    show_stat("stat relative", "rel.txt");
    OK("chdir sub", chdir("sub"));
    show_stat("stat ../rel.txt", "../rel.txt");
    OK("chdir back", chdir(cwd));
    show_file("rel via absolute", P("rel.txt"));
    close(dfd);

    /* bigger files, and truncate by path */
    printf("-- big\n");
    f = fopen(P("big"), "w");
    for (int i = 0; i < 4000; i++) fprintf(f, "%05d\n", i);
    fclose(f);
    show_stat("stat big", P("big"));
    f = fopen(P("big"), "r");
    unsigned long sum = 0;
    int lines = 0;
    while (fgets(line, sizeof line, f)) sum += strtoul(line, 0, 10), lines++;
    fclose(f);
    printf("big lines %d sum %lu\n", lines, sum);
    OK("truncate", truncate(P("big"), 12));
    show_file("big truncated", P("big"));
    OK("truncate dir", truncate(P("sub"), 0));

    /* bad buffers: EFAULT, never a crash */
    printf("-- faults\n");
    fd = open(P("big"), O_RDWR);
    R("read into NULL", read(fd, null_ptr, 4));
    R("write from bad pointer", write(fd, low_ptr, 4));
    char *ro = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    R("read into read-only page", read(fd, ro, 4));
    R("write from read-only page", write(fd, ro, 4));
    R("fstat into read-only page", fstat(fd, (struct stat *) ro));
    R("open with bad path", open(low_ptr, O_RDONLY));
    close(fd);

    /* statx */
    struct statx sx;
    OK("statx", statx(AT_FDCWD, P("big"), 0, STATX_BASIC_STATS, &sx));
    printf("statx size %lld type file %s\n", (long long) sx.stx_size, S_ISREG(sx.stx_mode) ? "yes" : "no");

    /* clean up, and check the host */
    printf("-- end\n");
    list("list base at end", base);
    char parent[1024], *slash;
    snprintf(parent, sizeof parent, "%s", base);
    slash = strrchr(parent, '/');
    *slash = 0;
    DIR *d = opendir(slash == parent ? "/" : parent);
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d))) seen |= strcmp(e->d_name, slash + 1) == 0;
    closedir(d);
    printf("host sees base: %s\n", seen ? "yes" : "no");
    return failures;
}
