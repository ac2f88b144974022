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
    public static final int BITS = 14;
    public static final int SIZE = 1 << BITS;
    public static final int MASK = SIZE - 1;
    public static final int XBITS = 8;
    public static final int XMASK = (1 << XBITS) - 1;

    public final long[] rTag = new long[SIZE];
    public final byte[][] rData = new byte[SIZE][];
    public final long[] wTag = new long[SIZE];
    public final byte[][] wData = new byte[SIZE][];
    final long[] xTag = new long[1 << XBITS];
    final DecodedPage[] xPage = new DecodedPage[1 << XBITS];

    public Tlb() {
        flush();
    }

    public void flush() {
        Arrays.fill(rTag, -1L);
        Arrays.fill(wTag, -1L);
        Arrays.fill(xTag, -1L);
        Arrays.fill(rData, null);
        Arrays.fill(wData, null);
        Arrays.fill(xPage, null);
    }

    static int index(long va) {
        return (int) (va >>> 12) & MASK;
    }
}
