/*
 * Known bug (KNOWN_BUGS.txt): /proc/self entries the kernel does not make itself come from
 * the host's /proc/self, which is the JVM's: readlink of /proc/self/fd/N for a descriptor the
 * program does not have gives the path of the JVM's descriptor N (a host path), and
 * /proc/self/environ is the JVM's environment, not the program's.
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
