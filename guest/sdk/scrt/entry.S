/*
 * The entry stub of a server built with scrt: _start, the ELF entry point, is where every
 * call into the server arrives (a call through a point entry, or an upcall). It never uses
 * the caller's stack: it switches to this thread's stack in the server, found through the
 * sctls CSR (a thread's first entry makes that stack), runs server_main, switches back and
 * returns to the caller, or ends the upcall with sc_return when ra is 0.
 *
 * sctls points at the thread's record { next }: the top of the part of its stack not in use
 * by an entry. An entry takes its frame below next and moves next a window further down, so
 * a nested entry (the server calls out, the caller calls back in) gets its own part.
 */
#define SCTLS 0x8c0
#define NEST_WINDOW (32 * 1024)

    .option norelax             /* no gp-relative addressing: gp is the caller's */
    .text
    .globl  _start
    .type   _start, @function
_start:
    csrr    t0, SCTLS
    beqz    t0, .Lnew_thread
.Lhave_record:
    ld      t2, 0(t0)           /* record->next */
    addi    t1, t2, -32         /* this entry's frame, just below record->next: */
    sd      sp, 0(t1)           /*   the caller's sp (only restored, never used) */
    sd      ra, 8(t1)           /*   where to return; 0 for an upcall */
    sd      t0, 16(t1)          /*   the record */
    mv      sp, t1
    li      t2, NEST_WINDOW
    sub     t2, t1, t2
    sd      t2, 0(t0)           /* a nested entry starts below this entry's window */
    jal     server_main         /* a direct jump: the stub and the server share a unit */
    ld      t0, 16(sp)
    addi    t2, sp, 32          /* record->next as it was: the frame's top */
    sd      t2, 0(t0)
    ld      ra, 8(sp)
    ld      sp, 0(sp)
    beqz    ra, .Lupcall_return
    ret
.Lupcall_return:
    li      a7, 0x5C0A          /* sc_return(a0): resumes the client, never comes back */
    ecall
1:  j       1b

.Lnew_thread:
    /* A first entry: make this thread's stack on a shared bootstrap stack, one thread at a time. */
    lla     t1, scrt_boot_lock
    li      t2, 1
2:  amoswap.w.aq t3, t2, (t1)
    bnez    t3, 2b
    lla     t1, scrt_boot_save
    sd      a0, 0(t1)
    sd      a1, 8(t1)
    sd      a2, 16(t1)
    sd      a3, 24(t1)
    sd      a4, 32(t1)
    sd      a5, 40(t1)
    sd      a6, 48(t1)
    sd      a7, 56(t1)
    sd      ra, 64(t1)
    sd      sp, 72(t1)
    lla     sp, scrt_boot_stack_top
    jal     scrt_new_thread
    lla     t1, scrt_boot_save
    ld      a0, 0(t1)
    ld      a1, 8(t1)
    ld      a2, 16(t1)
    ld      a3, 24(t1)
    ld      a4, 32(t1)
    ld      a5, 40(t1)
    ld      a6, 48(t1)
    ld      a7, 56(t1)
    ld      ra, 64(t1)
    ld      sp, 72(t1)
    lla     t1, scrt_boot_lock
    amoswap.w.rl zero, zero, (t1)
    csrr    t0, SCTLS
    j       .Lhave_record
    .size   _start, . - _start

/*
 * scrt_upcall: the entry of a system-call service (service.h), reached only by upcalls:
 * service_install grants the served layer an entry point here just long enough for
 * sc_handler (which checks it when the handler is set) and then removes it, so no code
 * can jump here. sp is the kernel's stack for this thread's upcalls into the server
 * (SPEC 6), fresh at every upcall; a0..a5 and a7 hold the call, every other register is 0.
 */
    .globl  scrt_upcall
    .type   scrt_upcall, @function
scrt_upcall:
    jal     server_main
    li      a7, 0x5C0A          /* sc_return(a0) */
    ecall
2:  j       2b
    .size   scrt_upcall, . - scrt_upcall

    .bss
    .balign 16
scrt_boot_lock:
    .space  8
scrt_boot_save:
    .space  80
    .balign 16
scrt_boot_stack:
    .space  8192
scrt_boot_stack_top:
