package org.subcons.subcon;

/**
 * One mapping of a subcontext: a page-aligned range with base permissions and a backing.
 * Immutable in its bounds; munmap/mprotect split by replacing VMAs with new ones.
 */
public final class Vma {
    public final Subcontext owner;
    public final long start, end;
    public final int prot;
    public final boolean shared;
    /** Null for anonymous private memory. */
    public final Backing backing;
    /** File offset of {@code start} within the backing. */
    public final long offset;
    /** Display name: a path, "[heap]", "[stack]", or "" for anonymous memory. */
    public final String name;

    public Vma(Subcontext owner, long start, long end, int prot, boolean shared, Backing backing, long offset, String name) {
        this.owner = owner;
        this.start = start;
        this.end = end;
        this.prot = prot;
        this.shared = shared;
        this.backing = backing;
        this.offset = offset;
        this.name = name;
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long va) {
        return va >= start && va < end;
    }

    /** The part [from, to) of this VMA, with a new protection. */
    public Vma slice(long from, long to, int newProt) {
        return new Vma(owner, from, to, newProt, shared, backing == null ? null : backing.retain(),
                offset + (from - start), name);
    }

    /** The same mapping owned by another subcontext (a fork copy). */
    public Vma copyFor(Subcontext newOwner) {
        return new Vma(newOwner, start, end, prot, shared, backing == null ? null : backing.retain(), offset, name);
    }

    /** Whether two adjacent VMAs could be one (same object, contiguous offsets). */
    public boolean mergeableWith(Vma next) {
        return end == next.start && prot == next.prot && shared == next.shared && backing == next.backing
                && name.equals(next.name)
                && (backing == null || offset + length() == next.offset);
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s%s %s", start, end, Prot.text(prot), shared ? "s" : "p", name);
    }
}
