package org.subcons.mem;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One 4 KiB physical page. Frames are shared by reference: between the page tables of
 * copy-on-write copies (fork), between the contexts a shared subcontext is attached to, and
 * between every mapping of a MAP_SHARED object.
 */
public final class Frame {
    public static final int SIZE = 4096;
    public static final int SHIFT = 12;
    public static final long MASK = SIZE - 1;

    public final byte[] data;
    /** Number of page-table slots that hold this frame; a private page with more than one is copy-on-write. */
    private final AtomicInteger mappings = new AtomicInteger();
    /**
     * The decoded-instruction cache of this page (owned by the hart package), or null.
     * A store to the frame drops it; a hart never keeps a write-TLB entry for a frame that has one.
     */
    public volatile Object decoded;
    /** Set when some hart may hold a write-TLB entry for this frame (stores would bypass the slow path). */
    public volatile boolean writeMapped;

    Frame(byte[] data) {
        this.data = data;
    }

    public int mappings() {
        return mappings.get();
    }

    public void addMapping() {
        mappings.incrementAndGet();
    }

    /** Returns the number of mappings left. */
    public int removeMapping() {
        return mappings.decrementAndGet();
    }
}
