/* M-extension division instructions, one function each: a0 op a1. */
        .text
        .macro DEF name, insn
        .globl \name
        .type \name, @function
\name:
        \insn   a0, a0, a1
        ret
        .endm
        DEF rv_div, div
        DEF rv_divu, divu
        DEF rv_rem, rem
        DEF rv_remu, remu
        DEF rv_divw, divw
        DEF rv_divuw, divuw
        DEF rv_remw, remw
        DEF rv_remuw, remuw
        DEF rv_mul, mul
        DEF rv_mulw, mulw
