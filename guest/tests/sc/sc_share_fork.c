/* SPEC 2 and 7: a subcon flagged SC_SHARE_ON_FORK is attached to the child as the same
 * subcon: same sid, same pages, kept synchronized. A page the parent maps after the fork
 * appears in the child with the parent's data; the child's store shows in the parent; when
 * the parent unmaps the page, the child (which had just been reading it) finds nothing
 * there (sc_owner EFAULT, an ordinary SIGSEGV with SEGV_MAPERR); when the parent makes a
 * page read-only, the child's store is an ordinary SEGV_ACCERR. The child does not control
 * the shared subcon. */
#include "sct.h"

static const char *sigtext(long v) {
    return v == SEGV_MAPERR ? "SIGSEGV SEGV_MAPERR" : v == SEGV_ACCERR ? "SIGSEGV SEGV_ACCERR" : v == 0 ? "completed" : "other";
}

int main(void) {
    long me = sc_self();
    long s = sct_check("sc_create", sc_create("shared", SC_SHARE_ON_FORK));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    printf("root may read and write it: %s\n", err(sc_grant(s, me, SC_R | SC_W)));
    int down[2], up[2];
    pipe(down);
    pipe(up);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct sc_info i;
        sc_info(s, &i);
        sct_send(up[1], sc_self());
        sct_send(up[1], i.contexts);
        volatile long *p = (long *) sct_recv(down[0]);
        sct_send(up[1], sc_owner((void *) p) == s);
        sct_send(up[1], *p == 1234);
        *p = 5678;
        sct_send(up[1], sc_mmap(s, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        long sum = 0;
        for (int k = 0; k < 10000; k++) sum += *p;
        sct_send(up[1], sum == 56780000);
        sct_recv(down[0]);                         /* the parent unmapped it */
        sct_send(up[1], sc_owner((void *) p));
        volatile long v = 0;
        (void) v;
        int sig = SCT_CATCH(SIGSEGV, v = *p);
        sct_send(up[1], sig == SIGSEGV ? sct_code_caught : sig ? -1 : 0);
        volatile long *q = (long *) sct_recv(down[0]);
        *q = 9;
        sct_send(up[1], 1);
        sct_recv(down[0]);                         /* the parent made it read-only */
        sig = SCT_CATCH(SIGSEGV, *q = 10);
        sct_send(up[1], sig == SIGSEGV ? sct_code_caught : sig ? -1 : 0);
        sct_send(up[1], *q == 9);
        _exit(0);
    }
    printf("child's root is a new subcon: %s\n", yn(sct_recv(up[0]) != me));
    printf("contexts the shared subcon is attached to: %ld\n", sct_recv(up[0]));
    volatile long *p = (long *) sc_mmap(s, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    *p = 1234;
    sct_send(down[1], (long) p);
    printf("child: the page mapped after the fork is the shared subcon's: %s\n", yn(sct_recv(up[0])));
    printf("child: reads what the parent wrote: %s\n", yn(sct_recv(up[0])));
    printf("child: sc_mmap into it: %s\n", err(sct_recv(up[0])));
    printf("child: reads its own store: %s\n", yn(sct_recv(up[0])));
    printf("parent: sees the child's store: %s\n", yn(*p == 5678));
    printf("parent: unmaps the page: %s\n", err(sc_munmap(s, (void *) p, PAGE)));
    sct_send(down[1], 0);
    printf("child: owner after the unmap: %s\n", err(sct_recv(up[0])));
    printf("child: reading it: %s\n", sigtext(sct_recv(up[0])));
    volatile long *q = (long *) sc_mmap(s, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    sct_send(down[1], (long) q);
    sct_recv(up[0]);
    printf("parent: sees the child's store into a new page: %s\n", yn(*q == 9));
    printf("parent: makes it read-only: %s\n", err(sc_mprotect(s, (void *) q, PAGE, PROT_READ)));
    sct_send(down[1], 0);
    printf("child: store into it: %s\n", sigtext(sct_recv(up[0])));
    printf("child: the page unchanged: %s\n", yn(sct_recv(up[0])));
    printf("child: %s\n", sct_wait(pid));
    struct sc_info i;
    sc_info(s, &i);
    printf("contexts after the child exited: %lu\n", i.contexts);
    return 0;
}
