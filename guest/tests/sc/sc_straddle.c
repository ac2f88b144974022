/* SPEC 4.1: every byte of an access is checked against its own page's owner. A misaligned
 * 8-byte store straddling the end of a root page and the start of another subcon's page
 * works while the root holds RW over that subcon; without rights it is a subcontext fault
 * (in a child process, so that the parent can look afterwards) and its first half, in the
 * root's own page, is not written either. System calls with a buffer straddling the two
 * fail with EFAULT and write nothing. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    char *r = mmap(0, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    munmap(r + PAGE, PAGE);
    long t = sct_check("sc_create", sc_create("next", 0));
    sct_check("sc_attach", sc_attach(t, 0, 0));
    long a = sc_mmap(t, r + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("the other subcon's page follows the root's: %s\n", yn(a == (long) (r + PAGE)));
    volatile long *x = (long *) (r + PAGE - 4);
    char two[2 * PAGE];
    char *own = (char *) (((unsigned long) two + PAGE - 1) & ~(PAGE - 1));
    *(volatile long *) (own + PAGE - 4) = 0x1122334455667788;
    printf("straddling store within the root: %s\n", yn(*(volatile long *) (own + PAGE - 4) == 0x1122334455667788));
    printf("grant RW: %s\n", err(sc_grant(t, me, SC_R | SC_W)));
    *x = 0x0102030405060708;
    printf("straddling store with RW: %s\n", yn(*x == 0x0102030405060708));
    *x = 0;
    printf("revoke: %s\n", err(sc_grant(t, me, 0)));
    int p[2];
    pipe(p);
    write(p[1], "ABCDEFGH", 8);
    printf("read(2) into the straddling buffer: %s\n", err(read(p[0], (void *) x, 8) < 0 ? -errno : 0));
    printf("write(2) from it: %s\n", err(write(p[1], (void *) x, 8) < 0 ? -errno : 0));
    printf("the root's half unchanged: %s\n", yn(memcmp(r + PAGE - 4, "\0\0\0\0", 4) == 0));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        *x = -1;                                   /* stopped */
        _exit(0);
    }
    printf("child storing across the boundary: %s\n", sct_wait(pid));
    printf("the root's half unchanged: %s\n", yn(memcmp(r + PAGE - 4, "\0\0\0\0", 4) == 0));
    printf("the other half unchanged: %s\n", yn(sct_peek(t, r + PAGE) == 0));
    return 0;
}
