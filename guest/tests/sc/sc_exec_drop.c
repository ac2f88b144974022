/* SPEC 7: without SC_KEEP_ON_EXEC a subcon is detached by execve, and freed since nothing
 * refers to it any more (the old root held a grant over it and controlled it, but the old
 * root is gone). The program re-executes itself with the subcon's address and sid on its
 * command line: the new image finds nothing there (sc_owner EFAULT, an ordinary SIGSEGV
 * with SEGV_MAPERR) and no such subcon (ESRCH), so it cannot re-attach it. */
#include "sct.h"

static int image2(char **argv) {
    long old = strtol(argv[2], 0, 0), n = strtol(argv[3], 0, 0);
    char *pn = (char *) strtol(argv[4], 0, 0);
    struct sc_info i;
    printf("new image: a new root: %s\n", yn(sc_self() != old));
    printf("old root: %s\n", err(sc_info(old, &i)));
    printf("dropped: owner %s\n", err(sc_owner(pn)));
    printf("dropped: info %s\n", err(sc_info(n, &i)));
    printf("dropped: attach %s\n", err(sc_attach(n, 0, 0)));
    volatile long v = 0;
    (void) v;
    int sig = SCT_CATCH(SIGSEGV, v = *(volatile long *) pn);
    printf("dropped: read %s %s\n", sig == SIGSEGV ? "SIGSEGV" : sig ? "other" : "completed", sig ? sct_segv_code() : "");
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1) return image2(argv);
    long me = sc_self();
    long n = sct_check("sc_create", sc_create("dropped", 0));
    sct_check("sc_attach", sc_attach(n, 0, 0));
    char *pn = (char *) sct_check("sc_mmap", sc_mmap(n, (void *) 0x200000000L, 16 * PAGE, PROT_READ | PROT_WRITE,
                                                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
    printf("grant R: %s\n", err(sc_grant(n, me, SC_R)));
    printf("before exec: owner %s\n", yn(sc_owner(pn) == n));
    char a[3][32];
    snprintf(a[0], 32, "%ld", me);
    snprintf(a[1], 32, "%ld", n);
    snprintf(a[2], 32, "%ld", (long) pn);
    fflush(stdout);
    execl(argv[0], argv[0], "image2", a[0], a[1], a[2], (char *) 0);
    printf("execl failed: %s\n", err(-errno));
    return 1;
}
