package org.subcons.hart;

/**
 * Operation numbers of decoded instructions. Dense from 0 so the interpreter's switch
 * compiles to a tableswitch; DECODE (0) marks a slot not yet decoded. The first FP
 * arithmetic op is {@link #FIRST_FP}: everything from there on is executed out of line.
 */
public final class Op {
    public static final int DECODE = 0;
    public static final int ILLEGAL = 1;
    public static final int PAGE_END = 2;
    public static final int STRADDLE = 3;
    public static final int LUI = 4;
    public static final int AUIPC = 5;
    public static final int JAL = 6;
    public static final int JALR = 7;
    public static final int BEQ = 8;
    public static final int BNE = 9;
    public static final int BLT = 10;
    public static final int BGE = 11;
    public static final int BLTU = 12;
    public static final int BGEU = 13;
    public static final int LB = 14;
    public static final int LH = 15;
    public static final int LW = 16;
    public static final int LD = 17;
    public static final int LBU = 18;
    public static final int LHU = 19;
    public static final int LWU = 20;
    public static final int SB = 21;
    public static final int SH = 22;
    public static final int SW = 23;
    public static final int SD = 24;
    public static final int ADDI = 25;
    public static final int SLTI = 26;
    public static final int SLTIU = 27;
    public static final int XORI = 28;
    public static final int ORI = 29;
    public static final int ANDI = 30;
    public static final int SLLI = 31;
    public static final int SRLI = 32;
    public static final int SRAI = 33;
    public static final int ADD = 34;
    public static final int SUB = 35;
    public static final int SLL = 36;
    public static final int SLT = 37;
    public static final int SLTU = 38;
    public static final int XOR = 39;
    public static final int SRL = 40;
    public static final int SRA = 41;
    public static final int OR = 42;
    public static final int AND = 43;
    public static final int ADDIW = 44;
    public static final int SLLIW = 45;
    public static final int SRLIW = 46;
    public static final int SRAIW = 47;
    public static final int ADDW = 48;
    public static final int SUBW = 49;
    public static final int SLLW = 50;
    public static final int SRLW = 51;
    public static final int SRAW = 52;
    public static final int MUL = 53;
    public static final int MULH = 54;
    public static final int MULHSU = 55;
    public static final int MULHU = 56;
    public static final int DIV = 57;
    public static final int DIVU = 58;
    public static final int REM = 59;
    public static final int REMU = 60;
    public static final int MULW = 61;
    public static final int DIVW = 62;
    public static final int DIVUW = 63;
    public static final int REMW = 64;
    public static final int REMUW = 65;
    public static final int FLW = 66;
    public static final int FLD = 67;
    public static final int FSW = 68;
    public static final int FSD = 69;
    public static final int LI = 70;
    public static final int MV = 71;
    public static final int NOP = 72;
    public static final int J = 73;
    public static final int FENCE = 74;
    public static final int FENCE_I = 75;
    public static final int ECALL = 76;
    public static final int EBREAK = 77;
    public static final int CSRRW = 78;
    public static final int CSRRS = 79;
    public static final int CSRRC = 80;
    public static final int CSRRWI = 81;
    public static final int CSRRSI = 82;
    public static final int CSRRCI = 83;
    public static final int LR_W = 84;
    public static final int SC_W = 85;
    public static final int LR_D = 86;
    public static final int SC_D = 87;
    public static final int AMOSWAP_W = 88;
    public static final int AMOADD_W = 89;
    public static final int AMOXOR_W = 90;
    public static final int AMOAND_W = 91;
    public static final int AMOOR_W = 92;
    public static final int AMOMIN_W = 93;
    public static final int AMOMAX_W = 94;
    public static final int AMOMINU_W = 95;
    public static final int AMOMAXU_W = 96;
    public static final int AMOSWAP_D = 97;
    public static final int AMOADD_D = 98;
    public static final int AMOXOR_D = 99;
    public static final int AMOAND_D = 100;
    public static final int AMOOR_D = 101;
    public static final int AMOMIN_D = 102;
    public static final int AMOMAX_D = 103;
    public static final int AMOMINU_D = 104;
    public static final int AMOMAXU_D = 105;
    public static final int FMADD_S = 106;
    public static final int FMSUB_S = 107;
    public static final int FNMSUB_S = 108;
    public static final int FNMADD_S = 109;
    public static final int FMADD_D = 110;
    public static final int FMSUB_D = 111;
    public static final int FNMSUB_D = 112;
    public static final int FNMADD_D = 113;
    public static final int FADD_S = 114;
    public static final int FSUB_S = 115;
    public static final int FMUL_S = 116;
    public static final int FDIV_S = 117;
    public static final int FSQRT_S = 118;
    public static final int FSGNJ_S = 119;
    public static final int FSGNJN_S = 120;
    public static final int FSGNJX_S = 121;
    public static final int FMIN_S = 122;
    public static final int FMAX_S = 123;
    public static final int FCVT_W_S = 124;
    public static final int FCVT_WU_S = 125;
    public static final int FCVT_L_S = 126;
    public static final int FCVT_LU_S = 127;
    public static final int FMV_X_W = 128;
    public static final int FEQ_S = 129;
    public static final int FLT_S = 130;
    public static final int FLE_S = 131;
    public static final int FCLASS_S = 132;
    public static final int FCVT_S_W = 133;
    public static final int FCVT_S_WU = 134;
    public static final int FCVT_S_L = 135;
    public static final int FCVT_S_LU = 136;
    public static final int FMV_W_X = 137;
    public static final int FADD_D = 138;
    public static final int FSUB_D = 139;
    public static final int FMUL_D = 140;
    public static final int FDIV_D = 141;
    public static final int FSQRT_D = 142;
    public static final int FSGNJ_D = 143;
    public static final int FSGNJN_D = 144;
    public static final int FSGNJX_D = 145;
    public static final int FMIN_D = 146;
    public static final int FMAX_D = 147;
    public static final int FCVT_W_D = 148;
    public static final int FCVT_WU_D = 149;
    public static final int FCVT_L_D = 150;
    public static final int FCVT_LU_D = 151;
    public static final int FMV_X_D = 152;
    public static final int FEQ_D = 153;
    public static final int FLT_D = 154;
    public static final int FLE_D = 155;
    public static final int FCLASS_D = 156;
    public static final int FCVT_D_W = 157;
    public static final int FCVT_D_WU = 158;
    public static final int FCVT_D_L = 159;
    public static final int FCVT_D_LU = 160;
    public static final int FMV_D_X = 161;
    public static final int FCVT_S_D = 162;
    public static final int FCVT_D_S = 163;
    public static final int ENTER_UNIT = FCVT_D_S + 1;
    public static final int COUNT = 165;
    public static final int FIRST_FP = FMADD_S;

