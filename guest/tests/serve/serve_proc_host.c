/*
 * Regression: nothing under /proc/self comes from the host's /proc/self (the JVM's):
 * readlink of /proc/self/fd/N for a descriptor the program does not have is ENOENT, and
 * /proc/self/environ is the program's environment.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(void) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/fd/3", buf, sizeof buf);
    printf("readlink /proc/self/fd/3 (no such fd) fails with ENOENT: %s\n", n < 0 && errno == ENOENT ? "yes" : "no");
    int fd = open("/proc/self/environ", O_RDONLY);
    n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    printf("/proc/self/environ starts with environ[0]: %s\n",
           n > 0 && environ[0] && !strncmp(buf, environ[0], strlen(environ[0])) ? "yes" : "no");
    return 0;
}
