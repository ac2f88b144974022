/*
 * sct_ops.h - the operations of the generic test server (sct_server.h), shared by the
 * clients (sct.h) and the servers. A client calls the server's entry point with the
 * operation in a0 and its arguments in a1..a7.
 */
#ifndef SCT_OPS_H
#define SCT_OPS_H

enum {
    OP_ADD = 1,         /* a + b */
    OP_READ,            /* *(long *) a             (needs R over a's owner) */
    OP_WRITE,           /* *(long *) a = b; 0      (needs W over a's owner) */
    OP_SCID,            /* the scid CSR, read inside the server */
    OP_SELF,            /* sc_self() called by the server */
    OP_SECRET_ADDR,     /* &secret, a word in the server's data */
    OP_SECRET_GET,      /* secret */
    OP_SECRET_SET,      /* secret = a; 0 */
    OP_CALL,            /* ((fn) a)(b, c, d, e, f, g): a call out of the server */
    OP_SYSCALL,         /* raw system call a(b, c, d, e, f, g, 0) made by the server */
    OP_SPIN,            /* *(long *) a = 1, then spin until stop != 0; returns stop */
    OP_STOP_ADDR,       /* &stop */
    OP_SCTLS,           /* the sctls CSR as seen inside the server */
    OP_MMAP,            /* plain mmap(NULL, a, RW, private anonymous) by the server */
    OP_OWNER,           /* sc_owner(a) called by the server */
    OP_STRLEN,          /* strlen((char *) a)      (reads a's owner) */
    OP_COUNT,           /* how many calls this server has served */
    OP_FORK,            /* fork (clone(SIGCHLD)) called inside the server: 0 in the child */
    OP_PAGE_ADDR,       /* a page-aligned 4 KiB buffer in the server's data */
    OP_SUM,             /* sum of the a longs at b     (reads b's owner) */
    OP_STOP,            /* stop = a; 0 (ends an OP_SPIN in another thread) */
    OP_INC,             /* atomically counter += 1; returns the new value */
    OP_RELOC,           /* 1 if a pointer initialised at load time (R_RISCV_RELATIVE) is right */
};

#endif
