/* Freestanding: jumps (jal, jalr, branches, c.j, c.jr) to targets at
 * addresses that are 2 mod 4, and jalr clearing bit 0 of the target. */
#include "rt.inc"
        .option rvc
        .text
        .globl _start
_start:
        li      s1, 0                   /* accumulated checks */
        /* jal to a 2-mod-4 target */
        jal     ra, f_odd
        addi    s1, s1, 1
        /* branch forward to a 2-mod-4 label */
        li      t0, 5
        bnez    t0, br_target
        j       fail
        .balign 4
        c.nop
br_target:                              /* address = 2 mod 4 */
        addi    s1, s1, 1
        /* jalr to a computed 2-mod-4 address */
        lla     t1, f_odd
        jalr    ra, 0(t1)
        addi    s1, s1, 1
        /* jalr with bit 0 set: the target's lowest bit is cleared */
        lla     t1, f_odd
        addi    t1, t1, 1
        jalr    ra, 0(t1)
        addi    s1, s1, 1
        /* jalr with an odd immediate offset */
        lla     t1, f_odd
        addi    t1, t1, -3
        jalr    ra, 3(t1)
        addi    s1, s1, 1
        /* c.j / c.jr to 2-mod-4 targets */
        c.j     cj_target
        j       fail
        .balign 4
        c.nop
cj_target:
        addi    s1, s1, 1
        lla     t1, f_odd
        c.jalr  t1
        addi    s1, s1, 1
        /* backward branch loop whose head is at 2 mod 4 */
        li      t2, 10
        li      t3, 0
        .balign 4
        c.nop
loop:
        addi    t3, t3, 3               /* 4-byte insn at 2 mod 4 */
        addi    t2, t2, -1
        bnez    t2, loop
        li      t4, 30
        bne     t3, t4, fail
        addi    s1, s1, 1
        /* auipc executed at a 2-mod-4 pc */
        .balign 4
        c.nop
auipc_here:
        auipc   t5, 0
        lla     t6, auipc_here
        bne     t5, t6, fail
        addi    s1, s1, 1
        PUTS    "checks passed: "
        PUTHEX  s1
        /* return values seen by f_odd's counter */
        PUTS    "f_odd calls: "
        lla     t0, calls
        ld      a0, 0(t0)
        call    rt_puthex
        EXIT    0
fail:
        PUTS    "FAILED at check "
        PUTHEX  s1
        EXIT    1

        .balign 4
        c.nop
f_odd:                                  /* function entry at 2 mod 4 */
        lla     t0, calls
        ld      t1, 0(t0)
        addi    t1, t1, 1
        sd      t1, 0(t0)
        ret

        .data
        .balign 8
calls:  .dword 0
