/* A first look at a guest: who it thinks it is, where it runs, and a small computation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv) {
    struct utsname u;
    uname(&u);
    printf("hello from a RISC-V guest: %s %s, pid %d\n", u.sysname, u.machine, getpid());
    for (int i = 1; i < argc; i++) printf("  argv[%d] = %s\n", i, argv[i]);
    char cwd[256];
    if (getcwd(cwd, sizeof cwd)) printf("  cwd: %s\n", cwd);
    unsigned long long fib[90] = {0, 1};
    for (int i = 2; i < 90; i++) fib[i] = fib[i - 1] + fib[i - 2];
    printf("  fib(89) = %llu\n", fib[89]);
    return 0;
}
