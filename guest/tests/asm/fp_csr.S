/* csrrw/csrrs/csrrc and csrrwi/csrrsi/csrrci on fflags, frm and fcsr.
 * void csr_ops(uint64_t *out): stores 24 observed values in order. */
        .text
        .globl csr_ops
        .type csr_ops, @function
csr_ops:
        csrwi   fcsr, 0
        li      t0, 0x1f
        csrrw   t1, fflags, t0          /* old fflags 0 */
        sd      t1, 0(a0)
        csrr    t1, fflags              /* 0x1f */
        sd      t1, 8(a0)
        csrr    t1, fcsr                /* 0x1f */
        sd      t1, 16(a0)
        csrrci  t1, fflags, 0x5         /* old 0x1f, now 0x1a */
        sd      t1, 24(a0)
        csrr    t1, fflags
        sd      t1, 32(a0)
        csrrsi  t1, frm, 3              /* old frm 0, now 3 */
        sd      t1, 40(a0)
        csrr    t1, fcsr                /* (3<<5)|0x1a = 0x7a */
        sd      t1, 48(a0)
        csrrwi  t1, frm, 1              /* old 3, now RTZ */
        sd      t1, 56(a0)
        li      t0, 0x3f800000          /* 1/3 with dynamic rounding = RTZ */
        fmv.w.x ft0, t0
        li      t0, 0x40400000
        fmv.w.x ft1, t0
        fdiv.s  ft2, ft0, ft1
        fmv.x.w t1, ft2
        sd      t1, 64(a0)
        li      t0, -1
        csrrw   t1, fcsr, t0            /* old: frm=1, flags 0x1a|NX = 0x3b */
        sd      t1, 72(a0)
        csrr    t1, fcsr                /* only 8 bits kept: 0xff */
        sd      t1, 80(a0)
        csrr    t1, frm                 /* 7 */
        sd      t1, 88(a0)
        csrr    t1, fflags              /* 0x1f */
        sd      t1, 96(a0)
        li      t0, 0x22
        csrrc   t1, fcsr, t0            /* old 0xff, now 0xdd */
        sd      t1, 104(a0)
        csrrs   t1, fcsr, zero          /* read without write */
        sd      t1, 112(a0)
        csrrwi  t1, fflags, 0x1e        /* old 0x1d; frm untouched */
        sd      t1, 120(a0)
        csrr    t1, fcsr                /* 0xde */
        sd      t1, 128(a0)
        li      t0, 0xe4
        csrrw   t1, fflags, t0          /* writes only low 5 bits: 0x04 */
        sd      t1, 136(a0)
        csrr    t1, fcsr                /* frm 6 stays, flags 0x04 -> 0xc4 */
        sd      t1, 144(a0)
        li      t0, 0x2a
        csrrw   t1, frm, t0             /* writes only 3 bits: 2 */
        sd      t1, 152(a0)
        csrr    t1, fcsr                /* 0x44 */
        sd      t1, 160(a0)
        fsrmi   t1, 4                   /* pseudo: csrrwi frm */
        sd      t1, 168(a0)
        fsflagsi t1, 3                  /* pseudo: csrrwi fflags */
        sd      t1, 176(a0)
        frcsr   t1                      /* 0x83 */
        sd      t1, 184(a0)
        li      t0, 0x1
        fscsr   t1, t0                  /* old 0x83 */
        sd      t1, 192(a0)
        frrm    t1                      /* 0 */
        sd      t1, 200(a0)
        csrrsi  t1, fflags, 0           /* read-only form, 1 */
        sd      t1, 208(a0)
        csrrci  t1, frm, 0              /* read-only form, 0 */
        sd      t1, 216(a0)
        csrrc   t1, fflags, zero        /* read-only form */
        sd      t1, 224(a0)
        csrwi   fcsr, 0
        csrr    t1, fcsr
        sd      t1, 232(a0)
        ret
        .size csr_ops, . - csr_ops
