/* SPEC 2: a mapping into a shared subcon must be free in every context it is attached to,
 * and mmap(NULL) in it picks an address free in all of them. After the fork the child maps
 * pages into its own root; the parent's sc_mmap(NULL) into the shared subcon avoids them
 * and MAP_FIXED onto them fails with EEXIST, although they are free in the parent's own
 * context. sc_attach into another process's context (by pid) is checked the same way;
 * sc_detach by pid removes the subcon from that context only. */
#include "sct.h"

static int overlaps(long a, unsigned long n, long b, unsigned long m) {
    return a < b + (long) m && b < a + (long) n;
}

int main(void) {
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    long s = sct_check("sc_create", sc_create("shared", SC_SHARE_ON_FORK));
    sct_check("sc_attach", sc_attach(s, 0, 0));
    sc_grant(s, me, SC_R | SC_W);
    int down[2], up[2];
    pipe(down);
    pipe(up);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long c = (long) mmap(0, 16 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
        sct_send(up[1], sc_self());
        sct_send(up[1], c);
        long p = sct_recv(down[0]);
        sct_send(up[1], sc_owner((void *) p) == s);
        long x = sct_recv(down[0]);
        sct_send(up[1], sc_owner((void *) x));
        sct_send(up[1], *(volatile long *) x);
        sct_recv(down[0]);                         /* the parent detached it from the child */
        sct_send(up[1], sc_owner((void *) x));
        _exit(0);
    }
    long child_root = sct_recv(up[0]);
    long c = sct_recv(up[0]);
    long p = sc_mmap(s, 0, 16 * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    printf("sc_mmap(NULL) into the shared subcon: %s\n", p > 0 ? "mapped" : err(p));
    printf("it avoids the child's new pages: %s\n", yn(!overlaps(p, 16 * PAGE, c, 16 * PAGE)));
    printf("sc_mmap(MAP_FIXED) onto the child's pages: %s\n", err(sc_mmap(s, (void *) c, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0)));
    printf("sc_mmap(MAP_FIXED_NOREPLACE) onto them: %s\n", err(sc_mmap(s, (void *) c, PAGE, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0)));
    void *own = mmap((void *) c, 16 * PAGE, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0);
    printf("the parent's root maps there (its own context): %s\n", yn(own == (void *) c));
    sct_send(down[1], p);
    printf("child: sees the new mapping: %s\n", yn(sct_recv(up[0])));

    long x = sct_check("sc_create", sc_create("lent", 0));
    long y = sct_check("sc_create", sc_create("clash", 0));
    sct_check("sc_attach", sc_attach(x, 0, 0));
    long xa = sct_check("sc_mmap", sc_mmap(x, 0, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0));
    sct_poke(x, (void *) xa, 808);
    sc_mmap(y, (void *) (c + PAGE), PAGE, PROT_READ, anon | MAP_FIXED, -1, 0);
    printf("attach over the child's pages into the child: %s\n", err(sc_attach(y, pid, 0)));
    printf("attach into the child: %s\n", err(sc_attach(x, pid, 0)));
    printf("grant the child's root R: %s\n", err(sc_grant(x, child_root, SC_R)));
    struct sc_info i;
    sc_info(x, &i);
    printf("contexts: %lu\n", i.contexts);
    sct_send(down[1], xa);
    printf("child: owner: %s\n", yn(sct_recv(up[0]) == x));
    printf("child: reads it: %ld\n", sct_recv(up[0]));
    printf("detach it from the child: %s\n", err(sc_detach(x, pid)));
    sct_send(down[1], 0);
    printf("child: owner after the detach: %s\n", err(sct_recv(up[0])));
    sc_info(x, &i);
    printf("contexts: %lu, the parent's page intact: %s\n", i.contexts, yn(sct_peek(x, (void *) xa) == 808));
    printf("child: %s\n", sct_wait(pid));
    return 0;
}
