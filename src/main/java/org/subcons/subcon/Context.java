package org.subcons.subcon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.subcons.mem.Frame;

/**
 * A process address space: the union of its attached subcontexts. It keeps an index of all
 * their mappings (for lookups and for finding free space) and a generation counter that
 * harts compare against to know when their translation caches are stale.
 */
public final class Context {
    final MemoryManager mm;
    final List<Subcontext> attached = new ArrayList<>(2);
    final TreeMap<Long, Vma> index = new TreeMap<>();
    private final CopyOnWriteArrayList<TlbHolder> harts = new CopyOnWriteArrayList<>();
    private volatile long generation;

    Subcontext root;
    long brkStart, brk;
    /** Processes using this context (vfork and posix_spawn children share their parent's until exec). */
    private int users = 1;

    public synchronized void addUser() {
        users++;
    }

    /** Returns whether this was the last user. */
    public synchronized boolean removeUser() {
        return --users == 0;
    }

    Context(MemoryManager mm) {
        this.mm = mm;
    }

    public MemoryManager memory() {
        return mm;
    }

    public Subcontext root() {
        return root;
    }

    public List<Subcontext> attached() {
        return Collections.unmodifiableList(attached);
    }

    public long generation() {
        return generation;
    }

    /** Marks every cached translation of this context stale. */
    void invalidate() {
        generation++;
    }

    public void addHart(TlbHolder h) {
        harts.add(h);
    }

    public void removeHart(TlbHolder h) {
        harts.remove(h);
    }

    public int hartCount() {
        return harts.size();
    }

    /** Waits until every hart running guest code in this context has seen generation {@code gen}. */
    void awaitGeneration(long gen, TlbHolder self) {
        for (TlbHolder h : harts) {
            if (h == self) continue;
            for (int spins = 0; h.inGuest() && h.seenGeneration() < gen; spins++) {
                if (spins < 100) Thread.onSpinWait();
                else Thread.yield();
            }
        }
    }

    /** The mapping containing {@code va}, whichever attached subcontext owns it. */
    public Vma vmaAt(long va) {
        Map.Entry<Long, Vma> e = index.floorEntry(va);
        return e != null && e.getValue().contains(va) ? e.getValue() : null;
    }

    /** Whether [start, end) overlaps no mapping of any attached subcontext. */
    boolean isFree(long start, long end) {
        Map.Entry<Long, Vma> e = index.lowerEntry(end);
        return e == null || e.getValue().end <= start;
    }

    /** The highest mapping starting below {@code end} that overlaps [start, end), or null. */
    Vma overlapping(long start, long end) {
        Map.Entry<Long, Vma> e = index.lowerEntry(end);
        return e != null && e.getValue().end > start ? e.getValue() : null;
    }

    public List<Vma> mappings() {
        synchronized (mm.lock) {
            return new ArrayList<>(index.values());
        }
    }

    /** The subcontext table: rows of rights, rebuilt when the rights graph changes. */
    private final java.util.Map<Subcontext, java.util.Map<Subcontext, Integer>> table = new java.util.HashMap<>();
    private long tableVersion = -1;

    /** Rights of {@code s} over {@code t} (s ≠ t); caller holds the memory lock. */
    int rightsOf(Rights graph, Subcontext s, Subcontext t) {
        if (tableVersion != graph.version()) {
            table.clear();
            tableVersion = graph.version();
        }
        return table.computeIfAbsent(s, graph::closure).getOrDefault(t, 0);
    }

    public long brk() {
        return brk;
    }

    public long brkStart() {
        return brkStart;
    }

    private final java.util.Map<Subcontext, View> views = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Translation through the view of {@code cur} (the views back-end): the view answers
     * when it can, else the global tables do and the view remembers the answer.
     */
    public boolean translateInView(Subcontext cur, long va, int access, Walk w) {
        View v = views.computeIfAbsent(cur, k -> new View());
        long gen = generation;
        View.Entry e = v.lookup(va >>> Frame.SHIFT, access, gen);
        if (e != null) {
            w.frame = e.frame();
            w.effective = e.effective();
            w.writable = e.writable();
            return true;
        }
        if (!translate(cur, va, access, w)) return false;
        v.put(va >>> Frame.SHIFT, new View.Entry(w.frame, w.effective, w.writable), gen);
        return true;
    }

