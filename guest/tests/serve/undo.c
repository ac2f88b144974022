/*
 * A served program tries to undo its service (SPEC 6, 12): remove or replace its
 * handler, take control back, grant itself rights over the server, add itself entries,
 * use the gates, and finally read the server's memory, which must kill it.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
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
    /* Find a page of the server in /proc/self/maps and read it: a subcontext fault. */
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    unsigned long addr = 0;
    char tag[64];
    snprintf(tag, sizeof tag, "#%ld]", server);
    while (f && fgets(line, sizeof line, f)) {
        if (strstr(line, tag)) { addr = strtoul(line, 0, 16); break; }
    }
    printf("server page found: %s\n", addr ? "yes" : "no");
    fflush(stdout);
    volatile char c = *(volatile char *) addr;
    printf("read server memory: %d (not stopped!)\n", c);
    return 0;
}
