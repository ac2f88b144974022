/*
 * memfs_sys.h - the Linux riscv64 ABI as memfs needs it: system-call numbers, flags,
 * errno values and the layouts of the structures it fills (struct stat, struct statx,
 * struct linux_dirent64, struct statfs), plus thin raw-call wrappers. Freestanding: no
 * glibc headers in a server.
 */
#ifndef MEMFS_SYS_H
#define MEMFS_SYS_H

#include "scrt.h"

/* System-call numbers (asm-generic/unistd.h). */
enum {
    NR_getcwd = 17, NR_dup = 23, NR_dup3 = 24, NR_fcntl = 25, NR_ioctl = 29, NR_flock = 32,
    NR_mknodat = 33, NR_mkdirat = 34, NR_unlinkat = 35, NR_symlinkat = 36, NR_linkat = 37,
    NR_renameat = 38, NR_statfs = 43, NR_fstatfs = 44, NR_truncate = 45, NR_ftruncate = 46,
    NR_fallocate = 47, NR_faccessat = 48, NR_chdir = 49, NR_fchdir = 50, NR_fchmod = 52,
    NR_fchmodat = 53, NR_fchownat = 54, NR_fchown = 55, NR_openat = 56, NR_close = 57,
    NR_pipe2 = 59, NR_getdents64 = 61, NR_lseek = 62, NR_read = 63, NR_write = 64,
    NR_readv = 65, NR_writev = 66, NR_pread64 = 67, NR_pwrite64 = 68, NR_preadv = 69,
    NR_pwritev = 70, NR_sendfile = 71, NR_readlinkat = 78, NR_newfstatat = 79, NR_fstat = 80,
    NR_fsync = 82, NR_fdatasync = 83, NR_utimensat = 88, NR_exit_group = 94, NR_futex = 98,
    NR_clock_gettime = 113, NR_sched_yield = 124, NR_tkill = 130, NR_umask = 166,
    NR_getpid = 172, NR_getppid = 173, NR_geteuid = 175, NR_getegid = 177, NR_gettid = 178,
    NR_munmap = 215, NR_mremap = 216, NR_clone = 220, NR_execve = 221, NR_mmap = 222,
    NR_fadvise64 = 223, NR_renameat2 = 276, NR_getrandom = 278, NR_execveat = 281,
    NR_preadv2 = 286, NR_pwritev2 = 287, NR_statx = 291, NR_clone3 = 435,
    NR_close_range = 436, NR_openat2 = 437, NR_faccessat2 = 439,
};

/* errno values. */
enum {
    EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, EBADF = 9, EAGAIN = 11, ENOMEM = 12,
    EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19, ENOTDIR = 20,
    EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25, EFBIG = 27, ENOSPC = 28,
    ESPIPE = 29, EMLINK = 31, ERANGE = 34, ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39,
    ELOOP = 40, EOPNOTSUPP = 95, ETIMEDOUT = 110,
};

/* open flags (octal, as in asm-generic/fcntl.h). */
#define O_ACCMODE   03
#define O_RDONLY    00
#define O_WRONLY    01
#define O_RDWR      02
#define O_CREAT     0100
#define O_EXCL      0200
#define O_NOCTTY    0400
#define O_TRUNC     01000
#define O_APPEND    02000
#define O_NONBLOCK  04000
#define O_DSYNC     010000
#define O_ASYNC     020000
#define O_DIRECT    040000
#define O_LARGEFILE 0100000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW  0400000
#define O_NOATIME   01000000
#define O_CLOEXEC   02000000
#define O_PATH      010000000
#define O_TMPFILE   020000000

#define AT_FDCWD            (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR        0x200
#define AT_EACCESS          0x200
#define AT_SYMLINK_FOLLOW   0x400
#define AT_NO_AUTOMOUNT     0x800
#define AT_EMPTY_PATH       0x1000
#define AT_STATX_SYNC_TYPE  0x6000