    /** The number of pages the view of {@code s} holds (for tests). */
    public int viewSize(Subcontext s) {
        View v = views.get(s);
        return v == null ? 0 : v.size();
    }

    /** {@link #fetch} results. */
    public static final int FETCH_OK = 0, FETCH_FAULT = 1, FETCH_TRANSFER = 2;

    /**
     * Instruction fetch at {@code va} for code in {@code cur}: FETCH_OK with the frame when
     * the page is cur's own and executable; FETCH_TRANSFER with {@code w.fault.owner} and
     * {@code w.fault.rights} set when it belongs to another subcontext (the caller decides,
     * by SPEC section 4, whether control may pass); FETCH_FAULT otherwise.
     */
    public int fetch(Subcontext cur, long va, Walk w) {
        synchronized (mm.lock) {
            Vma v = vmaAt(va);
            if (v == null) {
                w.fault.set(FaultInfo.MAPERR, va, Prot.X, cur, null, 0);
                return FETCH_FAULT;
            }
            Subcontext owner = v.owner;
            int rights = mm.rights(this, cur, owner);
            if ((v.prot & Prot.X) == 0) {
                w.fault.set(FaultInfo.ACCERR, va, Prot.X, cur, owner, rights);
                return FETCH_FAULT;
            }
            if (owner != cur) {
                w.fault.set(FaultInfo.SUBCON, va, Prot.X, cur, owner, rights);
                return FETCH_TRANSFER;
            }
        }
        return translate(cur, va, Prot.X, w) ? FETCH_OK : FETCH_FAULT;
    }

    /**
     * Translates {@code va} for an {@code access} (Prot.R, W or X) by code in {@code cur}:
     * finds the owner, applies the page permission and the rights of {@code cur} over the
     * owner, brings the page in and breaks copy-on-write for writes. Returns false with
     * {@code w.fault} set when the access is not allowed.
     */
    /** The access to report for a fault: R before W (an AMO needs both). */
    private static int firstMissing(int bits) {
        return (bits & Prot.R) != 0 ? Prot.R : (bits & Prot.W) != 0 ? Prot.W : Prot.X;
    }

    /**
     * Data access at {@code va} by code in {@code cur}: {@code access} is R, W, or R|W (an
     * AMO), every bit of which must be allowed by the page and by the rights (SPEC 3-4).
     */
    public boolean translate(Subcontext cur, long va, int access, Walk w) {
        synchronized (mm.lock) {
            Vma v = vmaAt(va);
            if (v == null) {
                w.fault.set(FaultInfo.MAPERR, va, access, cur, null, 0);
                return false;
            }
            Subcontext owner = v.owner;
            int rights = mm.rights(this, cur, owner);
            int prot = v.prot;
            if ((prot & Prot.W) != 0) prot |= Prot.R;          // RISC-V has no write-only pages
            // The page's own permissions first: what it forbids is an ordinary fault, whatever the rights.
            if ((prot & access) != access) {
                w.fault.set(FaultInfo.ACCERR, va, firstMissing(access & ~prot), cur, owner, rights);
                return false;
            }
            int eff = prot & rights;
            if ((eff & access) != access) {
                w.fault.set(FaultInfo.SUBCON, va, firstMissing(access & ~eff), cur, owner, rights);
                return false;
            }
            long vpn = va >>> Frame.SHIFT;
            Frame f = owner.pages.get(vpn);
            if (f == null) {
                f = mm.populate(v, vpn);
                if (f == null) {
                    w.fault.set(v.backing != null && !mm.physical().exhausted() ? FaultInfo.BUS : FaultInfo.OOM, va, access,
                            cur, owner, rights);
                    return false;
                }
            }
            boolean direct = v.shared || f.mappings() == 1;
            if ((access & Prot.W) != 0 && !direct) {
                f = mm.breakCopyOnWrite(owner, vpn, f);
                if (f == null) {
                    w.fault.set(FaultInfo.OOM, va, access, cur, owner, rights);
                    return false;
                }
                direct = true;
            }
            w.frame = f;
            w.effective = eff;
            w.writable = direct && (eff & Prot.W) != 0;
            return true;
        }
    }
}
