/* SPEC 3 and 7: rights over a shared subcon are per grantee, and its controller may change
 * them for another process's root. After the fork the child's root holds the mirrored RW
 * over the shared subcon and reads it in a loop; the parent (its controller) revokes the
 * child root's rights; the child's next read is a subcontext fault (the parent sees SIGSEGV)
 * while the parent's own rights are untouched. */
#include "sct.h"

int main(void) {
    long me = sc_self();
    long s = sct_check("sc_create", sc_create("shared", SC_SHARE_ON_FORK));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    volatile long *p = (long *) sct_check("sc_mmap", sc_mmap(s, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    printf("root may read and write it: %s\n", err(sc_grant(s, me, SC_R | SC_W)));
    *p = 21;
    int down[2], up[2];
    pipe(down);
    pipe(up);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        sct_send(up[1], sc_self());
        long sum = 0;
        for (int k = 0; k < 10000; k++) sum += *p;
        sct_send(up[1], sum == 210000);
        sct_recv(down[0]);
        sum += *p;                                 /* stopped */
        _exit(3);
    }
    long child_root = sct_recv(up[0]);
    printf("child reads the shared page: %s\n", yn(sct_recv(up[0])));
    printf("revoke the child's root: %s\n", err(sc_grant(s, child_root, 0)));
    sct_send(down[1], 0);
    printf("child: %s\n", sct_wait(pid));
    printf("parent still reads it: %s\n", yn(*p == 21));
    return 0;
}
