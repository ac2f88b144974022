package org.subcons.hart;

import java.util.Arrays;

/**
 * Tiering: decides which code to compile and installs the units. Code becomes hot when
 * checkpoint samples keep finding the interpreter in it (loops), or when the interpreter
 * keeps entering its page at the same kind of place (calls, returns, exits from units); a
 * unit then grows from that slot over what is reachable from it within the page.
 * Installing a unit turns its entry slots into ENTER_UNIT words, so the interpreter jumps
 * into compiled code with no check on any other path.
 */
public final class Jit {
    public static final int OFF = 0, ON = 1, EAGER = 2;
    /** Samples (one per checkpoint, every 8192 instructions) that make a page hot. */
    static final int HOT_SAMPLES = 2;
    /** Times the interpreter enters a page (calls, returns, unit exits) that make it hot. */
    static final int HOT_ENTRIES = 64;
    static final int MAX_UNITS = 16;
    /** Estimated bytecode per unit: under HotSpot's 8000-byte limit with margin. */
    static final int MAX_BYTES = 6000;

    private static final boolean DEBUG = System.getenv("SUBCONS_DEBUG") != null;

    private Jit() {
    }

    /** At a checkpoint: count a sample for the page at pc, and compile it when hot. */
    static void sample(Hart h) {
        DecodedPage p = h.mmu.fetch(h.pc);
        if (p == null || p.frame == null) return;
        int slot = (int) (h.pc & 0xfff) >>> 1;
        if (++p.samples >= HOT_SAMPLES && !p.isEntry(slot)) compile(h, p, slot);
    }

    /**
     * The interpreter entered page {@code p} at {@code slot} (a call, a return, the exit of
     * a unit): code that execution keeps coming back to is compiled from there. EAGER mode
     * (for tests) compiles at once.
     */
    static void entered(Hart h, DecodedPage p, int slot, int mode) {
        if (p.frame == null || p.isEntry(slot)) return;
        if (mode == EAGER || ++p.heat >= HOT_ENTRIES) compile(h, p, slot);
    }

    /**
     * Compiles a unit growing from {@code slot} (where execution is hot), or from just after
     * the instructions there that stay with the interpreter (the interpreter continues there).
     */
    static void compile(Hart h, DecodedPage p, int slot) {
        synchronized (p) {
            p.samples = 0;
            p.heat = 0;
            for (int skipped = 0; skipped < 4 && slot < DecodedPage.SLOTS && !Region.compilable(p.decodeRaw(slot)); skipped++) {
                slot += Decoded.len(p.decodeRaw(slot)) / 2;
            }
            if (slot >= DecodedPage.SLOTS || p.units.length >= MAX_UNITS || p.isEntry(slot)) return;
            CompiledUnit u;
            Region r;
            long t0 = System.nanoTime();
            try {
                // Shrink the region until HotSpot will compile the method.
                byte[] code;
                int budget = MAX_BYTES;
                do {
                    r = Region.discover(p, new int[] {slot}, budget);
                    if (r.size == 0) return;
                    code = UnitCompiler.generate(r);
                    budget = budget * 2 / 3;
                } while (UnitCompiler.codeLength(code) > UnitCompiler.HOTSPOT_LIMIT - 200 && r.size > 1);
                u = UnitCompiler.define(code);
            } catch (Throwable e) {
                if (DEBUG) {
                    System.err.println("subcons: compiling from slot " + slot + " failed: " + e);
                    e.printStackTrace();
                }
                p.units = Arrays.copyOf(p.units, MAX_UNITS);      // never try this page again
                return;
            }
            h.unitsCompiled++;
            if (DEBUG) System.err.printf("subcons: jit: unit of %d insns from slot %d, %d entries, %.1f ms%n",
                    r.size, slot, r.entrySlots().length, (System.nanoTime() - t0) / 1e6);
            CompiledUnit[] units = Arrays.copyOf(p.units, p.units.length + 1);
            int index = units.length - 1;
            units[index] = u;
            p.units = units;
            for (int s : r.entrySlots()) {
                if (p.isEntry(s)) continue;                         // an older unit keeps it
                long d = r.decoded[s];
                p.insns[s] = Decoded.pack(Op.ENTER_UNIT, 0, 0, 0, Decoded.len(d), index);
            }
        }
    }
}
