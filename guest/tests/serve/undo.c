/*
 * A served program tries to undo its service (SPEC 6, 12): remove or replace its
 * handler, take control back, grant itself rights over the server, add itself entries,
 * use the gates, and finally read the server's memory, which must kill it.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <sys/mman.h>
#include "subcons.h"

static const char *err(long r) {
    static char buf[32];
    if (r >= 0) { snprintf(buf, sizeof buf, "%ld", r); return buf; }
    return -r == EPERM ? "EPERM" : -r == EINVAL ? "EINVAL" : -r == ESRCH ? "ESRCH" : "other";
}

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_info info;
    if (sc_info(me, &info) < 0) return 2;
    long server = info.controller;
    printf("served: controller is another subcon: %s\n", server != me ? "yes" : "no");
    printf("remove handler: %s\n", err(sc_handler(me, 0, 0, 0)));
    printf("replace handler: %s\n", err(sc_handler(me, me, (void *) main, 0)));
    printf("take control: %s\n", err(sc_control(me, me)));
    printf("take control of server: %s\n", err(sc_control(server, me)));
    printf("grant self rights over server: %s\n", err(sc_grant(server, me, SC_RWX)));
    printf("add entry into server: %s\n", err(sc_entry(server, me, (void *) 0x1000, 1)));
    printf("remove server's handler: %s\n", err(sc_handler(server, 0, 0, 0)));
    printf("sc_return: %s\n", err(sc_syscall6(SC_NR_RETURN, 0, 0, 0, 0, 0, 0)));
    printf("sc_pass: %s\n", err(sc_pass()));
    unsigned long regs[SC_FRAME_WORDS];
    printf("sc_frame: %s\n", err(sc_frame(SC_FRAME_READ, regs)));
    printf("detach server: %s\n", err(sc_detach(server, 0)));
    printf("unmap server: %s\n", err(sc_munmap(server, (void *) 0x10000, 4096)));
    /* Look for a page of another subcon above a fresh mapping of our own: sc_owner says
     * EPERM for a page someone else owns (a legacy program sees only holes in its map). */
    char *mine = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned long addr = 0;
    for (unsigned long a = (unsigned long) mine; a < (unsigned long) mine + (1ul << 32); a += 4096) {
        if (sc_owner((void *) a) == -EPERM) { addr = a; break; }
    }
    printf("server page found: %s\n", addr ? "yes" : "no");
    fflush(stdout);
    volatile char c = *(volatile char *) addr;
    printf("read server memory: %d (not stopped!)\n", c);
    return 0;
}
