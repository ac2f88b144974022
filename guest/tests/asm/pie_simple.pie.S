/* Freestanding static-pie without relocations: only pc-relative code.
 * Checks that it was loaded at a non-zero, page-aligned bias and that the
 * ELF header and program headers are mapped there. */
#include "rt.inc"
        .text
        .globl _start
_start:
        lla     s0, __ehdr_start
        snez    s1, s0
        PUTS    "load bias non-zero: "
        PUTHEX  s1
        li      t0, 0xfff
        and     s1, s0, t0
        PUTS    "load bias page offset: "
        PUTHEX  s1
        lhu     s1, 16(s0)              /* e_type */
        PUTS    "e_type (ET_DYN = 3): "
        PUTHEX  s1
        ld      s2, 32(s0)              /* e_phoff */
        lhu     s3, 56(s0)              /* e_phnum */
        add     s2, s2, s0
        li      s4, 0                   /* PT_DYNAMIC seen */
        li      s5, 0                   /* PT_INTERP seen */
1:      beqz    s3, 3f
        lwu     t0, 0(s2)
        li      t1, 2
        bne     t0, t1, 2f
        li      s4, 1
2:      li      t1, 3
        bne     t0, t1, 21f
        li      s5, 1
21:     addi    s2, s2, 56
        addi    s3, s3, -1
        j       1b
3:      PUTS    "PT_DYNAMIC present: "
        PUTHEX  s4
        PUTS    "PT_INTERP present: "
        PUTHEX  s5
        /* data is writable, bss is zero */
        lla     t0, counter
        ld      t1, 0(t0)
        addi    t1, t1, 41
        sd      t1, 0(t0)
        ld      s6, 0(t0)
        PUTS    "bss counter after += 41: "
        PUTHEX  s6
        EXIT    0
        .bss
        .balign 8
counter: .zero 8
