/*
 * Regression: sc_owner(addr) answers "the sid owning the page, if the caller may read it"
 * (SPEC 9), page protection included: a PROT_NONE page of the caller's own is refused, so a
 * server that checks a client's pointer with sc_owner never faults reading it.
 */
#include <stdio.h>
#include <sys/mman.h>
#include "subcons.h"

int main(void) {
    char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("sc_owner(own RW page) is own sid: %s\n", sc_owner(p) == sc_self() ? "yes" : "no");
    mprotect(p, 4096, PROT_NONE);
    printf("sc_owner(own PROT_NONE page) fails: %s\n", sc_owner(p) < 0 ? "yes" : "no");
    mprotect(p, 4096, PROT_READ);
    printf("sc_owner(it made readable again) is own sid: %s\n", sc_owner(p) == sc_self() ? "yes" : "no");
    return 0;
}
