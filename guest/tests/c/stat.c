/* fstat/stat/lstat/newfstatat/statx: size, type, nlink, mode bits. */
#include "t.h"
#include <sys/stat.h>
#include <sys/sysmacros.h>

static void show(const char *what, struct stat *st)
{
    const char *type = S_ISREG(st->st_mode) ? "reg" : S_ISDIR(st->st_mode) ? "dir" :
                       S_ISLNK(st->st_mode) ? "lnk" : S_ISFIFO(st->st_mode) ? "fifo" :
                       S_ISCHR(st->st_mode) ? "chr" : "other";
    /* directory nlink and size are filesystem-dependent: not printed */
    printf("%s: type=%s perm=%04o nlink=%ld size=%lld\n", what, type,
           (unsigned)(st->st_mode & 07777), S_ISDIR(st->st_mode) ? -1L : (long)st->st_nlink,
           S_ISREG(st->st_mode) || S_ISLNK(st->st_mode) ? (long long)st->st_size : -1LL);
}

int main(void)
{
    umask(022); /* the inherited umask is host-dependent: do not print it */
    CHECK("umask returns previous", umask(022) == 022);
    int fd = open("f", O_RDWR | O_CREAT, 0777);
    write(fd, "0123456789abcdef", 16);
    struct stat st, st2;
    CHECK("fstat", fstat(fd, &st) == 0);
    show("fstat f", &st);
    CHECK("stat", stat("f", &st2) == 0);
    CHECK("stat == fstat (ino, dev, size)", st.st_ino == st2.st_ino && st.st_dev == st2.st_dev && st.st_size == st2.st_size);
    CHECK("st_blksize > 0", st.st_blksize > 0);
    CHECK("chmod 0600", chmod("f", 0600) == 0 && stat("f", &st) == 0 && (st.st_mode & 07777) == 0600);
    CHECK("fchmod 0640", fchmod(fd, 0640) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640);
    CHECK("fchmodat 0444", fchmodat(AT_FDCWD, "f", 0444, 0) == 0 && stat("f", &st) == 0 && (st.st_mode & 07777) == 0444);
    mkdir("dir", 0777);
    stat("dir", &st);
    show("stat dir", &st);
    symlink("f", "lnk");
    CHECK("lstat on symlink", lstat("lnk", &st) == 0);
    show("lstat lnk", &st);
    stat("lnk", &st);
    show("stat lnk (follows)", &st);
    CHECK("newfstatat AT_SYMLINK_NOFOLLOW", fstatat(AT_FDCWD, "lnk", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode));
    int dfd = open("dir", O_RDONLY);
    int g = openat(dfd, "g", O_CREAT | O_WRONLY, 0666);
    close(g);
    CHECK("fstatat relative to dirfd", fstatat(dfd, "g", &st, 0) == 0);
    show("fstatat dir/g", &st);
    CHECK("fstatat AT_EMPTY_PATH", fstatat(fd, "", &st, AT_EMPTY_PATH) == 0 && st.st_size == 16);
    CHECK("stat missing -> ENOENT", stat("missing", &st) == -1 && errno == ENOENT);
    CHECK("stat through file -> ENOTDIR", stat("f/x", &st) == -1 && errno == ENOTDIR);
    CHECK("fstat bad fd -> EBADF", fstat(99, &st) == -1 && errno == EBADF);
    int p[2];
    pipe(p);
    fstat(p[0], &st);
    CHECK("pipe is S_ISFIFO", S_ISFIFO(st.st_mode));
    stat("/dev/null", &st);
    CHECK("/dev/null is char device", S_ISCHR(st.st_mode));

    struct statx sx;
    CHECK("statx", statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &sx) == 0);
    CHECK("statx mask has SIZE|MODE|NLINK|TYPE", (sx.stx_mask & (STATX_SIZE | STATX_MODE | STATX_NLINK | STATX_TYPE)) == (STATX_SIZE | STATX_MODE | STATX_NLINK | STATX_TYPE));
    printf("statx f: size=%llu perm=%04o nlink=%u reg=%d\n", (unsigned long long)sx.stx_size,
           sx.stx_mode & 07777, sx.stx_nlink, S_ISREG(sx.stx_mode));
    stat("f", &st);
    CHECK("statx ino == stat ino", sx.stx_ino == st.st_ino);
    CHECK("statx dev == stat dev", makedev(sx.stx_dev_major, sx.stx_dev_minor) == st.st_dev);
    CHECK("statx AT_SYMLINK_NOFOLLOW", statx(AT_FDCWD, "lnk", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) == 0 && S_ISLNK(sx.stx_mode) && sx.stx_size == 1);
    CHECK("statx missing -> ENOENT", statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx) == -1 && errno == ENOENT);
    /* umask applies to mkdir and open */
    umask(027);
    int h = open("h", O_CREAT | O_WRONLY, 0777);
    fstat(h, &st);
    printf("open 0777 under umask 027: %04o\n", (unsigned)(st.st_mode & 07777));
    mkdir("dir2", 0777);
    stat("dir2", &st);
    printf("mkdir 0777 under umask 027: %04o\n", (unsigned)(st.st_mode & 07777));
    return 0;
}
