/* SPEC 4.5: system calls are made on behalf of the current subcon, the principal of every
 * check: a buffer the principal may not read (for write) or write (for read) gives EFAULT,
 * for the root passing server memory and for the server passing root memory alike, until
 * the right is granted. */
#include "sct.h"

int main(int argc, char **argv) {
    long me = sc_self();
    struct sc_load l;
    long s = sct_server_entry(argv[0], "server", 0, &l);
    int p[2];
    pipe(p);
    long sec = CALL(l, OP_SECRET_ADDR);
    long buf = 0x1122334455667788, in = 0;
    printf("root writes from the server's memory: %s\n", err(write(p[1], (void *) sec, 8) < 0 ? -errno : 0));
    write(p[1], &buf, 8);
    printf("root reads into the server's memory: %s\n", err(read(p[0], (void *) sec, 8) < 0 ? -errno : 0));
    read(p[0], &in, 8);
    printf("server writes from the root's memory: %s\n", err(CALL(l, OP_SYSCALL, SYS_write, p[1], (long) &buf, 8)));
    printf("server grants the root R: %s\n", err(sc_grant(s, me, SC_R)));
    printf("root writes from the server's memory: %s\n", err(write(p[1], (void *) sec, 8)));
    read(p[0], &in, 8);
    printf("the bytes are the secret: %s\n", yn(in == 0x5ec7e7));
    printf("server may read the root: %s\n", err(sc_grant(me, s, SC_R)));
    printf("server writes from the root's memory: %s\n", err(CALL(l, OP_SYSCALL, SYS_write, p[1], (long) &buf, 8)));
    write(p[1], &buf, 8);
    printf("server reads into the root's memory (R only): %s\n", err(CALL(l, OP_SYSCALL, SYS_read, p[0], (long) &in, 8)));
    printf("server may write the root: %s\n", err(sc_grant(me, s, SC_R | SC_W)));
    in = 0;
    printf("server reads into the root's memory: %s\n", err(CALL(l, OP_SYSCALL, SYS_read, p[0], (long) &in, 8)));
    printf("the bytes arrived: %s\n", yn(in == buf));
    printf("sc_self in the server: %s, in the root: %s\n", yn(CALL(l, OP_SELF) == s), yn(sc_self() == me));
    return 0;
}