    private static final String[] NAMES = {
        "decode", "illegal", "page.end", "straddle", "lui", "auipc", "jal", "jalr",
        "beq", "bne", "blt", "bge", "bltu", "bgeu", "lb", "lh",
        "lw", "ld", "lbu", "lhu", "lwu", "sb", "sh", "sw",
        "sd", "addi", "slti", "sltiu", "xori", "ori", "andi", "slli",
        "srli", "srai", "add", "sub", "sll", "slt", "sltu", "xor",
        "srl", "sra", "or", "and", "addiw", "slliw", "srliw", "sraiw",
        "addw", "subw", "sllw", "srlw", "sraw", "mul", "mulh", "mulhsu",
        "mulhu", "div", "divu", "rem", "remu", "mulw", "divw", "divuw",
        "remw", "remuw", "flw", "fld", "fsw", "fsd", "li", "mv",
        "nop", "j", "fence", "fence.i", "ecall", "ebreak", "csrrw", "csrrs",
        "csrrc", "csrrwi", "csrrsi", "csrrci", "lr.w", "sc.w", "lr.d", "sc.d",
        "amoswap.w", "amoadd.w", "amoxor.w", "amoand.w", "amoor.w", "amomin.w", "amomax.w", "amominu.w",
        "amomaxu.w", "amoswap.d", "amoadd.d", "amoxor.d", "amoand.d", "amoor.d", "amomin.d", "amomax.d",
        "amominu.d", "amomaxu.d", "fmadd.s", "fmsub.s", "fnmsub.s", "fnmadd.s", "fmadd.d", "fmsub.d",
        "fnmsub.d", "fnmadd.d", "fadd.s", "fsub.s", "fmul.s", "fdiv.s", "fsqrt.s", "fsgnj.s",
        "fsgnjn.s", "fsgnjx.s", "fmin.s", "fmax.s", "fcvt.w.s", "fcvt.wu.s", "fcvt.l.s", "fcvt.lu.s",
        "fmv.x.w", "feq.s", "flt.s", "fle.s", "fclass.s", "fcvt.s.w", "fcvt.s.wu", "fcvt.s.l",
        "fcvt.s.lu", "fmv.w.x", "fadd.d", "fsub.d", "fmul.d", "fdiv.d", "fsqrt.d", "fsgnj.d",
        "fsgnjn.d", "fsgnjx.d", "fmin.d", "fmax.d", "fcvt.w.d", "fcvt.wu.d", "fcvt.l.d", "fcvt.lu.d",
        "fmv.x.d", "feq.d", "flt.d", "fle.d", "fclass.d", "fcvt.d.w", "fcvt.d.wu", "fcvt.d.l",
        "fcvt.d.lu", "fmv.d.x", "fcvt.s.d", "fcvt.d.s", "enter.unit",
    };

    private Op() {
    }

    public static String name(int op) {
        return op >= 0 && op < NAMES.length ? NAMES[op] : "op" + op;
    }
}
