/*
 * KNOWN BUG (KNOWN_BUGS.txt): sc_owner(addr) gives the owner "if the caller may read it"
 * (SPEC 9), and what a caller may read is the page's protection AND its rights (SPEC 3):
 * a PROT_NONE page may not be read, so sc_owner must fail for it. It answers with the sid,
 * so a server that checks client pointers with sc_owner (as SPEC 6 servers must) faults on
 * a PROT_NONE buffer. (The tracer detects this at init and checks such pages another way.)
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "tracer_test.h"
#include "subcons.h"

int main(void) {
    char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check("sc_owner of a readable page gives a sid", sc_owner(p) > 0);
    mprotect(p, 4096, PROT_NONE);
    check("sc_owner of a PROT_NONE page fails", sc_owner(p) < 0);
    mprotect(p, 4096, PROT_READ);
    check("sc_owner of it made readable again gives a sid", sc_owner(p) > 0);
    return 0;
}
