/*
 * The policy nested with other servers (policy_nest_tracer.serve: the tracer serves the
 * program and the policy serves the tracer, so it sees the program's calls as the tracer
 * passes them, and the tracer's own; policy_nest_passthru.serve: the policy serves the
 * program and passthru serves the policy). The same rules hold either way.
 */
#include "policy_t.h"
#include <sys/wait.h>

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    res("mkdir out", mkdir("out", 0755));
    int fd = res("create out/a.txt", open("out/a.txt", O_WRONLY | O_CREAT, 0644));
    if (fd >= 0) {
        write(fd, "nested\n", 7);
        close(fd);
    }
    show_file("read out/a.txt", "out/a.txt");
    res("open /etc/passwd", open("/etc/passwd", O_RDONLY));
    res("open out/../../../../../../../../etc/passwd", open("out/../../../../../../../../etc/passwd", O_RDONLY));
    res("create CWD/x", open("x", O_WRONLY | O_CREAT, 0644));
    res("symlink out/l -> /etc", symlink("/etc", "out/l"));
    res("rename out/a.txt -> CWD/a.txt", rename("out/a.txt", "a.txt"));
    pid_t pid = fork();
    if (pid == 0) {
        res("child: open /etc/passwd", open("/etc/passwd", O_RDONLY));
        res("child: create out/b.txt", open("out/b.txt", O_WRONLY | O_CREAT, 0644));
        _exit(0);
    }
    waitpid(pid, 0, 0);
    return 0;
}
