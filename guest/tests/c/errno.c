/* errno values for common failures, printed by name. */
#include "t.h"
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>

int main(void)
{
    close(open("file", O_CREAT | O_WRONLY, 0644));
    mkdir("dir", 0755);
    mkdir("full", 0755);
    close(open("full/x", O_CREAT | O_WRONLY, 0644));
    symlink("self", "self");
    char b[8];
    ERRCHECK("open missing (ENOENT)", open("missing", O_RDONLY));
    ERRCHECK("open ENOENT in path", open("missing/x", O_RDONLY));
    ERRCHECK("mkdir existing (EEXIST)", mkdir("dir", 0755));
    ERRCHECK("open file/x (ENOTDIR)", open("file/x", O_RDONLY));
    ERRCHECK("open dir O_RDWR (EISDIR)", open("dir", O_RDWR));
    ERRCHECK("read dir (EISDIR)", read(open("dir", O_RDONLY), b, 8));
    ERRCHECK("read fd 99 (EBADF)", read(99, b, 8));
    ERRCHECK("close -1 (EBADF)", close(-1));
    ERRCHECK("lseek whence 9 (EINVAL)", lseek(open("file", O_RDONLY), 0, 9));
    ERRCHECK("rmdir full (ENOTEMPTY)", rmdir("full"));
    ERRCHECK("open self-loop (ELOOP)", open("self", O_RDONLY));
    ERRCHECK("stat self-loop (ELOOP)", ({ struct stat st; stat("self", &st); }));
    ERRCHECK("lstat self-loop ok", ({ struct stat st; lstat("self", &st); }));
    char longname[300];
    memset(longname, 'n', 299);
    longname[299] = 0;
    ERRCHECK("open 299-char name (ENAMETOOLONG)", open(longname, O_RDONLY));
    ERRCHECK("write to pipe w/o reader (EPIPE, SIGPIPE ignored)", ({ signal(13, SIG_IGN); int p[2]; pipe(p); close(p[0]); write(p[1], "x", 1); }));
    ERRCHECK("read NULL buffer (EFAULT)", ({ int fd = open("file", O_RDWR); write(fd, "abc", 3); lseek(fd, 0, 0); syscall(SYS_read, fd, NULL, 3); }));
    ERRCHECK("open O_CREAT in missing dir (ENOENT)", open("nodir/f", O_CREAT | O_WRONLY, 0644));
    ERRCHECK("write to O_RDONLY (EBADF)", write(open("file", O_RDONLY), "x", 1));
    ERRCHECK("ioctl TCGETS on file (ENOTTY)", ({ char t[64]; syscall(SYS_ioctl, open("file", O_RDONLY), 0x5401, t); }));
    ERRCHECK("mkdir in file (ENOTDIR)", mkdir("file/sub", 0755));
    ERRCHECK("rmdir file (ENOTDIR)", rmdir("file"));
    ERRCHECK("chdir file (ENOTDIR)", chdir("file"));
    ERRCHECK("unlink dir (EISDIR)", unlink("dir"));
    ERRCHECK("fcntl bad cmd (EINVAL)", fcntl(0, 9999));
    errno = 0;
    printf("errno after success is untouched: %s\n", (getpid(), errname(errno)));
    return 0;
}
