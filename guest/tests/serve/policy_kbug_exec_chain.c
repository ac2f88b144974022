/*
 * Known bug (KNOWN_BUGS.txt): a chain of ten execs under a pass-through server. A passed
 * execve never returns to the server (the kernel unwinds its upcalls), so the scrt entry
 * stub never gives back the 32 KiB it took of the thread's server stack: after 8 execs the
 * server's stack is gone and the process dies of SIGSEGV (or writes over the server's data).
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
