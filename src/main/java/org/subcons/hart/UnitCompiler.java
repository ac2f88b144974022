package org.subcons.hart;

import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_byte;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a {@link Region} into the bytecode of a {@link CompiledUnit}: guest registers
 * become JVM locals (loaded on entry, written back on every exit), jumps inside the region
 * become gotos (so loops stay in compiled code), loads and stores take the TLB fast path
 * inline and call the MMU's slow path on a miss, and every exit goes through one epilogue.
 * Instructions are counted exactly; the budget is checked on every jump inside the unit.
 */
final class UnitCompiler {
    private static final ClassDesc CD_UNIT = ClassDesc.of(CompiledUnit.class.getName());
    private static final ClassDesc CD_HART = ClassDesc.of(Hart.class.getName());
    private static final ClassDesc CD_MMU = ClassDesc.of(Mmu.class.getName());
    private static final ClassDesc CD_TLB = ClassDesc.of(Tlb.class.getName());
    private static final ClassDesc CD_FPU = ClassDesc.of(Fpu.class.getName());
    private static final ClassDesc CD_RT = ClassDesc.of(UnitRuntime.class.getName());
    private static final ClassDesc CD_LONGS = CD_long.arrayType();
    private static final ClassDesc CD_BYTES2 = CD_byte.arrayType().arrayType();
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_int, CD_HART, CD_long, CD_int, CD_int);

    // Local variable slots.
    private static final int THIS = 0, H = 1, BASE = 2, ENTRY = 4, BUDGET = 5, ICOUNT = 6, X = 7, F = 8, RTAG = 9,
            RDATA = 10, WTAG = 11, WDATA = 12, FPU = 13, MMU = 14, NPC = 15, NCODE = 17, TVA = 18, TI = 20, TV = 21,
            TMASK = 23, REG0 = 24;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final Region region;
    private final boolean[] written = new boolean[33];
    private final boolean[] used = new boolean[33];
    private final Label[] labels = new Label[DecodedPage.SLOTS];
    private Label exit;
    /** The entry switch: jumps to the slot in ENTRY (a jalr back into the page re-enters here). */
    private Label dispatch;

    private UnitCompiler(Region region) {
        this.region = region;
    }

    /** HotSpot does not compile methods with more bytecode than this (HugeMethodLimit). */
    static final int HOTSPOT_LIMIT = 8000;

    /** The class file of a unit for {@code region}. */
    static byte[] generate(Region region) {
        return new UnitCompiler(region).generate();
    }

    /** The length of the bytecode of the unit's run method in a class file from {@link #generate}. */
    static int codeLength(byte[] classFile) {
        for (var m : ClassFile.of().parse(classFile).methods()) {
            if (m.methodName().equalsString("run")) return m.findAttribute(java.lang.classfile.Attributes.code()).orElseThrow().codeLength();
        }
        return Integer.MAX_VALUE;
    }

    /** Makes the unit (a new hidden class) from a class file from {@link #generate}. */
    static CompiledUnit define(byte[] classFile) throws ReflectiveOperationException {
        Class<?> c = LOOKUP.defineHiddenClass(classFile, true).lookupClass();
        return (CompiledUnit) c.getDeclaredConstructor().newInstance();
    }

    private byte[] generate() {
        scanRegisters();
        return ClassFile.of().build(ClassDesc.of(Hart.class.getPackageName() + ".Unit"), cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withSuperclass(CD_UNIT);
            cb.withMethodBody("<init>", MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, c -> {
                c.aload(0);
                c.invokespecial(CD_UNIT, "<init>", MethodTypeDesc.of(CD_void));
                c.return_();
            });
            cb.withMethodBody("run", RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, this::body);
        });
    }

    private void scanRegisters() {
        for (int s = 0; s < DecodedPage.SLOTS; s++) {
            if (!region.included[s]) continue;
            long d = region.decoded[s];
            int op = Decoded.op(d);
            if (Region.isFpCsr(d)) {
                if (op <= Op.CSRRC) used[Decoded.rs1(d)] = true;
                written[Decoded.rd(d)] = used[Decoded.rd(d)] = true;
                continue;
            }
            if (op >= Op.FIRST_FP) {
                if (FpForms.readsInt(op)) used[Decoded.rs1(d)] = true;
                if (FpForms.writesInt(op)) written[Decoded.rd(d)] = used[Decoded.rd(d)] = true;
                continue;
            }
            used[Decoded.rs1(d)] = used[Decoded.rs2(d)] = true;
            if (writesRd(op)) written[Decoded.rd(d)] = used[Decoded.rd(d)] = true;
        }
        used[0] = written[0] = false;
        used[Decoder.SINK] = written[Decoder.SINK] = false;
    }

    private static boolean writesRd(int op) {
        return !(op >= Op.BEQ && op <= Op.BGEU) && !(op >= Op.SB && op <= Op.SD) && op != Op.FLW && op != Op.FLD
                && op != Op.FSW && op != Op.FSD && op != Op.NOP && op != Op.J;
    }

    private static int reg(int r) {
        return REG0 + 2 * (r - 1);
    }

    // ---- method body ------------------------------------------------------------------

    private void body(CodeBuilder c) {
        exit = c.newLabel();
        for (int s = 0; s < DecodedPage.SLOTS; s++) if (region.included[s]) labels[s] = c.newLabel();
        prologue(c);
        List<SwitchCase> cases = new ArrayList<>();
        for (int s : region.entrySlots()) cases.add(SwitchCase.of(s, labels[s]));
        Label bad = c.newLabel();
        dispatch = c.newLabel();
        c.labelBinding(dispatch);
        c.iload(ENTRY);
        c.tableswitch(bad, cases);
        for (int s = 0; s < DecodedPage.SLOTS; s++) {
            if (!region.included[s]) continue;
            c.labelBinding(labels[s]);
            instruction(c, s, region.decoded[s]);
        }
        // Not an entry (cannot happen): continue in the interpreter where we are.
        c.labelBinding(bad);
        c.lload(BASE);
        c.iload(ENTRY);
        c.i2l();
        c.loadConstant(1);
        c.lshl();
        c.ladd();
        c.lstore(NPC);
        c.loadConstant(CompiledUnit.CONTINUE);
        c.istore(NCODE);
        c.goto_(exit);
        epilogue(c);
    }

    private void prologue(CodeBuilder c) {
        c.iconst_0();
        c.istore(ICOUNT);
        c.aload(H);
        c.getfield(CD_HART, "x", CD_LONGS);
        c.astore(X);
        c.aload(H);
        c.getfield(CD_HART, "f", CD_LONGS);
        c.astore(F);
        c.aload(H);
        c.getfield(CD_HART, "fpu", CD_FPU);
        c.astore(FPU);
        c.aload(H);
        c.getfield(CD_HART, "mmu", CD_MMU);
        c.astore(MMU);
        c.aload(MMU);
        c.getfield(CD_MMU, "tlb", CD_TLB);
        c.dup();
        c.getfield(CD_TLB, "rTag", CD_LONGS);
        c.astore(RTAG);
        c.dup();
        c.getfield(CD_TLB, "rData", CD_BYTES2);
        c.astore(RDATA);
        c.dup();
        c.getfield(CD_TLB, "wTag", CD_LONGS);
        c.astore(WTAG);
        c.dup();
        c.getfield(CD_TLB, "mask", CD_int);
        c.istore(TMASK);
        c.getfield(CD_TLB, "wData", CD_BYTES2);
        c.astore(WDATA);
        c.lconst_0();
        c.lstore(NPC);
        c.iconst_0();
        c.istore(NCODE);
        c.lconst_0();
        c.lstore(TVA);
        c.iconst_0();
        c.istore(TI);
        c.lconst_0();
        c.lstore(TV);
        for (int r = 1; r < 32; r++) {
            if (!used[r]) continue;
            c.aload(X);
            c.loadConstant(r);
            c.laload();
            c.lstore(reg(r));
        }
    }

    private void epilogue(CodeBuilder c) {
        c.labelBinding(exit);
        for (int r = 1; r < 32; r++) {
            if (!written[r]) continue;
            c.aload(X);
            c.loadConstant(r);
            c.lload(reg(r));
            c.lastore();
        }
        c.aload(H);
        c.lload(NPC);
        c.putfield(CD_HART, "pc", CD_long);
        c.aload(H);
        c.iload(ICOUNT);
        c.putfield(CD_HART, "unitCount", CD_int);
        c.iload(NCODE);
        c.ireturn();
    }

    // ---- helpers ----------------------------------------------------------------------

    private static void load(CodeBuilder c, int r) {
        if (r == 0) c.lconst_0();
        else c.lload(reg(r));
    }

    private static void store(CodeBuilder c, int rd) {
        if (rd == 0 || rd == Decoder.SINK) c.pop2();
        else c.lstore(reg(rd));
    }

    /** Pushes base + byte offset: a guest address in this page. */
    private static void pcPlus(CodeBuilder c, int slot, long delta) {
        c.lload(BASE);
        c.loadConstant(slot * 2L + delta);
        c.ladd();
    }

    /** Exit with npc (already on the stack as a long) and a code; {@code retired} says whether this insn counts. */
    private void exitWith(CodeBuilder c, int code, boolean retired) {
        c.lstore(NPC);
        if (!retired) c.iinc(ICOUNT, -1);
        c.loadConstant(code);
        c.istore(NCODE);
        c.goto_(exit);
    }

    /** Continue at byte offset {@code target} of the page: a goto when it is in the unit. */
    private void jumpTo(CodeBuilder c, long targetOffset) {
        int slot = (int) (targetOffset >>> 1);
        if (targetOffset >= 0 && targetOffset < 4096 && labels[slot] != null && region.entry[slot]) {
            // Budget check on every jump inside the unit, so loops come back to the dispatcher.
            Label go = c.newLabel();
            c.iload(ICOUNT);
            c.iload(BUDGET);
            c.if_icmplt(go);
            c.lload(BASE);
            c.loadConstant(targetOffset);
            c.ladd();
            exitWith(c, CompiledUnit.CONTINUE, true);
            c.labelBinding(go);
            c.goto_(labels[slot]);
        } else {
            c.lload(BASE);
            c.loadConstant(targetOffset);
            c.ladd();
            exitWith(c, CompiledUnit.CONTINUE, true);
        }
    }

    /**
     * A jalr to the address in TVA: if it lies in this page (a return to the caller, a jump
     * table) the entry switch takes it, so calls and returns inside the page stay in the
     * unit; anything else leaves. The budget is checked as for any jump.
     */
    private void jumpIndirect(CodeBuilder c) {
        Label leave = c.newLabel();
        c.lload(TVA);
        c.lload(BASE);
        c.lsub();
        c.dup2();
        c.loadConstant(12);
        c.lushr();
        c.lconst_0();
        c.lcmp();
        Label inPage = c.newLabel();
        c.ifeq(inPage);
        c.pop2();
        c.goto_(leave);
        c.labelBinding(inPage);
        c.loadConstant(1);
        c.lushr();
        c.l2i();
        c.istore(ENTRY);
        c.iload(ICOUNT);
        c.iload(BUDGET);
        c.if_icmplt(dispatch);
        c.labelBinding(leave);
        c.lload(TVA);
        exitWith(c, CompiledUnit.CONTINUE, true);
    }

    /** Falls through to the next instruction, or leaves the unit there. */
    private void next(CodeBuilder c, int slot, long d) {
        int nextSlot = slot + Decoded.len(d) / 2;
        if (nextSlot < DecodedPage.SLOTS && region.included[nextSlot]) return;   // the next label follows
        pcPlus(c, slot, Decoded.len(d));
        exitWith(c, CompiledUnit.CONTINUE, true);
    }

    // ---- instructions -----------------------------------------------------------------

    private void instruction(CodeBuilder c, int s, long d) {
        int op = Decoded.op(d), rd = Decoded.rd(d), rs1 = Decoded.rs1(d), rs2 = Decoded.rs2(d);
        long imm = Decoded.imm(d);
        c.iinc(ICOUNT, 1);
        switch (op) {
            case Op.LUI, Op.LI -> { c.loadConstant(imm); store(c, rd); }
            case Op.AUIPC -> { pcPlus(c, s, imm); store(c, rd); }
            case Op.MV -> { load(c, rs1); store(c, rd); }
            case Op.NOP -> { }
            case Op.ADDI -> aluImm(c, rd, rs1, imm, CodeBuilder::ladd);
            case Op.XORI -> aluImm(c, rd, rs1, imm, CodeBuilder::lxor);
            case Op.ORI -> aluImm(c, rd, rs1, imm, CodeBuilder::lor);
            case Op.ANDI -> aluImm(c, rd, rs1, imm, CodeBuilder::land);
            case Op.SLTI -> { load(c, rs1); c.loadConstant(imm); compare(c, false); store(c, rd); }
            case Op.SLTIU -> { load(c, rs1); c.loadConstant(imm); compare(c, true); store(c, rd); }
            case Op.SLLI -> shiftImm(c, rd, rs1, (int) imm, CodeBuilder::lshl);
            case Op.SRLI -> shiftImm(c, rd, rs1, (int) imm, CodeBuilder::lushr);
            case Op.SRAI -> shiftImm(c, rd, rs1, (int) imm, CodeBuilder::lshr);
            case Op.ADD -> alu(c, rd, rs1, rs2, CodeBuilder::ladd);
            case Op.SUB -> alu(c, rd, rs1, rs2, CodeBuilder::lsub);
            case Op.XOR -> alu(c, rd, rs1, rs2, CodeBuilder::lxor);
            case Op.OR -> alu(c, rd, rs1, rs2, CodeBuilder::lor);
            case Op.AND -> alu(c, rd, rs1, rs2, CodeBuilder::land);
            case Op.MUL -> alu(c, rd, rs1, rs2, CodeBuilder::lmul);
            case Op.SLL -> shift(c, rd, rs1, rs2, CodeBuilder::lshl);
            case Op.SRL -> shift(c, rd, rs1, rs2, CodeBuilder::lushr);
            case Op.SRA -> shift(c, rd, rs1, rs2, CodeBuilder::lshr);
            case Op.SLT -> { load(c, rs1); load(c, rs2); compare(c, false); store(c, rd); }
            case Op.SLTU -> { load(c, rs1); load(c, rs2); compare(c, true); store(c, rd); }
            case Op.ADDIW -> { load(c, rs1); c.loadConstant(imm); c.ladd(); c.l2i(); c.i2l(); store(c, rd); }
            case Op.SLLIW -> wordShiftImm(c, rd, rs1, (int) imm, CodeBuilder::ishl);
            case Op.SRLIW -> wordShiftImm(c, rd, rs1, (int) imm, CodeBuilder::iushr);
            case Op.SRAIW -> wordShiftImm(c, rd, rs1, (int) imm, CodeBuilder::ishr);
            case Op.ADDW -> { alu32(c, rs1, rs2, CodeBuilder::ladd); store(c, rd); }
            case Op.SUBW -> { alu32(c, rs1, rs2, CodeBuilder::lsub); store(c, rd); }
            case Op.MULW -> { alu32(c, rs1, rs2, CodeBuilder::lmul); store(c, rd); }
            case Op.SLLW -> wordShift(c, rd, rs1, rs2, CodeBuilder::ishl);
            case Op.SRLW -> wordShift(c, rd, rs1, rs2, CodeBuilder::iushr);
            case Op.SRAW -> wordShift(c, rd, rs1, rs2, CodeBuilder::ishr);
            case Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW -> {
                c.loadConstant(op);
                load(c, rs1);
                load(c, rs2);
                c.invokestatic(ClassDesc.of(IntOps.class.getName()), "muldiv", MethodTypeDesc.of(CD_long, CD_int, CD_long, CD_long));
                store(c, rd);
            }
            case Op.JAL -> { pcPlus(c, s, Decoded.len(d)); store(c, rd); jumpTo(c, s * 2L + imm); return; }
            case Op.J -> { jumpTo(c, s * 2L + imm); return; }
            case Op.JALR -> {
                load(c, rs1);
                c.loadConstant(imm);
                c.ladd();
                c.loadConstant(~1L);
                c.land();
                c.lstore(TVA);
                pcPlus(c, s, Decoded.len(d));
                store(c, rd);
                jumpIndirect(c);
                return;
            }
            case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> { branch(c, s, d, op, rs1, rs2, imm); return; }
            case Op.LB, Op.LH, Op.LW, Op.LD, Op.LBU, Op.LHU, Op.LWU, Op.FLW, Op.FLD -> loadInsn(c, s, op, rd, rs1, imm);
            case Op.SB, Op.SH, Op.SW, Op.SD, Op.FSW, Op.FSD -> storeInsn(c, s, op, rs1, rs2, imm);
            case Op.CSRRW, Op.CSRRS, Op.CSRRC, Op.CSRRWI, Op.CSRRSI, Op.CSRRCI -> fpCsr(c, s, d, op);
            default -> fp(c, s, d, op);
        }
        next(c, s, d);
    }

    /** An fflags/frm/fcsr access through the interpreter's CSR code, with its registers synchronised. */
    private void fpCsr(CodeBuilder c, int s, long d, int op) {
        int rs1 = Decoded.rs1(d), rd = Decoded.rd(d), csr = Decoded.imm(d) & 0xfff;
        boolean readOnly = (op == Op.CSRRS || op == Op.CSRRC || op == Op.CSRRSI || op == Op.CSRRCI) && rs1 == 0;
        ClassDesc ops = ClassDesc.of(Ops.class.getName());
        if ((csr == 0x8c0 || csr == 0xcc0) && readOnly) {        // csrr rd, sctls/scid: every server entry
            c.aload(H);
            c.invokestatic(ops, csr == 0x8c0 ? "readSctls" : "readScid", MethodTypeDesc.of(CD_long, CD_HART));
            store(c, rd);
            return;
        }
        if (csr == 0x8c0 && op == Op.CSRRW && rd == Decoder.SINK) {  // csrw sctls, rs1
            c.aload(H);
            load(c, rs1);
            c.invokestatic(ops, "writeSctls", MethodTypeDesc.of(CD_void, CD_HART, CD_long));
            return;
        }
        if (op <= Op.CSRRC && rs1 != 0) syncOut(c, rs1);
        callOutOfLine(c, s, d, ClassDesc.of(Ops.class.getName()));
        if (rd != Decoder.SINK) syncIn(c, rd);
    }

    /** Writes a register's local to the hart (before out-of-line code reads it). */
    private static void syncOut(CodeBuilder c, int r) {
        c.aload(X);
        c.loadConstant(r);
        c.lload(reg(r));
        c.lastore();
    }

    /** Reloads a register's local from the hart (after out-of-line code wrote it). */
    private static void syncIn(CodeBuilder c, int r) {
        c.aload(X);
        c.loadConstant(r);
        c.laload();
        c.lstore(reg(r));
    }

    /** Calls {@code owner.exec(Hart, long)}; leaves the unit at this instruction unless it returns NEXT. */
    private void callOutOfLine(CodeBuilder c, int s, long d, ClassDesc owner) {
        Label ok = c.newLabel();
        c.aload(H);
        c.loadConstant(d);
        c.invokestatic(owner, "exec", MethodTypeDesc.of(CD_int, CD_HART, CD_long));
        c.dup();
        c.istore(NCODE);
        c.loadConstant(Ops.NEXT);
        c.if_icmpeq(ok);
        c.lload(BASE);
        c.loadConstant(s * 2L);
        c.ladd();
        c.lstore(NPC);
        c.iinc(ICOUNT, -1);
        c.goto_(exit);
        c.labelBinding(ok);
    }

    interface Emit {
        void emit(CodeBuilder c);
    }

    private static void aluImm(CodeBuilder c, int rd, int rs1, long imm, Emit op) {
        load(c, rs1);
        c.loadConstant(imm);
        op.emit(c);
        store(c, rd);
    }

    private static void alu(CodeBuilder c, int rd, int rs1, int rs2, Emit op) {
        load(c, rs1);
        load(c, rs2);
        op.emit(c);
        store(c, rd);
    }

    private static void alu32(CodeBuilder c, int rs1, int rs2, Emit op) {
        load(c, rs1);
        load(c, rs2);
        op.emit(c);
        c.l2i();
        c.i2l();
    }

    private static void shiftImm(CodeBuilder c, int rd, int rs1, int sh, Emit op) {
        load(c, rs1);
        c.loadConstant(sh);
        op.emit(c);
        store(c, rd);
    }

    private static void shift(CodeBuilder c, int rd, int rs1, int rs2, Emit op) {
        load(c, rs1);
        load(c, rs2);
        c.l2i();
        op.emit(c);
        store(c, rd);
    }

    private static void wordShiftImm(CodeBuilder c, int rd, int rs1, int sh, Emit op) {
        load(c, rs1);
        c.l2i();
        c.loadConstant(sh);
        op.emit(c);
        c.i2l();
        store(c, rd);
    }

    private static void wordShift(CodeBuilder c, int rd, int rs1, int rs2, Emit op) {
        load(c, rs1);
        c.l2i();
        load(c, rs2);
        c.l2i();
        op.emit(c);
        c.i2l();
        store(c, rd);
    }

    /** Two longs on the stack → 1L if the first is less (signed or unsigned), else 0L. */
    private static void compare(CodeBuilder c, boolean unsigned) {
        if (unsigned) c.invokestatic(ClassDesc.of(Long.class.getName()), "compareUnsigned", MethodTypeDesc.of(CD_int, CD_long, CD_long));
        else c.lcmp();
        c.loadConstant(31);
        c.iushr();
        c.i2l();
    }

    private void branch(CodeBuilder c, int s, long d, int op, int rs1, int rs2, long imm) {
        Label taken = c.newLabel();
        load(c, rs1);
        load(c, rs2);
        if (op == Op.BLTU || op == Op.BGEU) {
            c.invokestatic(ClassDesc.of(Long.class.getName()), "compareUnsigned", MethodTypeDesc.of(CD_int, CD_long, CD_long));
        } else {
            c.lcmp();
        }
        switch (op) {
            case Op.BEQ -> c.ifeq(taken);
            case Op.BNE -> c.ifne(taken);
            case Op.BLT, Op.BLTU -> c.iflt(taken);
            default -> c.ifge(taken);
        }
        next(c, s, d);
        int nextSlot = s + Decoded.len(d) / 2;
        if (nextSlot < DecodedPage.SLOTS && region.included[nextSlot]) c.goto_(labels[nextSlot]);
        c.labelBinding(taken);
        jumpTo(c, s * 2L + imm);
    }

    // ---- memory -----------------------------------------------------------------------

    private static int size(int op) {
        return switch (op) {
            case Op.LB, Op.LBU, Op.SB -> 1;
            case Op.LH, Op.LHU, Op.SH -> 2;
            case Op.LW, Op.LWU, Op.SW, Op.FLW, Op.FSW -> 4;
            default -> 8;
        };
    }

    /** va = x[rs1] + imm into TVA; TLB index into TI. */
    private static void address(CodeBuilder c, int rs1, long imm) {
        load(c, rs1);
        c.loadConstant(imm);
        c.ladd();
        c.dup2();
        c.lstore(TVA);
        c.loadConstant(12);
        c.lushr();
        c.l2i();
        c.iload(TMASK);
        c.iand();
        c.istore(TI);
    }

    /** Jumps to {@code slow} unless the TLB entry matches and the access stays in the page. */
    private static void tlbCheck(CodeBuilder c, int tagSlot, int size, Label slow) {
        c.aload(tagSlot);
        c.iload(TI);
        c.laload();
        c.lload(TVA);
        c.loadConstant(12);
        c.lushr();
        c.lcmp();
        c.ifne(slow);
        if (size > 1) {
            c.lload(TVA);
            c.l2i();
            c.loadConstant(0xfff);
            c.iand();
            c.loadConstant(4096 - size);
            c.if_icmpgt(slow);
        }
    }

    /** Pushes the page array and the in-page offset for the access at TVA. */
    private static void pageAndOffset(CodeBuilder c, int dataSlot) {
        c.aload(dataSlot);
        c.iload(TI);
        c.aaload();
        c.lload(TVA);
        c.l2i();
        c.loadConstant(0xfff);
        c.iand();
    }

    private void loadInsn(CodeBuilder c, int s, int op, int rd, int rs1, long imm) {
        int size = size(op);
        Label slow = c.newLabel(), done = c.newLabel();
        address(c, rs1, imm);
        tlbCheck(c, RTAG, size, slow);
        pageAndOffset(c, RDATA);
        c.invokestatic(CD_RT, "get" + size, MethodTypeDesc.of(CD_long, CD_byte.arrayType(), CD_int));
        c.lstore(TV);
        c.goto_(done);
        c.labelBinding(slow);
        c.aload(MMU);
        c.lload(TVA);
        c.loadConstant(size);
        c.invokevirtual(CD_MMU, "load", MethodTypeDesc.of(CD_long, CD_long, CD_int));
        c.lstore(TV);
        faultCheck(c, s);
        c.labelBinding(done);
        // TV holds the zero-extended value; extend as the op wants.
        c.lload(TV);
        switch (op) {
            case Op.LB -> { c.l2i(); c.i2b(); c.i2l(); }
            case Op.LH -> { c.l2i(); c.i2s(); c.i2l(); }
            case Op.LW -> { c.l2i(); c.i2l(); }
            default -> { }
        }
        if (op == Op.FLD) {
            c.lstore(TV);
            c.aload(F);
            c.loadConstant(rd);
            c.lload(TV);
            c.lastore();
        } else if (op == Op.FLW) {
            c.l2i();
            c.invokestatic(CD_FPU, "boxS", MethodTypeDesc.of(CD_long, CD_int));
            c.lstore(TV);
            c.aload(F);
            c.loadConstant(rd);
            c.lload(TV);
            c.lastore();
        } else {
            store(c, rd);
        }
    }

    private void storeInsn(CodeBuilder c, int s, int op, int rs1, int rs2, long imm) {
        int size = size(op);
        Label slow = c.newLabel(), done = c.newLabel();
        // The value first (into TV), then the address.
        if (op == Op.FSW || op == Op.FSD) {
            c.aload(F);
            c.loadConstant(rs2);
            c.laload();
        } else {
            load(c, rs2);
        }
        c.lstore(TV);
        address(c, rs1, imm);
        tlbCheck(c, WTAG, size, slow);
        pageAndOffset(c, WDATA);
        c.lload(TV);
        c.invokestatic(CD_RT, "put" + size, MethodTypeDesc.of(CD_void, CD_byte.arrayType(), CD_int, CD_long));
        c.goto_(done);
        c.labelBinding(slow);
        c.aload(MMU);
        c.lload(TVA);
        c.loadConstant(size);
        c.lload(TV);
        c.invokevirtual(CD_MMU, "store", MethodTypeDesc.of(CD_boolean, CD_long, CD_int, CD_long));
        c.pop();
        faultCheck(c, s);
        c.labelBinding(done);
    }

    /** After a slow path: leave with EXIT_FAULT at this instruction if the MMU failed. */
    private void faultCheck(CodeBuilder c, int s) {
        Label ok = c.newLabel();
        c.aload(MMU);
        c.getfield(CD_MMU, "failed", CD_boolean);
        c.ifeq(ok);
        c.lload(BASE);
        c.loadConstant(s * 2L);
        c.ladd();
        c.lstore(NPC);
        c.iinc(ICOUNT, -1);
        c.loadConstant(Hart.EXIT_FAULT);
        c.istore(NCODE);
        c.goto_(exit);
        c.labelBinding(ok);
    }

    // ---- floating point ---------------------------------------------------------------

    /**
     * FP arithmetic: the common double ops with a static rounding mode call the FPU directly;
     * the rest go through {@link FpExec} with the packed instruction. Integer registers an op
     * reads or writes are synchronised with the hart around the call.
     */
    private void fp(CodeBuilder c, int s, long d, int op) {
        int rd = Decoded.rd(d), rs1 = Decoded.rs1(d), rs2 = Decoded.rs2(d), rm = Decoded.imm(d) & 7;
        String direct = rm != 7 ? FpForms.directDouble(op) : null;
        if (direct != null) {
            c.aload(F);
            c.loadConstant(rd);
            c.aload(FPU);
            for (int r : FpForms.isFused(op) ? new int[] {rs1, rs2, Decoded.rs3(d)} : FpForms.isUnary(op) ? new int[] {rs1} : new int[] {rs1, rs2}) {
                c.aload(F);
                c.loadConstant(r);
                c.laload();
            }
            c.loadConstant(rm);
            int n = FpForms.isFused(op) ? 3 : FpForms.isUnary(op) ? 1 : 2;
            ClassDesc[] params = new ClassDesc[n + 1];
            for (int i = 0; i < n; i++) params[i] = CD_long;
            params[n] = CD_int;
            c.invokevirtual(CD_FPU, direct, MethodTypeDesc.of(CD_long, params));
            c.lastore();
            return;
        }
        if (FpForms.readsInt(op) && rs1 != 0) syncOut(c, rs1);
        callOutOfLine(c, s, d, ClassDesc.of(FpExec.class.getName()));
        if (FpForms.writesInt(op) && rd != Decoder.SINK) syncIn(c, rd);
    }
}
