package org.subcons.subcon;

import org.subcons.mem.Frame;

/**
 * What a mapping is backed by when it is not anonymous private memory: a file, or an
 * anonymous shared object. Pages are brought in on first touch.
 */
public interface Backing {
    /** Fills {@code dst} with the page at byte {@code offset} (zeros past the end). Returns 0 or -errno. */
    int readPage(long offset, byte[] dst);

    /**
     * The one frame every MAP_SHARED mapping of this object uses for the page at {@code offset},
     * or null when memory is exhausted.
     */
    Frame sharedPage(long offset);

    /** Writes a shared page back to the object (msync, munmap); no-op for anonymous objects. */
    default void writeBack(long offset, Frame frame) {
    }

    /** Name for /proc/self/maps (a guest path), or "" for anonymous objects. */
    String mapsName();

    /** Device and inode for /proc/self/maps, packed as dev << 32 | low bits of ino; 0 if none. */
    default long mapsDevIno() {
        return 0;
    }

    /** Called when a mapping stops using the object. */
    default void release() {
    }

    /** Called when a new mapping (split, fork copy) starts using the object. */
    default Backing retain() {
        return this;
    }
}
