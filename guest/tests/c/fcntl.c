/* fcntl: F_GETFL/F_SETFL/F_GETFD/F_SETFD/F_DUPFD/F_DUPFD_CLOEXEC. */
#include "t.h"

int main(void)
{
    int fd = open("f.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    int fl = fcntl(fd, F_GETFL);
    CHECK("F_GETFL accmode O_RDWR", (fl & O_ACCMODE) == O_RDWR);
    CHECK("no O_APPEND initially", !(fl & O_APPEND));
    CHECK("F_SETFL O_APPEND|O_NONBLOCK", fcntl(fd, F_SETFL, fl | O_APPEND | O_NONBLOCK) == 0);
    fl = fcntl(fd, F_GETFL);
    CHECK("O_APPEND now set", (fl & O_APPEND) != 0);
    CHECK("O_NONBLOCK now set", (fl & O_NONBLOCK) != 0);
    CHECK("F_SETFL cannot change access mode", fcntl(fd, F_SETFL, O_RDONLY | O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
    CHECK("F_GETFD initially 0", fcntl(fd, F_GETFD) == 0);
    CHECK("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
    CHECK("F_SETFD 0", fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0);
    int d = fcntl(fd, F_DUPFD, 20);
    printf("F_DUPFD(20) -> %d\n", d);
    d = fcntl(fd, F_DUPFD, 20);
    printf("F_DUPFD(20) again -> %d\n", d);
    CHECK("F_DUPFD does not copy FD_CLOEXEC", fcntl(d, F_GETFD) == 0);
    int dc = fcntl(fd, F_DUPFD_CLOEXEC, 5);
    printf("F_DUPFD_CLOEXEC(5) -> %d\n", dc);
    CHECK("F_DUPFD_CLOEXEC sets FD_CLOEXEC", fcntl(dc, F_GETFD) == FD_CLOEXEC);
    CHECK("flags shared with duplicates", (fcntl(dc, F_GETFL) & O_APPEND) != 0);
    CHECK("F_GETFL on bad fd -> EBADF", fcntl(99, F_GETFL) == -1 && errno == EBADF);
    CHECK("bad cmd -> EINVAL", fcntl(fd, 12345) == -1 && errno == EINVAL);
    CHECK("F_DUPFD negative -> EINVAL", fcntl(fd, F_DUPFD, -1) == -1 && errno == EINVAL);
    int cl = open("f.txt", O_RDONLY | O_CLOEXEC);
    CHECK("O_CLOEXEC at open", fcntl(cl, F_GETFD) == FD_CLOEXEC);
    CHECK("O_RDONLY in F_GETFL", (fcntl(cl, F_GETFL) & O_ACCMODE) == O_RDONLY);
    int w = open("f.txt", O_WRONLY);
    CHECK("O_WRONLY in F_GETFL", (fcntl(w, F_GETFL) & O_ACCMODE) == O_WRONLY);
    CHECK("stdout F_GETFL writable", (fcntl(1, F_GETFL) & O_ACCMODE) != O_RDONLY);
    return 0;
}
