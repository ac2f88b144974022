/*
 * The policy hands the kernel the paths it checked in a subcontext of its own,
 * "policy-paths", which the program may read (the kernel reads a passed call's strings as
 * the program) but not write: otherwise another thread could change a path between the
 * check and the call. The program finds a page of it and writes there: a subcontext fault.
 */
#include "policy_t.h"
#include "subcons.h"
#include <sys/mman.h>

int main(void) {
    setvbuf(stdout, 0, _IONBF, 0);
    long me = sc_self();
    res("mkdir out", mkdir("out", 0755));       /* a checked call: the program now may read the buffer */
    char *mine = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned long addr = 0;
    struct sc_info info;
    /* The nearest such page above or below a mapping of the program's own. */
    for (unsigned long d = 4096; d < (1ul << 32) && !addr; d += 4096) {
        unsigned long near[2] = {(unsigned long) mine + d, (unsigned long) mine - d};
        for (int i = 0; i < 2 && !addr; i++) {
            long o = sc_owner((void *) near[i]);
            if (o > 0 && o != me && sc_info(o, &info) == 0 && !strcmp(info.name, "policy-paths")) addr = near[i];
        }
    }
    CHECK("policy-paths page found (readable)", addr != 0);
    volatile char c = *(volatile char *) addr;
    CHECK("it holds no path now", c == 0);
    *(volatile char *) addr = '/';
    printf("wrote the policy's path buffer (not stopped!)\n");
    return 0;
}
