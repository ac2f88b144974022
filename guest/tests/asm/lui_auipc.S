/* Freestanding: LUI (incl. sign extension of bit 31) and AUIPC. */
#include "rt.inc"
        .text
        .globl _start
_start:
        lui     s1, 0x12345
        PUTS    "lui 0x12345: "
        PUTHEX  s1
        lui     s1, 0x80000
        PUTS    "lui 0x80000 (sign-extended): "
        PUTHEX  s1
        lui     s1, 0xfffff
        PUTS    "lui 0xfffff: "
        PUTHEX  s1
        lui     s1, 0x7ffff
        addi    s1, s1, 0x7ff
        PUTS    "lui 0x7ffff + addi 0x7ff: "
        PUTHEX  s1
        lui     s1, 0x80000
        addiw   s1, s1, -1
        PUTS    "lui 0x80000 + addiw -1: "
        PUTHEX  s1
        li      s1, 0x123456789abcdef0
        PUTS    "li 64-bit constant: "
        PUTHEX  s1
        /* auipc: distance between two auipc results equals code distance */
1:      auipc   s1, 0
2:      auipc   s2, 0
        sub     s3, s2, s1
        PUTS    "auipc distance (4): "
        PUTHEX  s3
        lla     s4, 1b
        sub     s4, s1, s4
        PUTS    "auipc 0 == address of itself (0 difference): "
        PUTHEX  s4
3:      auipc   s1, 1
        lla     s2, 3b
        sub     s3, s1, s2
        PUTS    "auipc 1 - pc: "
        PUTHEX  s3
4:      auipc   s1, 0xfffff
        lla     s2, 4b
        sub     s3, s1, s2
        PUTS    "auipc 0xfffff - pc: "
        PUTHEX  s3
        /* pc-relative load of data through auipc+ld */
        la      s1, value
        ld      s1, 0(s1)
        PUTS    "pc-relative load: "
        PUTHEX  s1
        /* lui with rd = x0 is a hint/no-op */
        lui     zero, 0x12345
        PUTS    "x0 after lui: "
        PUTHEX  zero
        EXIT    0
        .data
        .balign 8
value:  .dword 0x0123456789abcdef
