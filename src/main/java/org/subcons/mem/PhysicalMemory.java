package org.subcons.mem;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's physical memory: hands out frames and enforces the {@code --mem} limit.
 * Frames are garbage collected; the allocator only counts them, and a frame is given back
 * when the last page table lets go of it.
 */
public final class PhysicalMemory {
    private final long limitFrames;
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public PhysicalMemory(long limitBytes) {
        this.limitFrames = Math.max(1, limitBytes >>> Frame.SHIFT);
    }

    public long limitBytes() {
        return limitFrames << Frame.SHIFT;
    }

    /** A zeroed frame, or null when the limit is reached. */
    public Frame allocate() {
        long n = inUse.incrementAndGet();
        if (n > limitFrames) {
            inUse.decrementAndGet();
            return null;
        }
        peak.accumulateAndGet(n, Math::max);
        return new Frame(new byte[Frame.SIZE]);
    }

    /** A frame holding a copy of {@code src}, or null when the limit is reached. */
    public Frame copyOf(Frame src) {
        Frame f = allocate();
        if (f != null) System.arraycopy(src.data, 0, f.data, 0, Frame.SIZE);
        return f;
    }

    public void release(Frame f) {
        inUse.decrementAndGet();
    }

    /** Whether the limit is reached (the next allocation would fail). */
    public boolean exhausted() {
        return inUse.get() >= limitFrames;
    }

    public long bytesInUse() {
        return inUse.get() << Frame.SHIFT;
    }

    public long peakBytes() {
        return peak.get() << Frame.SHIFT;
    }
}
