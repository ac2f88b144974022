package org.subcons.hart;

import org.subcons.mem.Frame;

/**
 * The decoded-instruction cache of one physical page: one packed instruction per halfword
 * slot, decoded lazily on first execution. It holds no virtual addresses (pc-relative
 * immediates are applied at run time), so every mapping of the frame, in any process,
 * shares it. A store to the frame drops it (see {@link Mmu}).
 */
final class DecodedPage {
    static final int SLOTS = Frame.SIZE / 2;

    final Frame frame;
    final long[] insns;
    /** Compiled units of this page; ENTER_UNIT words in {@link #insns} index into it. */
    volatile CompiledUnit[] units = new CompiledUnit[0];
    /** Slots where execution was seen to enter the page or to be (entry candidates). */
    final long[] hints = new long[SLOTS / 64];
    /** Checkpoint samples that found execution here since the last compile. */
    int samples;
    /** Interpreter entries into this page since the last compile. */
    int heat;

    DecodedPage(Frame frame) {
        this.frame = frame;
        this.insns = new long[SLOTS];
    }

    /** For a straddler page: the pc of its instruction. */
    long straddlePc;

    /** A one-instruction page for an instruction that straddles two pages; every other slot exits. */
    DecodedPage(long straddler) {
        this.frame = null;
        this.insns = new long[SLOTS];
        java.util.Arrays.fill(insns, Decoded.pack(Op.PAGE_END, 0, 0, 0, 0, 0));
        insns[0] = straddler;
    }

    /** Decodes the instruction at {@code slot}, caching it. */
    long decode(int slot) {
        long d = decodeRaw(slot);
        insns[slot] = d;
        return d;
    }

    /** Decodes the instruction at {@code slot} from the frame's bytes (ignoring unit entries). */
    long decodeRaw(int slot) {
        byte[] b = frame.data;
        int off = slot << 1;
        int lo = (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
        if ((lo & 3) != 3) return Decoder.decode(lo, 0);
        if (off + 4 > Frame.SIZE) return Decoded.pack(Op.STRADDLE, 0, 0, 0, 4, lo);
        return Decoder.decode(lo, (b[off + 2] & 0xff) | (b[off + 3] & 0xff) << 8);
    }

    boolean isEntry(int slot) {
        return Decoded.op(insns[slot]) == Op.ENTER_UNIT;
    }
}
