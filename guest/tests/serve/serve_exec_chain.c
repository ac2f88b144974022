/*
 * Regression: a chain of ten execs under a pass-through server. A passed execve never
 * returns to the server (the kernel ends its upcalls); servers must not lose stack to it
 * (scrt runs upcalls on the kernel's fresh per-thread upcall stack). Once, the entry stub
 * lost 32 KiB per exec and the process died at the ninth.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    printf("exec %d\n", n);
    fflush(stdout);
    if (n == 0) return 0;
    char arg[16];
    snprintf(arg, sizeof arg, "%d", n - 1);
    execl(argv[0], argv[0], arg, (char *) 0);
    perror("execl");
    return 1;
}
