/*
 * KNOWN BUG reproducer (see KNOWN_BUGS.txt): a served program that execs itself 12 times
 * in one thread. Each execve a server passes never returns to the server's entry, and
 * scrt's per-thread stack record (found through sctls, which the kernel keeps across
 * execve) keeps counting that entry's 32 KiB window: the 8th exec overflows the server's
 * 256 KiB stack and the program dies (status 139).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 0;
    printf("exec %d\n", n);
    fflush(stdout);
    if (n < 12) {
        char s[16];
        snprintf(s, sizeof s, "%d", n + 1);
        execl(argv[0], argv[0], s, (char *) 0);
        return 1;
    }
    return 0;
}
