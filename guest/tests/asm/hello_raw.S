/* Freestanding: write(2) and exit_group(0) with raw ecalls only. */
        .text
        .globl _start
_start:
        li      a0, 1
        lla     a1, msg
        li      a2, 34
        li      a7, 64                  /* write */
        ecall
        li      t0, 34
        bne     a0, t0, bad
        li      a0, 1                   /* write of 0 bytes returns 0 */
        lla     a1, msg
        li      a2, 0
        li      a7, 64
        ecall
        bnez    a0, bad
        li      a0, 0
        li      a7, 94                  /* exit_group */
        ecall
bad:    li      a0, 1
        li      a7, 94
        ecall
        .section .rodata
msg:    .ascii  "hello from a freestanding program\n"
msg_end:
