/* SPEC 3 and 4.1: a server reads its client's memory through pointers passed as arguments
 * only while it holds R over the client: with R it sums an array and measures a string
 * (but cannot store), without it the same read is a subcontext fault (read, owner the
 * client, rights none). */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    static long array[100];
    for (int i = 0; i < 100; i++) array[i] = i;
    char *str = strdup("hello, server");
    printf("grant the server R over the client: %s\n", err(sc_grant(me, s, SC_R)));
    printf("sum: %ld\n", CALL(l, OP_SUM, 100, (long) array));
    printf("strlen: %ld\n", CALL(l, OP_STRLEN, (long) str));
    int p[2];
    pipe(p);
    write(p[1], "X", 1);
    printf("the server reads a pipe into the client's string (R only): %s\n", err(CALL(l, OP_SYSCALL, SYS_read, p[0], (long) str, 1)));
    printf("the string unchanged: %s\n", yn(str[0] == 'h'));
    printf("revoke: %s\n", err(sc_grant(me, s, 0)));
    printf("the server may read the client: %s\n", err(CALL(l, OP_OWNER, (long) str)));
    fflush(stdout);
    long n = CALL(l, OP_STRLEN, (long) str);       /* stopped */
    printf("strlen without R: %ld\n", n);
    return 0;
}
