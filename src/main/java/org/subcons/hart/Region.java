package org.subcons.hart;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The part of a page a compiled unit covers: the instructions reachable from its entry
 * slots by static control flow inside the page, up to a size limit, stopping at
 * instructions the compiler leaves to the interpreter (system calls, atomics, CSRs, ...).
 */
final class Region {
    final long[] decoded = new long[DecodedPage.SLOTS];
    final boolean[] included = new boolean[DecodedPage.SLOTS];
    /** Slots the unit can be entered at: the given entries and every in-region jump target. */
    final boolean[] entry = new boolean[DecodedPage.SLOTS];
    int size;

    /**
     * The region reachable from {@code entries}, breadth first (so a loop around the entry
     * comes in whole before what lies beyond it), until its estimated bytecode reaches
     * {@code maxBytes}: units must stay well under HotSpot's 8000-byte compile limit.
     */
    static Region discover(DecodedPage page, int[] entries, int maxBytes) {
        Region r = new Region();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int e : entries) {
            work.add(e);
            r.entry[e] = true;
        }
        int bytes = 200;                                   // prologue, epilogue, entry switch
        ArrayDeque<Integer> returns = new ArrayDeque<>();
        while (!work.isEmpty() || !returns.isEmpty() && bytes < SMALL_UNIT) {
            // Where an in-page call comes back is taken in last, and only into a small unit
            // (a server's entry stub: call server_main, then return to the caller).
            int s = work.isEmpty() ? returns.poll() : work.poll();
            if (r.included[s]) continue;
            long d = page.decodeRaw(s);
            if (!compilable(d)) continue;
            int cost = bytecodeCost(Decoded.op(d));
            if (bytes + cost > maxBytes) break;
            bytes += cost;
            r.decoded[s] = d;
            r.included[s] = true;
            r.size++;
            int op = Decoded.op(d);
            int next = s + Decoded.len(d) / 2;
            if (!isUnconditionalJump(op) && next < DecodedPage.SLOTS) work.add(next);
            int target = branchTarget(s, d);
            if (target < 0) target = pairedCallTarget(page, s, d);
            if (target >= 0) {
                r.entry[target] = true;
                work.add(target);
                if (op == Op.JAL && Decoded.rd(d) != Decoder.SINK && next < DecodedPage.SLOTS) returns.add(next);
            }
            // A call returns to the next instruction through jalr: make it an entry the unit can re-enter.
            if (op == Op.JAL && next < DecodedPage.SLOTS) r.entry[next] = true;
        }
        // Jump targets that the size limit kept out are not entries of this unit.
        for (int s = 0; s < DecodedPage.SLOTS; s++) if (!r.included[s]) r.entry[s] = false;
        return r;
    }

    /** Below this estimate a unit also takes in the return points of its in-page calls. */
    static final int SMALL_UNIT = 2000;

    /** A generous estimate of the bytecode {@link UnitCompiler} emits for an op. */
    static int bytecodeCost(int op) {
        if (op >= Op.LB && op <= Op.SD || op >= Op.FLW && op <= Op.FSD) return 90;
        if (op >= Op.BEQ && op <= Op.BGEU || op == Op.JAL || op == Op.J) return 60;
        if (op == Op.JALR) return 40;
        if (op >= Op.FIRST_FP || op >= Op.CSRRW && op <= Op.CSRRCI) return 45;
        return 14;
    }

    /** The in-page target slot of a branch or direct jump at {@code slot}, or -1. */
    static int branchTarget(int slot, long d) {
        int op = Decoded.op(d);
        boolean direct = op == Op.JAL || op == Op.J || (op >= Op.BEQ && op <= Op.BGEU);
        if (!direct) return -1;
        long off = slot * 2L + Decoded.imm(d);
        return off >= 0 && off < 4096 ? (int) (off >>> 1) : -1;
    }

    /**
     * auipc rX, hi; jalr rd, lo(rX): a call or jump to a fixed address (what `call` becomes
     * without linker relaxation). Its in-page target, or -1.
     */
    private static int pairedCallTarget(DecodedPage page, int slot, long d) {
        if (Decoded.op(d) != Op.AUIPC) return -1;
        int next = slot + Decoded.len(d) / 2;
        if (next >= DecodedPage.SLOTS) return -1;
        long j = page.decodeRaw(next);
        if (Decoded.op(j) != Op.JALR || Decoded.rs1(j) != Decoded.rd(d)) return -1;
        long off = slot * 2L + Decoded.imm(d) + Decoded.imm(j);
        return off >= 0 && off < 4096 && (off & 1) == 0 ? (int) (off >>> 1) : -1;
    }

    static boolean isUnconditionalJump(int op) {
        return op == Op.JAL || op == Op.J || op == Op.JALR;
    }

    /** Whether the compiler translates instruction {@code d} (the rest stays with the interpreter). */
    static boolean compilable(long d) {
        int op = Decoded.op(d);
        if (op >= Op.LUI && op <= Op.J) return true;           // integer, loads/stores, jumps
        if (op >= Op.FIRST_FP && op < Op.ENTER_UNIT) return true;   // F and D arithmetic
        return isFpCsr(d);
    }

    /**
     * CSR accesses that units run out of line: fflags, frm and fcsr (glibc brackets FP
     * compares with them) and the subcontext CSRs scid and sctls (every server entry stub
     * reads sctls). The counters stay with the interpreter, which keeps instret exact.
     */
    static boolean isFpCsr(long d) {
        int op = Decoded.op(d), csr = Decoded.imm(d) & 0xfff;
        return op >= Op.CSRRW && op <= Op.CSRRCI && (csr >= 1 && csr <= 3 || csr == 0xcc0 || csr == 0x8c0);
    }

    int[] entrySlots() {
        int n = 0;
        for (boolean b : entry) if (b) n++;
        int[] out = new int[n];
        n = 0;
        for (int s = 0; s < entry.length; s++) if (entry[s]) out[n++] = s;
        return out;
    }

    @Override
    public String toString() {
        return "Region[" + size + " insns, entries " + Arrays.toString(entrySlots()) + "]";
    }
}
