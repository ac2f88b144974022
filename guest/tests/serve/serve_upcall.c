/*
 * SPEC 6, the upcall itself, under a server with its own entry (serve_upcall.server.c):
 * at the entry every register but a0..a5, a7 and sp is zero (FP registers and fcsr too)
 * and sp is the top of a 16-aligned stack of stack_size bytes owned by the server, one per
 * thread; the arguments arrive; the client's registers come back unchanged but a0, unless
 * the server rewrote them with sc_frame; sc_frame shows them and the pc after the ecall;
 * sc_pass performs the call as sc_frame left it, for the client (a passed sc_self names
 * it); the gates refuse a caller with no upcall (EINVAL) and bad arguments; below the
 * stack is a guard page, so a server that overflows it faults.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include "subcons.h"

/* ecall nr with a0 = arg0, a1 = arg1 and every other register it may touch set to a pattern
 * (a2..a6, t0..t6, s1..s11, ra, ft0..ft11, frm 3, fflags 0x1f); out[] receives afterwards
 * a0..a6, t0..t6, s1..s11, ra, ft0's bits and fcsr. */
long dirty_ecall(long nr, long arg0, long arg1, long *out);
extern char dirty_after_ecall[];
__asm__(
    "    .text\n"
    "    .globl dirty_ecall\n"
    "dirty_ecall:\n"
    "    addi sp, sp, -208\n"
    "    sd ra, 0(sp)\n    sd s0, 8(sp)\n    sd s1, 16(sp)\n    sd s2, 24(sp)\n    sd s3, 32(sp)\n"
    "    sd s4, 40(sp)\n    sd s5, 48(sp)\n    sd s6, 56(sp)\n    sd s7, 64(sp)\n    sd s8, 72(sp)\n"
    "    sd s9, 80(sp)\n    sd s10, 88(sp)\n    sd s11, 96(sp)\n"
    "    mv s0, a3\n    mv a7, a0\n    mv a0, a1\n    mv a1, a2\n"
    "    li a2, 0x1102\n    li a3, 0x1103\n    li a4, 0x1104\n    li a5, 0x1105\n    li a6, 0x1106\n"
    "    li t0, 0x2200\n    li t1, 0x2201\n    li t2, 0x2202\n    li t3, 0x2203\n    li t4, 0x2204\n"
    "    li t5, 0x2205\n    li t6, 0x2206\n"
    "    li s1, 0x3301\n    li s2, 0x3302\n    li s3, 0x3303\n    li s4, 0x3304\n    li s5, 0x3305\n"
    "    li s6, 0x3306\n    li s7, 0x3307\n    li s8, 0x3308\n    li s9, 0x3309\n    li s10, 0x330a\n    li s11, 0x330b\n"
    "    li ra, 0x4401\n"
    "    fmv.d.x ft0, t0\n    fmv.d.x ft1, t1\n    fmv.d.x ft2, t2\n    fmv.d.x ft3, t3\n"
    "    fmv.d.x ft4, t4\n    fmv.d.x ft5, t5\n    fmv.d.x ft6, t6\n    fmv.d.x ft7, s1\n"
    "    fmv.d.x ft8, s2\n    fmv.d.x ft9, s3\n    fmv.d.x ft10, s4\n    fmv.d.x ft11, s5\n"
    "    csrwi frm, 3\n    csrwi fflags, 0x1f\n"
    "    ecall\n"
    "    .globl dirty_after_ecall\n"
    "dirty_after_ecall:\n"
    "    sd a0, 0(s0)\n    sd a1, 8(s0)\n    sd a2, 16(s0)\n    sd a3, 24(s0)\n    sd a4, 32(s0)\n"
    "    sd a5, 40(s0)\n    sd a6, 48(s0)\n"
    "    sd t0, 56(s0)\n    sd t1, 64(s0)\n    sd t2, 72(s0)\n    sd t3, 80(s0)\n    sd t4, 88(s0)\n"
    "    sd t5, 96(s0)\n    sd t6, 104(s0)\n"
    "    sd s1, 112(s0)\n    sd s2, 120(s0)\n    sd s3, 128(s0)\n    sd s4, 136(s0)\n    sd s5, 144(s0)\n"
    "    sd s6, 152(s0)\n    sd s7, 160(s0)\n    sd s8, 168(s0)\n    sd s9, 176(s0)\n    sd s10, 184(s0)\n"
    "    sd s11, 192(s0)\n    sd ra, 200(s0)\n"
    "    fmv.x.d t0, ft0\n    sd t0, 208(s0)\n    frcsr t0\n    sd t0, 216(s0)\n"
    "    csrwi fflags, 0\n    csrwi frm, 0\n"
    "    ld ra, 0(sp)\n    ld s0, 8(sp)\n    ld s1, 16(sp)\n    ld s2, 24(sp)\n    ld s3, 32(sp)\n"
    "    ld s4, 40(sp)\n    ld s5, 48(sp)\n    ld s6, 56(sp)\n    ld s7, 64(sp)\n    ld s8, 72(sp)\n"
    "    ld s9, 80(sp)\n    ld s10, 88(sp)\n    ld s11, 96(sp)\n"
    "    addi sp, sp, 208\n"
    "    ret\n");

