package org.subcons.subcon;

import java.util.HashMap;
import java.util.Map;

import org.subcons.mem.Frame;

/**
 * The views back-end's page table for one (context, subcontext) pair (SPEC section 10): only
 * the pages that subcontext may reach, each with its effective permission. It is filled on
 * demand from the global tables and emptied whenever the context's mappings or rights
 * change (the context's generation moves). A hart in the views back-end walks the view of
 * its current subcontext; switching subcontext switches views.
 */
public final class View {
    /** One page of a view. */
    public record Entry(Frame frame, int effective, boolean writable) {
    }

    private final Map<Long, Entry> pages = new HashMap<>();
    private long generation = -1;

    /** The entry for {@code vpn} allowing {@code access}, or null when the view cannot answer. */
    synchronized Entry lookup(long vpn, int access, long contextGeneration) {
        if (generation != contextGeneration) {
            pages.clear();
            generation = contextGeneration;
            return null;
        }
        Entry e = pages.get(vpn);
        if (e == null) return null;
        if (((access & Prot.W) != 0 && !e.writable) || (e.effective & access) != access) return null;
        return e;
    }

    synchronized void put(long vpn, Entry e, long contextGeneration) {
        if (generation != contextGeneration) {
            pages.clear();
            generation = contextGeneration;
        }
        pages.put(vpn, e);
    }

    public synchronized int size() {
        return pages.size();
    }
}