#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE  2
#define RENAME_WHITEOUT  4

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_SETOWN 8
#define F_GETOWN 9
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#define F_DUPFD_CLOEXEC 1030
#define F_UNLCK 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)

#define R_OK 4
#define W_OK 2
#define X_OK 1

#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

#define CLONE_VM      0x100
#define CLONE_FILES   0x400
#define CLONE_VFORK   0x4000
#define CLONE_THREAD  0x10000

#define CLOSE_RANGE_UNSHARE 2
#define CLOSE_RANGE_CLOEXEC 4

#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_ANONYMOUS 0x20
#define MREMAP_MAYMOVE 1
#define PROT_READ  1
#define PROT_WRITE 2

#define FUTEX_WAIT 0                /* shared (not _PRIVATE): the lock is used by several processes */
#define FUTEX_WAKE 1

#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

#define FIONREAD 0x541B
#define FIONBIO  0x5421
#define FIONCLEX 0x5450
#define FIOCLEX  0x5451

#define TMPFS_MAGIC 0x01021994

#define PATH_MAX 4096
#define NAME_MAX 255
#define MAX_RW   0x7ffff000l        /* Linux's cap on one read or write */
#define IOV_MAX  1024

struct timespec64 {
    long sec, nsec;
};

/* struct stat of asm-generic (riscv64): 128 bytes. */
struct kstat {
    unsigned long st_dev;
    unsigned long st_ino;
    unsigned int st_mode;
    unsigned int st_nlink;
    unsigned int st_uid;
    unsigned int st_gid;
    unsigned long st_rdev;
    unsigned long pad1;
    long st_size;
    int st_blksize;
    int pad2;
    long st_blocks;
    long st_atime, st_atime_nsec;
    long st_mtime, st_mtime_nsec;
    long st_ctime, st_ctime_nsec;
    unsigned int unused[2];
};
_Static_assert(sizeof(struct kstat) == 128, "struct stat is 128 bytes");

struct statx_ts {
    long tv_sec;
    unsigned int tv_nsec;
    int pad;
};

/* struct statx: 256 bytes. */
struct kstatx {
    unsigned int stx_mask;
    unsigned int stx_blksize;
    unsigned long stx_attributes;
    unsigned int stx_nlink;
    unsigned int stx_uid;
    unsigned int stx_gid;
    unsigned short stx_mode;
    unsigned short spare0;
    unsigned long stx_ino;
    unsigned long stx_size;
    unsigned long stx_blocks;
    unsigned long stx_attributes_mask;
    struct statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
    unsigned int stx_rdev_major, stx_rdev_minor;
    unsigned int stx_dev_major, stx_dev_minor;
    unsigned long spare2[14];
};
_Static_assert(sizeof(struct kstatx) == 256, "struct statx is 256 bytes");
#define STATX_BASIC_STATS 0x7ff
#define STATX_BTIME       0x800

/* struct statfs (64-bit asm-generic): 120 bytes. */
struct kstatfs {
    long f_type, f_bsize;
    unsigned long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
    int f_fsid[2];
    long f_namelen, f_frsize, f_flags, f_spare[4];
};
_Static_assert(sizeof(struct kstatfs) == 120, "struct statfs is 120 bytes");

struct kiovec {
    unsigned long base;
    unsigned long len;
};

/* Raw calls: every one returns -errno on failure. */
#define SYS0(n) sys_call((n), 0, 0, 0, 0, 0, 0)
#define SYS1(n, a) sys_call((n), (long) (a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b) sys_call((n), (long) (a), (long) (b), 0, 0, 0, 0)
#define SYS3(n, a, b, c) sys_call((n), (long) (a), (long) (b), (long) (c), 0, 0, 0)
#define SYS4(n, a, b, c, d) sys_call((n), (long) (a), (long) (b), (long) (c), (long) (d), 0, 0)
#define SYS5(n, a, b, c, d, e) sys_call((n), (long) (a), (long) (b), (long) (c), (long) (d), (long) (e), 0)

static inline int is_err(long r) {
    return r < 0 && r > -4096;
}

#endif
