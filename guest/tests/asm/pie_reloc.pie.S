/* Freestanding static-pie (ET_DYN) that relocates itself: walks _DYNAMIC
 * for DT_RELA/DT_RELASZ/DT_RELAENT and applies R_RISCV_RELATIVE, then uses
 * absolute pointers from .data (strings, a function, a self pointer). */
#include "rt.inc"
#define DT_NULL 0
#define DT_RELA 7
#define DT_RELASZ 8
#define DT_RELAENT 9
#define R_RISCV_RELATIVE 3
        .text
        .globl _start
_start:
        /* load bias: the link-time address of the ELF header is 0 */
        lla     s0, __ehdr_start
        lla     t0, _DYNAMIC
        li      s1, 0                   /* rela (runtime address) */
        li      s2, 0                   /* relasz */
        li      s3, 24                  /* relaent */
1:      ld      t1, 0(t0)
        ld      t2, 8(t0)
        beqz    t1, 4f
        li      t3, DT_RELA
        bne     t1, t3, 2f
        add     s1, s0, t2
2:      li      t3, DT_RELASZ
        bne     t1, t3, 3f
        mv      s2, t2
3:      li      t3, DT_RELAENT
        bne     t1, t3, 31f
        mv      s3, t2
31:     addi    t0, t0, 16
        j       1b
4:      li      s4, 0                   /* relocations applied */
        li      s5, 0                   /* unknown relocation types seen */
        beqz    s1, 7f
        add     s2, s1, s2              /* end */
5:      bgeu    s1, s2, 7f
        ld      t1, 0(s1)               /* r_offset */
        ld      t2, 8(s1)               /* r_info */
        ld      t3, 16(s1)              /* r_addend */
        andi    t4, t2, 0xff
        li      t5, R_RISCV_RELATIVE
        bne     t4, t5, 6f
        add     t1, t1, s0
        add     t3, t3, s0
        sd      t3, 0(t1)
        addi    s4, s4, 1
        j       61f
6:      addi    s5, s5, 1
61:     add     s1, s1, s3
        j       5b
7:      PUTS    "R_RISCV_RELATIVE relocations applied: "
        PUTHEX  s4
        PUTS    "other relocations: "
        PUTHEX  s5
        lwu     s6, 0(s0)
        PUTS    "ELF magic at load bias: "
        PUTHEX  s6
        li      t0, 0xfff
        and     s6, s0, t0
        PUTS    "load bias page offset: "
        PUTHEX  s6
        /* use the relocated pointers */
        lla     s7, ptrs
        ld      a0, 0(s7)
        call    rt_puts
        ld      a0, 8(s7)
        call    rt_puts
        ld      t0, 16(s7)              /* function pointer */
        li      a0, 20
        jalr    t0
        mv      s8, a0
        PUTS    "call through relocated function pointer (20*2+2): "
        PUTHEX  s8
        ld      t0, 24(s7)              /* pointer to ptrs itself */
        sub     s8, t0, s7
        PUTS    "self pointer - lla(ptrs): "
        PUTHEX  s8
        ld      t0, 32(s7)              /* pointer into the middle of a string */
        lbu     s8, 0(t0)
        PUTS    "byte at msg2+3 ('o' = 0x6f): "
        PUTHEX  s8
        /* a jump table of relocated code addresses */
        li      s9, 0
        li      s10, 0
8:      li      t0, 3
        bge     s9, t0, 9f
        lla     t1, jtab
        slli    t2, s9, 3
        add     t1, t1, t2
        ld      t1, 0(t1)
        jalr    t1
        addi    s9, s9, 1
        j       8b
9:      PUTS    "jump table sum (1+10+100): "
        PUTHEX  s10
        EXIT    0

double_plus_two:
        slli    a0, a0, 1
        addi    a0, a0, 2
        ret
case0:  addi    s10, s10, 1
        ret
case1:  addi    s10, s10, 10
        ret
case2:  addi    s10, s10, 100
        ret

        .section .rodata
msg1:   .asciz  "message reached through a relocated pointer\n"
msg2:   .asciz  "second relocated string\n"
        .data
        .balign 8
ptrs:   .dword  msg1
        .dword  msg2
        .dword  double_plus_two
        .dword  ptrs
        .dword  msg2 + 3
jtab:   .dword  case0, case1, case2
