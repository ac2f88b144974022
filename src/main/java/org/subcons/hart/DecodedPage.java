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

    DecodedPage(Frame frame) {
        this.frame = frame;
        this.insns = new long[SLOTS];
    }

    /** A one-instruction page for an instruction that straddles two pages; every other slot exits. */
    DecodedPage(long straddler) {
        this.frame = null;
        this.insns = new long[SLOTS];
        java.util.Arrays.fill(insns, Decoded.pack(Op.PAGE_END, 0, 0, 0, 0, 0));
        insns[0] = straddler;
    }

    /** Decodes the instruction at {@code slot}, caching it. */
    long decode(int slot) {
        byte[] b = frame.data;
        int off = slot << 1;
        int lo = (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
        long d;
        if ((lo & 3) != 3) d = Decoder.decode(lo, 0);
        else if (off + 4 > Frame.SIZE) d = Decoded.pack(Op.STRADDLE, 0, 0, 0, 4, lo);
        else d = Decoder.decode(lo, (b[off + 2] & 0xff) | (b[off + 3] & 0xff) << 8);
        insns[slot] = d;
        return d;
    }
}
