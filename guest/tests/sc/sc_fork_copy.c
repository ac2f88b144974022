/* SPEC 7: fork copies every subcon not flagged SC_SHARE_ON_FORK into a new subcon of the
 * child (copy-on-write), with grants, entries and controllers between the copies mirrored.
 * In the child: the root and the server are new subcons; calls through the mirrored entry
 * work; the copy reads the child's memory (mirrored grant); the child's root controls the
 * copy but not the parent's server; writes in the copy do not show in the parent's. A
 * second child reading the server directly (no rights were ever granted) is stopped by a
 * subcontext fault, which the parent sees as SIGSEGV. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    printf("server may read the root: %s\n", err(sc_grant(me, s, SC_R)));
    CALL(l, OP_SECRET_SET, 1);
    long sec = CALL(l, OP_SECRET_ADDR);
    static long word = 31;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long cme = sc_self();
        printf("child: its root is a new subcon: %s\n", yn(cme != me && cme > 0));
        long ok = 1;
        for (int i = 0; i < 100; i++) ok &= CALL(l, OP_ADD, i, 1) == i + 1;
        printf("child: calls through the mirrored entry: %s\n", yn(ok));
        long cs = CALL(l, OP_SELF);
        printf("child: its server is a copy: %s\n", yn(cs != s && cs > 0 && CALL(l, OP_SCID) == cs));
        struct sc_info i;
        sc_info(cs, &i);
        printf("child: the copy is named %s, controlled by the child's root: %s, contexts %lu\n", i.name, yn(i.controller == cme), i.contexts);
        printf("child: the copy reads the child's memory: %s\n", yn(CALL(l, OP_READ, (long) &word) == 31));
        printf("child: the copy's secret was copied: %s\n", yn(CALL(l, OP_SECRET_GET) == 1));
        CALL(l, OP_SECRET_SET, 2);
        printf("child: grant itself R over the copy: %s\n", err(sc_grant(cs, cme, SC_R)));
        printf("child: reads the copy's secret: %ld\n", *(volatile long *) sec);
        printf("child: grant itself R over the parent's server: %s\n", err(sc_grant(s, cme, SC_R)));
        printf("child: attach the parent's server: %s\n", err(sc_attach(s, 0, 0)));
        fflush(stdout);
        _exit(0);
    }
    printf("child: %s\n", sct_wait(pid));
    printf("parent: its server is the original: %s\n", yn(CALL(l, OP_SCID) == s));
    printf("parent: secret still 1: %s\n", yn(CALL(l, OP_SECRET_GET) == 1));
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        long v = *(volatile long *) sec;            /* stopped */
        _exit(v == 1 ? 1 : 2);
    }
    printf("second child reading the server: %s\n", sct_wait(pid));
    return 0;
}
