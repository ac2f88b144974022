/* Under the runner stdin/stdout/stderr are pipes or files, never ttys. */
#include "t.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
    printf("isatty(0): %d\n", isatty(0));
    printf("isatty(1): %d\n", isatty(1));
    printf("isatty(2): %d\n", isatty(2));
    struct winsize ws;
    errno = 0;
    int r = ioctl(1, TIOCGWINSZ, &ws);
    printf("ioctl(1, TIOCGWINSZ): %d %s\n", r, errname(errno));
    errno = 0;
    r = ioctl(0, TIOCGWINSZ, &ws);
    printf("ioctl(0, TIOCGWINSZ): %d %s\n", r, errname(errno));
    struct termios t;
    errno = 0;
    r = tcgetattr(0, &t);
    printf("tcgetattr(0): %d %s\n", r, errname(errno));
    int fd = open("f", O_CREAT | O_RDWR, 0644);
    errno = 0;
    r = ioctl(fd, TIOCGWINSZ, &ws);
    printf("ioctl(file, TIOCGWINSZ): %d %s\n", r, errname(errno));
    CHECK("isatty(file) == 0 with ENOTTY", isatty(fd) == 0 && errno == ENOTTY);
    CHECK("isatty(bad fd) == 0 with EBADF", isatty(99) == 0 && errno == EBADF);
    int n = -1;
    CHECK("FIONREAD on file", ioctl(fd, FIONREAD, &n) == 0 && n == 0);
    write(fd, "abcde", 5);
    lseek(fd, 1, SEEK_SET);
    CHECK("FIONREAD counts remaining bytes", ioctl(fd, FIONREAD, &n) == 0 && n == 4);
    return 0;
}
