/* Compressed instructions, written with explicit c.* mnemonics. */
        .option rvc
        .text

/* void rvc_alu(uint64_t *out, uint64_t x, uint64_t y): 24 results in out */
        .globl rvc_alu
        .type rvc_alu, @function
rvc_alu:
        c.li    a3, -32                 /* c.li min imm */
        c.sd    a3, 0(a0)
        c.li    a3, 31
        c.sd    a3, 8(a0)
        c.lui   a3, 0xfffe0             /* c.lui negative: -0x20000 */
        c.sd    a3, 16(a0)
        c.lui   a3, 0x1f
        c.sd    a3, 24(a0)
        c.mv    a3, a1
        c.addi  a3, -1
        c.sd    a3, 32(a0)
        c.mv    a3, a1
        c.addiw a3, 1                   /* sign-extends 32-bit result */
        c.sd    a3, 40(a0)
        c.mv    a3, a1
        c.slli  a3, 63
        c.sd    a3, 48(a0)
        c.mv    a3, a1
        c.srli  a3, 33
        c.sd    a3, 56(a0)
        c.mv    a3, a1
        c.srai  a3, 60
        c.sd    a3, 64(a0)
        c.mv    a3, a1
        c.andi  a3, -13
        c.sd    a3, 72(a0)
        c.mv    a3, a1
        c.add   a3, a2
        c.sd    a3, 80(a0)
        c.mv    a3, a1
        c.sub   a3, a2
        c.sd    a3, 88(a0)
        c.mv    a3, a1
        c.xor   a3, a2
        c.sd    a3, 96(a0)
        c.mv    a3, a1
        c.or    a3, a2
        c.sd    a3, 104(a0)
        c.mv    a3, a1
        c.and   a3, a2
        c.sd    a3, 112(a0)
        c.mv    a3, a1
        c.addw  a3, a2
        c.sd    a3, 120(a0)
        c.mv    a3, a1
        c.subw  a3, a2
        c.sd    a3, 128(a0)
        c.li    a4, 0
        c.addiw a4, 0                   /* sext.w of 0 */
        c.sd    a4, 136(a0)
        c.mv    t0, a1                  /* full registers (non-prime) */
        c.add   t0, t0
        c.addi  t0, 7
        c.slli  t0, 4
        mv      a3, t0
        c.sd    a3, 144(a0)
        c.nop
        c.li    a5, 1
        c.slli  a5, 1
        c.sd    a5, 152(a0)
        ret
        .size rvc_alu, . - rvc_alu

/* void rvc_mem(uint64_t *out, uint64_t *buf): loads/stores incl. sp-relative and FP */
        .globl rvc_mem
        .type rvc_mem, @function
rvc_mem:
        c.addi16sp sp, -64
        c.addi4spn a2, sp, 16           /* a2 = sp + 16 */
        c.ld    a3, 0(a1)
        c.sd    a3, 0(a0)               /* copy of buf[0] */
        c.lw    a4, 8(a1)               /* sign-extended word */
        c.sd    a4, 8(a0)
        c.lw    a4, 12(a1)
        c.sd    a4, 16(a0)
        c.sw    a3, 4(a2)               /* store low word of buf[0] at sp+20 */
        c.lw    a5, 4(a2)
        c.sd    a5, 24(a0)
        c.sdsp  a3, 0(sp)
        c.swsp  a1, 8(sp)               /* low half of the pointer, sp+8 */
        c.ldsp  a4, 0(sp)
        c.sd    a4, 32(a0)
        c.lwsp  a5, 8(sp)
        sub     a5, a5, a1              /* (sext low32(p)) - p: depends only on bit 31..63 */
        c.slli  a5, 32                  /* keep just the low word difference: always 0 */
        c.sd    a5, 40(a0)
        c.fld   fa5, 16(a1)
        c.fsd   fa5, 48(a0)
        c.fsdsp fa5, 32(sp)
        c.fldsp fa4, 32(sp)
        fadd.d  fa4, fa4, fa5
        c.fsd   fa4, 56(a0)
        c.mv    a3, sp
        sub     a3, a2, a3              /* addi4spn offset: 16 */
        c.sd    a3, 64(a0)
        c.addi16sp sp, 64
        ret
        .size rvc_mem, . - rvc_mem

/* uint64_t rvc_ctl(uint64_t x): popcount with c.beqz/c.bnez/c.j, plus
 * c.jalr/c.jr into a helper. */
        .globl rvc_ctl
        .type rvc_ctl, @function
rvc_ctl:
        c.mv    a2, ra
        c.li    a1, 0
1:      c.beqz  a0, 3f
        c.mv    a3, a0
        c.andi  a3, 1
        c.beqz  a3, 2f
        c.addi  a1, 1
2:      c.srli  a0, 1
        c.j     1b
3:      lla     t0, rvc_helper
        c.mv    a0, a1
        c.jalr  t0                      /* a0 = a0 * 4 + 1 */
        c.mv    ra, a2
        c.bnez  a0, 4f
        c.li    a0, -1
4:      c.jr    ra
        .size rvc_ctl, . - rvc_ctl

rvc_helper:
        c.slli  a0, 2
        c.addi  a0, 1
        c.jr    ra
