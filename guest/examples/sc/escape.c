/*
 * escape - a hostile program for the demo: it tries to get out from under the user-level
 * services that serve it. Each attempt prints what happened; the last one, touching a
 * server's memory, is stopped by the MMU and the kernel kills the process.
 *   escape SECRET_FILE
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "subcons.h"

static void report(const char *what, long r) {
    if (r >= 0) printf("  %-44s succeeded (%ld)\n", what, r);
    else printf("  %-44s refused: %s\n", what, strerror((int) -r));
    fflush(stdout);
}

int main(int argc, char **argv) {
    const char *secret = argc > 1 ? argv[1] : "/etc/passwd";
    char path[512];
    int fd = open(secret, O_RDONLY);
    report("read a file outside the sandbox", fd >= 0 ? fd : -errno);
    snprintf(path, sizeof path, "./../../../../../../..%s", secret);
    fd = open(path, O_RDONLY);
    report("the same through ../../..", fd >= 0 ? fd : -errno);

    long me = sc_self();
    struct sc_info info;
    sc_info(me, &info);
    long server = info.controller;
    report("remove its own system-call handler", sc_handler(me, 0, 0, 0));
    report("take back control of itself", sc_control(me, me));
    report("grant itself rights over its server", sc_grant(server, me, SC_R | SC_W));
    report("end the server's upcall (sc_return)", sc_syscall6(SC_NR_RETURN, 0, 0, 0, 0, 0, 0));

    /* Look for another subcon's pages above a mapping of its own (sc_owner says EPERM) and
     * take the last page of the first run of them: the top of a stack, or the data after
     * code, which the server itself may write (a write the page's own protection forbids,
     * to a guard page or code, would be an ordinary SIGSEGV). */
    char *mine = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned long a = (unsigned long) mine, found = 0;
    for (; a < (unsigned long) mine + (1ul << 32); a += 4096) {
        if (sc_owner((void *) a) == -EPERM) {
            found = a;
            break;
        }
    }
    while (found && sc_owner((void *) (found + 4096)) == -EPERM) found += 4096;
    printf("  %-44s %s\n", "find a page of a server", found ? "found one" : "none found");
    printf("  %-44s ...\n", "overwrite it");
    fflush(stdout);
    if (found) *(volatile long *) found = 0x41414141;
    printf("  the server's memory was overwritten!\n");
    return 0;
}
