/* SPEC 7: execve replaces the root subcon; subcons flagged SC_KEEP_ON_EXEC stay attached,
 * with the new root in the old root's roles (grantee, grantor, controller); the others are
 * detached, and freed since nothing refers to them any more (the old root, which held a
 * grant over the dropped one, is gone). The program re-executes itself
 * with the addresses and sids on its command line. In the new image: the kept data subcon is
 * still there and readable through the grant the old root held, and the new root controls
 * it; the kept server is called through the old root's entry and reads the new root through
 * the grant the old root gave it; the dropped subcon is gone from the map (EFAULT) and freed
 * (ESRCH); the old root is gone. A kept subcon the old root had no rights over is still
 * protected: reading it is a subcontext fault. */
#include "sct.h"

static long arg(char **argv, int i) { return strtol(argv[i], 0, 0); }

static int image2(int argc, char **argv) {
    long old = arg(argv, 2), k = arg(argv, 3), n = arg(argv, 5), k2 = arg(argv, 7), s = arg(argv, 9);
    void *pk = (void *) arg(argv, 4), *pn = (void *) arg(argv, 6), *pk2 = (void *) arg(argv, 8);
    struct sc_load l = {0, (unsigned long) arg(argv, 10), 0};
    long me = sc_self();
    struct sc_info i;
    printf("new image: a new root: %s\n", yn(me != old && me > 0));
    printf("old root: %s\n", err(sc_info(old, &i)));
    printf("kept: owner %s\n", yn(sc_owner(pk) == k));
    printf("kept: contents %ld\n", *(volatile long *) pk);
    sc_info(k, &i);
    printf("kept: controlled by the new root: %s, contexts %lu\n", yn(i.controller == me), i.contexts);
    printf("kept: sc_mmap by the new root: %s\n", sc_mmap(k, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) > 0 ? "0" : "refused");
    printf("kept: its range is taken: %s\n", mmap(pk, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED ? err(-errno) : "mapped");
    long local = 17;
    printf("server: called through the entry: %s\n", yn(CALL(l, OP_ADD, 20, 22) == 42));
    printf("server: runs as itself: %s\n", yn(CALL(l, OP_SELF) == s));
    printf("server: reads the new root: %s\n", yn(CALL(l, OP_READ, (long) &local) == 17));
    printf("dropped: owner %s\n", err(sc_owner(pn)));
    printf("dropped: info %s\n", err(sc_info(n, &i)));
    printf("kept without rights: owner %s\n", err(sc_owner(pk2)));
    sc_info(k2, &i);
    printf("kept without rights: still attached: %s\n", yn(i.contexts == 1));
    fflush(stdout);
    long v = *(volatile long *) pk2;               /* stopped */
    printf("read it: %ld\n", v);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1) return image2(argc, argv);
    long me = sc_self();
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    void *pk, *pn, *pk2;
    long k = sct_check("sc_create", sc_create("kept", SC_KEEP_ON_EXEC));
    sct_check("sc_attach", sc_attach(k, 0, 0));
    pk = (void *) sct_check("sc_mmap", sc_mmap(k, 0, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0));
    long n = sct_check("sc_create", sc_create("dropped", 0));
    sct_check("sc_attach", sc_attach(n, 0, 0));
    pn = (void *) sct_check("sc_mmap", sc_mmap(n, (void *) 0x200000000L, 16 * PAGE, PROT_READ | PROT_WRITE, anon | MAP_FIXED_NOREPLACE, -1, 0));
    sct_poke(n, pn, 7);
    long k2 = sct_check("sc_create", sc_create("kept_secret", SC_KEEP_ON_EXEC));
    sct_check("sc_attach", sc_attach(k2, 0, 0));
    pk2 = (void *) sct_check("sc_mmap", sc_mmap(k2, 0, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0));
    sct_poke(k, pk, 4242);
    sct_poke(k2, pk2, 99);
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", SC_KEEP_ON_EXEC, &l);
    printf("grants: %s %s %s\n", err(sc_grant(k, me, SC_R)), err(sc_grant(n, me, SC_R)), err(sc_grant(me, s, SC_R)));
    printf("before exec: kept %s, dropped %s\n", yn(*(volatile long *) pk == 4242), yn(sc_owner(pn) == n));
    char a[11][32];
    long v[11] = {0, 0, me, k, (long) pk, n, (long) pn, k2, (long) pk2, s, (long) l.entry};
    char *args[12] = {argv[0], "image2"};
    for (int i = 2; i < 11; i++) {
        snprintf(a[i], sizeof a[i], "%ld", v[i]);
        args[i] = a[i];
    }
    args[11] = 0;
    fflush(stdout);
    execv(argv[0], args);
    printf("execv failed: %s\n", err(-errno));
    return 1;
}
