/* Freestanding: exit (93, not exit_group) with status 5; only the low 8
 * bits of the status count (0x305 -> 5). */
        .text
        .globl _start
_start:
        li      a0, 1
        lla     a1, msg
        li      a2, 22
        li      a7, 64
        ecall
        li      a0, 0x305
        li      a7, 93
        ecall
1:      j       1b
        .section .rodata
msg:    .ascii  "exiting with status 5\n"
