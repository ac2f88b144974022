/* Freestanding: the initial stack at _start (argc, argv, envp, auxv). */
#include "rt.inc"
        .text
        .globl _start
_start:
        mv      s0, sp                  /* s0 = initial sp */
        andi    s7, s0, 15
        PUTS    "sp % 16: "
        PUTHEX  s7
        ld      s1, 0(s0)               /* argc */
        PUTS    "argc: "
        PUTHEX  s1
        /* print argv[1..argc-1] */
        li      s2, 1
1:      bge     s2, s1, 2f
        slli    t0, s2, 3
        add     t0, t0, s0
        ld      a0, 8(t0)
        call    rt_puts
        PUTS    "\n"
        addi    s2, s2, 1
        j       1b
2:      slli    t0, s1, 3
        add     t0, t0, s0
        ld      s7, 8(t0)               /* argv[argc] */
        PUTS    "argv[argc] (0): "
        PUTHEX  s7
        /* envp starts after argv's NULL */
        slli    t0, s1, 3
        add     s3, s0, t0
        addi    s3, s3, 16              /* &envp[0] */
        li      s4, 0
3:      ld      t1, 0(s3)
        beqz    t1, 4f
        addi    s4, s4, 1
        addi    s3, s3, 8
        j       3b
4:      PUTS    "envc: "
        PUTHEX  s4
        addi    s3, s3, 8               /* auxv */
        li      s5, 0                   /* flags: 1 PAGESZ ok, 2 ENTRY ok, 4 PHENT ok, 8 RANDOM nonnull, 16 EXECFN==argv[0] */
        li      s6, 0                   /* auxv entries */
5:      ld      t1, 0(s3)               /* a_type */
        ld      t2, 8(s3)               /* a_val */
        beqz    t1, 9f
        addi    s6, s6, 1
        li      t3, 6                   /* AT_PAGESZ */
        bne     t1, t3, 6f
        li      t4, 4096
        bne     t2, t4, 6f
        ori     s5, s5, 1
6:      li      t3, 9                   /* AT_ENTRY */
        bne     t1, t3, 7f
        lla     t4, _start
        bne     t2, t4, 7f
        ori     s5, s5, 2
7:      li      t3, 4                   /* AT_PHENT */
        bne     t1, t3, 71f
        li      t4, 56
        bne     t2, t4, 71f
        ori     s5, s5, 4
71:     li      t3, 25                  /* AT_RANDOM */
        bne     t1, t3, 72f
        beqz    t2, 72f
        ori     s5, s5, 8
72:     li      t3, 31                  /* AT_EXECFN */
        bne     t1, t3, 8f
        ld      t4, 8(s0)               /* argv[0] */
        bne     t2, t4, 73f             /* same pointer or same string */
        ori     s5, s5, 16
        j       8f
73:     lbu     t5, 0(t2)
        lbu     t6, 0(t4)
        bne     t5, t6, 8f
        addi    t2, t2, 1
        addi    t4, t4, 1
        bnez    t5, 73b
        ori     s5, s5, 16
8:      addi    s3, s3, 16
        j       5b
9:      PUTS    "auxv checks (0x1f = PAGESZ, ENTRY, PHENT, RANDOM, EXECFN): "
        PUTHEX  s5
        li      t0, 10
        slt     s7, t0, s6
        PUTS    "more than 10 auxv entries: "
        PUTHEX  s7
        /* registers other than sp: Linux starts user code with a0 = 0
         * (rtld_fini) but does not promise more, so nothing else printed */
        EXIT    0