enum { A0, A1, A2, A3, A4, A5, A6, T0, T1 = 8, S1 = 14, RA = 25, FT0, FCSR, NOUT };

/* Whether out[] holds the patterns dirty_ecall set, but a0 and the register skip. */
static int unchanged(const long *out, long arg1, int skip) {
    long want[NOUT] = {0, arg1, 0x1102, 0x1103, 0x1104, 0x1105, 0x1106};
    for (int i = 0; i < 7; i++) want[T0 + i] = 0x2200 + i;
    for (int i = 0; i < 11; i++) want[S1 + i] = 0x3301 + i;
    want[RA] = 0x4401;
    want[FT0] = 0x2200;
    want[FCSR] = 3 << 5 | 0x1f;
    for (int i = 1; i < NOUT; i++) {
        if (i == skip) continue;
        if (out[i] != want[i]) {
            printf("  (out[%d] = %#lx, expected %#lx)\n", i, out[i], want[i]);
            return 0;
        }
    }
    return 1;
}

static const char *yes(int b) { return b ? "yes" : "no"; }

static void *thread_sp(void *arg) {
    (void) arg;
    return (void *) syscall(0x5CE2);
}

int main(void) {
    long out[NOUT];
    long r = dirty_ecall(0x5CE0, 0, 0, out);
    printf("at the upcall entry every register but a0-a5, a7, sp is zero (FP and fcsr too): %s\n", yes(r == -1));
    if (r != -1) printf("  (first nonzero: %ld)\n", r);
    printf("the client's registers come back unchanged but a0: %s\n", yes(unchanged(out, 0, -1)));
    printf("the server's stack: 16-aligned top, stack_size bytes, its own: %s\n", yes(syscall(0x5CE1) == 1));
    printf("a0..a5 arrive as the call's arguments: %s\n", yes(syscall(0x5CE9, 1, 2, 3, 4, 5, 6) == 654321));

    r = dirty_ecall(0x5CE3, 9 /* s1 */, 7, out);
    printf("sc_frame shows the client's s1: %s\n", yes(r == 0x3301));
    r = dirty_ecall(0x5CE3, 11 /* a1 */, 77, out);
    printf("sc_frame shows the client's a1: %s\n", yes(r == 77));
    r = dirty_ecall(0x5CE3, 32 /* pc */, 0, out);
    printf("sc_frame shows the pc after the ecall: %s\n", yes(r == (long) dirty_after_ecall));
    r = dirty_ecall(0x5CE4, 18 /* s2 */, 0xabcd, out);
    printf("a register rewritten with sc_frame comes back so: %s\n", yes(r == 0 && out[S1 + 1] == 0xabcd && unchanged(out, 0xabcd, S1 + 1)));
    r = dirty_ecall(0x5CE4, 32 /* pc */, (long) dirty_after_ecall, out);
    printf("so does a rewritten pc (here the same one): %s\n", yes(r == 0 && unchanged(out, (long) dirty_after_ecall, -1)));

    printf("sc_pass performs the call as sc_frame rewrote it (getppid): %s\n", yes(syscall(0x5CE5) == getppid()));
    long scid;
    __asm__ volatile("csrr %0, 0xcc0" : "=r"(scid));
    printf("a passed sc_self names the client: %s\n", yes(sc_self() == scid));
    long server = syscall(0x5CE6);
    printf("the server's own sc_self names the server: %s\n", yes(server > 0 && server != scid));

    printf("sc_return with no upcall: %s\n", sc_syscall6(SC_NR_RETURN, 5, 0, 0, 0, 0, 0) == -EINVAL ? "EINVAL" : "other");
    unsigned long regs[SC_FRAME_WORDS];
    printf("sc_frame with no upcall: %s\n", sc_frame(SC_FRAME_READ, regs) == -EINVAL ? "EINVAL" : "other");
    printf("sc_pass with no upcall: %s\n", sc_pass() == -EINVAL ? "EINVAL" : "other");
    printf("sc_frame to a bad pointer: %s\n", syscall(0x5CE7) == -1 && errno == EFAULT ? "EFAULT" : "other");
    printf("sc_frame with an unknown op: %s\n", syscall(0x5CE8) == -1 && errno == EINVAL ? "EINVAL" : "other");

    long sp1 = syscall(0x5CE2), sp2 = syscall(0x5CE2);
    pthread_t th;
    void *other;
    pthread_create(&th, 0, thread_sp, 0);
    pthread_join(th, &other);
    printf("each upcall of a thread starts at the same stack top: %s\n", yes(sp1 == sp2));
    printf("another thread gets a stack of its own: %s\n", yes((long) other != sp1 && (long) other != 0));

    pid_t child = fork();
    if (child == 0) {
        syscall(0x5CEA);
        _exit(0);
    }
    int st;
    waitpid(child, &st, 0);
    printf("a server writing below its upcall stack faults (guard page): %s\n", yes(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV));
    return 0;
}
