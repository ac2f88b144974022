/*
 * Under `--serve tracer`: the trace lines of one call of each kind of argument (checked by
 * tracer_calls.stderr): paths and open flags with the fd result, a failing call with its
 * errno name, buffers written and read, lseek/fcntl/signal/mmap decoding, pipe fds, a
 * pointer the tracer may not read (unmapped, or the tracer's own page) shown in hex, an
 * unknown call, a Subcons call, and exit_group " = ?". The program's own output and exit
 * status must be as without the tracer.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "subcons.h"

static void on_usr1(int sig) { (void) sig; }

int main(void) {
    char buf[64];
    int fd = open("tracer_in.txt", O_WRONLY | O_CREAT | O_TRUNC, 0640);
    write(fd, "abc\tdef\n\1", 9);
    close(fd);
    fd = open("tracer_in.txt", O_RDONLY | O_CLOEXEC);
    ssize_t n = read(fd, buf, sizeof buf);
    lseek(fd, 0, SEEK_SET);
    pread(fd, buf, 3, 4);
    fcntl(fd, F_GETFD);
    close(fd);
    if (open("/nonexistent/tracer-test", O_RDONLY) != -1 || errno != ENOENT) return 10;

    static const char hello[] = "hello from the client\n";
    write(1, hello, sizeof hello - 1);
    char longer[48];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\n';
    write(1, longer, sizeof longer);

    kill(getpid(), 0);
    kill(999999, SIGTERM);
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);

    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p, 8192);
    int fds[2];
    pipe2(fds, O_CLOEXEC);
    close(fds[0]);
    close(fds[1]);

    /* Pointers the tracer may not read: unmapped, and a page of the tracer itself. */
    syscall(SYS_write, -1, (void *) 16, 4);
    syscall(SYS_openat, AT_FDCWD, (void *) 16, O_RDONLY);
    char *mine = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned long server = 0;
    for (unsigned long a = (unsigned long) mine; a < (unsigned long) mine + (1ul << 32); a += 4096) {
        if (sc_owner((void *) a) == -EPERM) { server = a; break; }
    }
    long r = syscall(SYS_write, -1, (void *) server, 4);
    printf("write of a server page: %s\n", r == -1 && errno == EBADF ? "EBADF" : "other");
    char *none = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(none, "not shown");
    mprotect(none, 4096, PROT_NONE);
    r = syscall(SYS_write, -1, none, 4);
    printf("write of a PROT_NONE page: %s\n", r == -1 && errno == EBADF ? "EBADF" : "other");

    r = syscall(0x3ff, 1, 2, 0, 0, 0, 0);
    printf("unknown call: %s\n", r == -1 && errno == ENOSYS ? "ENOSYS" : "other");
    printf("sc_self positive: %s\n", sc_self() > 0 ? "yes" : "no");
    printf("read %zd bytes\n", n);
    fflush(stdout);
    return 3;
}
