package org.subcons.hart;

import java.util.Arrays;

/**
 * A software TLB: direct-mapped flat arrays indexed by the low bits of the page number.
 * A read or write entry holds the page's bytes only when the current subcontext may do
 * that access (the effective permission is folded in), so the hit path is one compare.
 * The exec entries hold decoded pages. A tag of -1 never matches (page numbers are
 * below 2^52).
 */
public final class Tlb {
    /** Entries of the tagged back-end's TLBs (64 MiB of reach). */
    public static final int BITS = 14;
    /** Entries of the views back-end's TLB, flushed on every switch: small, so a flush is cheap. */
    public static final int VIEWS_BITS = 10;
    public static final int XBITS = 8;
    public static final int XMASK = (1 << XBITS) - 1;

    /** Index mask: the low bits of the page number select an entry. */
    public final int mask;
    public final long[] rTag;
    public final byte[][] rData;
    public final long[] wTag;
    public final byte[][] wData;
    final long[] xTag = new long[1 << XBITS];
    final DecodedPage[] xPage = new DecodedPage[1 << XBITS];
    /**
     * For a page of another subcontext (tagged back-end only): the subcontext control passes
     * to, and how it may (one of the Mmu.VIA_* kinds; for VIA_ENTRY only at xEntry). Null
     * target: the page is the current subcontext's own.
     */
    final org.subcons.subcon.Subcontext[] xTarget = new org.subcons.subcon.Subcontext[1 << XBITS];
    final int[] xKind = new int[1 << XBITS];
    final long[] xEntry = new long[1 << XBITS];

    /**
     * The read/write entries filled since the last flush, so a flush clears just those (a TLB
     * that was barely used flushes in a few steps); once the log is full, a flush clears all.
     */
    private final int[] filled = new int[256];
    private int nFilled;

    public Tlb(int bits) {
        int size = 1 << bits;
        mask = size - 1;
        rTag = new long[size];
        rData = new byte[size][];
        wTag = new long[size];
        wData = new byte[size][];
        Arrays.fill(rTag, -1L);
        Arrays.fill(wTag, -1L);
        Arrays.fill(xTag, -1L);
    }

    public void flush() {
        if (nFilled <= filled.length) {
            for (int k = 0; k < nFilled; k++) {
                int i = filled[k];
                rTag[i] = wTag[i] = -1L;
                rData[i] = wData[i] = null;
            }
        } else {
            Arrays.fill(rTag, -1L);
            Arrays.fill(wTag, -1L);
            Arrays.fill(rData, null);
            Arrays.fill(wData, null);
        }
        nFilled = 0;
        Arrays.fill(xTag, -1L);
        Arrays.fill(xPage, null);
        Arrays.fill(xTarget, null);
    }

    /** Records that entry {@code i} was filled (see {@link #flush}). */
    void filled(int i) {
        if (nFilled < filled.length) filled[nFilled] = i;
        nFilled++;
    }

    int index(long va) {
        return (int) (va >>> 12) & mask;
    }
}
