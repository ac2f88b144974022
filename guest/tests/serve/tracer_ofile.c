/*
 * Under `--serve 'tracer -o $CWD/trace.txt'`: the trace goes to the file, not stderr; the
 * tracer's descriptor is out of the program's way (its first open gets fd 3, fd 900 looks
 * closed) and survives close_range over it; the client reads the trace back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "tracer_test.h"

int main(void) {
    int pid = getpid();
    int fd = open("data.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    check("first fd is 3", fd == 3);
    check("fd 900 looks closed", fcntl(900, F_GETFD) == -1 && errno == EBADF);
    check("close(900) is EBADF", close(900) == -1 && errno == EBADF);
    check("dup3 onto 900 is EBADF", dup3(fd, 900, 0) == -1 && errno == EBADF);
    write(fd, "marker\n", 7);
    check("close_range(3, ~0U, 0)", syscall(SYS_close_range, 3, ~0U, 0) == 0);
    check("fd 3 closed by it", fcntl(3, F_GETFD) == -1 && errno == EBADF);
    int ppid = getppid();
    char *t = slurp("trace.txt");
    check("openat line", has_line(t, "[pid %d] openat(AT_FDCWD, \"data.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 3", pid));
    check("write line", has_line(t, "[pid %d] write(3, \"marker\\n\", 7) = 7", pid));
    check("hidden fcntl line", has_line(t, "[pid %d] fcntl(900, F_GETFD) = -1 EBADF (Bad file descriptor)", pid));
    check("close_range line", has_line(t, "[pid %d] close_range(3, -1, 0) = 0", pid));
    check("trace goes on after close_range", has_line(t, "[pid %d] getppid() = %d", pid, ppid));
    check("every line is a trace line", count_lines(t, "[pid ") == count_lines(t, ""));
    return 0;
}
