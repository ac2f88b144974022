/*
 * The server of serve_upcall: its own upcall entry (no scrt service glue) checks, before
 * touching any register, that the kernel zeroed every integer register but a0..a5, a7 and
 * sp, every FP register and fcsr (SPEC 6), and keeps the first offender. Private calls
 * 0x5CE0.. let the client ask what the server saw; everything else is passed on.
 */
#include "scrt.h"

#define STACK (64 * 1024)

long bad_reg = -1;          /* first register found nonzero at an upcall entry: x1..x31, 32+f, 64 fcsr */
long entry_sp;              /* sp at the last upcall entry */

/* upcall_entry: the handler's entry. t0 is used as scratch only once it has been checked. */
__asm__(
    "    .text\n"
    "    .globl upcall_entry\n"
    "upcall_entry:\n"
#define CHECK_X(n) "    bnez x" #n ", 1f\n    j 2f\n1:  li t0, " #n "\n    j 8f\n2:\n"
    CHECK_X(1) CHECK_X(3) CHECK_X(4) CHECK_X(5) CHECK_X(6) CHECK_X(7) CHECK_X(8) CHECK_X(9)
    CHECK_X(16) CHECK_X(18) CHECK_X(19) CHECK_X(20) CHECK_X(21) CHECK_X(22) CHECK_X(23) CHECK_X(24)
    CHECK_X(25) CHECK_X(26) CHECK_X(27) CHECK_X(28) CHECK_X(29) CHECK_X(30) CHECK_X(31)
#define CHECK_F(n) "    fmv.x.d t0, f" #n "\n    beqz t0, 3f\n    li t0, 32 + " #n "\n    j 8f\n3:\n"
    CHECK_F(0) CHECK_F(1) CHECK_F(2) CHECK_F(3) CHECK_F(4) CHECK_F(5) CHECK_F(6) CHECK_F(7)
    CHECK_F(8) CHECK_F(9) CHECK_F(10) CHECK_F(11) CHECK_F(12) CHECK_F(13) CHECK_F(14) CHECK_F(15)
    CHECK_F(16) CHECK_F(17) CHECK_F(18) CHECK_F(19) CHECK_F(20) CHECK_F(21) CHECK_F(22) CHECK_F(23)
    CHECK_F(24) CHECK_F(25) CHECK_F(26) CHECK_F(27) CHECK_F(28) CHECK_F(29) CHECK_F(30) CHECK_F(31)
    "    frcsr t0\n"
    "    beqz t0, 9f\n"
    "    li t0, 64\n"
    "8:  lla t1, bad_reg\n"            /* keep the first offender */
    "    ld t2, 0(t1)\n"
    "    bgez t2, 9f\n"
    "    sd t0, 0(t1)\n"
    "9:  lla t1, entry_sp\n"
    "    sd sp, 0(t1)\n"
    "    jal upcall_main\n"
    "    li a7, 0x5C0A\n"                 /* sc_return(a0) */
    "    ecall\n"
    "    j .\n");

extern char upcall_entry[];
static long self_sid;

/* The init call (at _start, through scrt): become the handler with upcall_entry. */
long server_main(long served, long self, long argc, long argv, long a4, long a5, long a6, long a7) {
    (void) argc, (void) argv, (void) a4, (void) a5, (void) a6, (void) a7;
    self_sid = self;
    long r = sc_entry(self, served, upcall_entry, 1);
    if (r < 0) return r;
    r = sc_handler(served, self, upcall_entry, STACK);
    long e = sc_entry(self, served, upcall_entry, 0);
    return r < 0 ? r : e;
}

long upcall_main(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long nr) {
    (void) a6;
    unsigned long regs[SC_FRAME_WORDS];
    switch (nr) {
    case 0x5CE0:                        /* what the entry saw: the first nonzero register, or -1 */
        return bad_reg;
    case 0x5CE1:                        /* the entry sp: 16-aligned, in a stack of this server of STACK bytes */
        return (entry_sp & 15) == 0 && sc_owner((void *) (entry_sp - 8)) == self_sid
               && sc_owner((void *) (entry_sp - STACK)) == self_sid;
    case 0x5CE2:                        /* the entry sp itself (per-thread stacks) */
        return entry_sp;
    case 0x5CE3:                        /* saved register a0 (0..31, 32 = pc) of the client */
        if (sc_frame(SC_FRAME_READ, regs) < 0) return -1;
        return (long) regs[a0];
    case 0x5CE4:                        /* rewrite the client's register a0 to a1, then return 0 */
        if (sc_frame(SC_FRAME_READ, regs) < 0) return -1;
        regs[a0] = (unsigned long) a1;
        return sc_frame(SC_FRAME_WRITE, regs);
    case 0x5CE5:                        /* turn the call into getppid and pass it */
        if (sc_frame(SC_FRAME_READ, regs) < 0) return -1;
        regs[17] = 173;
        if (sc_frame(SC_FRAME_WRITE, regs) < 0) return -1;
        return sc_pass();
    case 0x5CE6:                        /* the server's own sid (not passed) */
        return sc_self();
    case 0x5CE7: {                      /* sc_frame with a bad pointer */
        unsigned long *volatile bad = (unsigned long *) 16;
        return sc_frame(SC_FRAME_READ, bad);
    }
    case 0x5CE8:                        /* sc_frame with an unknown op */
        return sc_frame(7, regs);
    case 0x5CEA:                        /* write the lowest word of the stack, then just below it, */
        /* having mapped memory there if it could (where a guard page is, it cannot) */
        sys_mmap((void *) (entry_sp - STACK - 4096), 4096, 3, 0x100022 /* MAP_FIXED_NOREPLACE|PRIVATE|ANON */, -1, 0);
        *(volatile long *) (entry_sp - STACK) = 1;
        *(volatile long *) (entry_sp - STACK - 8) = 1;
        return 0;
    case 0x5CE9:                        /* the six arguments as they arrived */
        return a0 + a1 * 10 + a2 * 100 + a3 * 1000 + a4 * 10000 + a5 * 100000;
    }
    return sc_pass();
}
