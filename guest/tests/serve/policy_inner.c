/*
 * The policy serving another server (policy_inner.server, which serves the program): the
 * inner server's own calls are judged too, with the inner server as their principal, and
 * the program's calls, passed by it, with the program as theirs.
 */
#include "policy_t.h"

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    res("mkdir out", mkdir("out", 0755));
    res("inner server's own open of /etc/passwd", syscall(SYS_getppid));
    res("inner server's own create of out/by-server", syscall(SYS_getpgid, 0));
    res("program's open of /etc/passwd", open("/etc/passwd", O_RDONLY));
    int fd = res("program's create of out/by-program", open("out/by-program", O_WRONLY | O_CREAT, 0644));
    if (fd >= 0) close(fd);
    struct stat st;
    res("stat out/by-server", stat("out/by-server", &st));
    return 0;
}
