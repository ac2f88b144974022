package org.subcons.mem;

import java.util.function.LongConsumer;

/**
 * A three-level radix table from virtual page number to frame, for the 47-bit user address
 * space (35-bit page numbers: 11 + 12 + 12 bits). Missing levels are created on demand.
 * Each subcontext owns one; the owner of a page is the subcontext whose table holds it.
 * Not synchronized: callers hold the memory lock for updates.
 */
public final class PageTable {
    public static final int VPN_BITS = 35;
    private static final int L0_BITS = 11, L1_BITS = 12, L2_BITS = 12;
    private static final int L1_MASK = (1 << L1_BITS) - 1, L2_MASK = (1 << L2_BITS) - 1;

    private final Frame[][][] root = new Frame[1 << L0_BITS][][];
    private long pages;

    public static boolean validVpn(long vpn) {
        return vpn >= 0 && vpn < (1L << VPN_BITS);
    }

    public Frame get(long vpn) {
        Frame[][] mid = root[(int) (vpn >>> (L1_BITS + L2_BITS))];
        if (mid == null) return null;
        Frame[] leaf = mid[(int) (vpn >>> L2_BITS) & L1_MASK];
        return leaf == null ? null : leaf[(int) vpn & L2_MASK];
    }

    /** Stores {@code f} (null clears) and returns the previous frame. */
    public Frame set(long vpn, Frame f) {
        int i0 = (int) (vpn >>> (L1_BITS + L2_BITS));
        Frame[][] mid = root[i0];
        if (mid == null) {
            if (f == null) return null;
            mid = root[i0] = new Frame[1 << L1_BITS][];
        }
        int i1 = (int) (vpn >>> L2_BITS) & L1_MASK;
        Frame[] leaf = mid[i1];
        if (leaf == null) {
            if (f == null) return null;
            leaf = mid[i1] = new Frame[1 << L2_BITS];
        }
        int i2 = (int) vpn & L2_MASK;
        Frame old = leaf[i2];
        leaf[i2] = f;
        if (old == null && f != null) pages++;
        else if (old != null && f == null) pages--;
        return old;
    }

    /** Number of pages present. */
    public long size() {
        return pages;
    }

    /** Calls {@code action} with every present vpn in [from, to), skipping empty subtrees. */
    public void forEachPresent(long from, long to, LongConsumer action) {
        long vpn = from;
        while (vpn < to) {
            Frame[][] mid = root[(int) (vpn >>> (L1_BITS + L2_BITS))];
            if (mid == null) {
                vpn = ((vpn >>> (L1_BITS + L2_BITS)) + 1) << (L1_BITS + L2_BITS);
                continue;
            }
            Frame[] leaf = mid[(int) (vpn >>> L2_BITS) & L1_MASK];
            if (leaf == null) {
                vpn = ((vpn >>> L2_BITS) + 1) << L2_BITS;
                continue;
            }
            long leafEnd = Math.min(to, ((vpn >>> L2_BITS) + 1) << L2_BITS);
            for (; vpn < leafEnd; vpn++) {
                if (leaf[(int) vpn & L2_MASK] != null) action.accept(vpn);
            }
        }
    }
}
