/*
 * KNOWN BUG reproducer (see KNOWN_BUGS.txt): sc_owner(addr) returns the owner's sid for
 * a PROT_NONE page of a subcon the caller has R rights over, although the caller may not
 * read it (SPEC 9: "sid owning the page at addr, if the caller may read it"; SPEC 3: the
 * effective permission is page.prot AND rights). The server (probe_owner) answers the
 * private call 0x5CF0 with whether sc_owner(a0) succeeds.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *probe(void *p) { return syscall(0x5CF0, p) == 1 ? "readable" : "not readable"; }

int main(void) {
    char *ro = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *none = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("server sees a PROT_READ page as: %s\n", probe(ro));
    printf("server sees a PROT_NONE page as: %s\n", probe(none));
    mprotect(ro, 4096, PROT_NONE);
    printf("server sees a page made PROT_NONE as: %s\n", probe(ro));
    return 0;
}
