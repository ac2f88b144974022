/*
 * 'policy -q -c ro:$CWD rw:$CWD/out': denials are not logged, and the first process's
 * exit_group prints one summary line (calls, checked, denied), counting its child too.
 */
#include "policy_t.h"
#include <sys/wait.h>

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    res("mkdir out", mkdir("out", 0755));
    res("open /etc/passwd", open("/etc/passwd", O_RDONLY));
    res("create CWD/x", open("x", O_WRONLY | O_CREAT, 0644));
    pid_t pid = fork();
    if (pid == 0) {
        res("child: open /etc/passwd", open("/etc/passwd", O_RDONLY));
        exit(0);
    }
    waitpid(pid, 0, 0);
    return 0;
}
