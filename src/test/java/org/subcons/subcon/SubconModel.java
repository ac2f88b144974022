package org.subcons.subcon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately plain reference model of SPEC sections 2-4 (subcontexts, contexts, rights,
 * the execution rules and the trusted return stack), written without any of the production
 * code's data structures or caches: it is the oracle of the randomized differential tests.
 *
 * <p>Subcontexts are numbered 0, 1, 2, … and contexts 0, 1, 2, … by the test. Mappings are
 * kept page by page (one {@link Page} per 4 KiB page, so splitting and merging of mappings
 * are invisible here), memory contents byte by byte. Rights are computed straight from the
 * definition, by enumerating every simple path of the inclusion graph.
 *
 * <p>Where the SPEC is silent the model follows the reading written next to the rule.
 */
public final class SubconModel {
    public static final int R = 1, W = 2, X = 4, RWX = R | W | X;
    public static final int PAGE = 4096;
    /** Fault kinds, numbered as {@link FaultInfo}'s. */
    public static final int OK = 0, MAPERR = FaultInfo.MAPERR, ACCERR = FaultInfo.ACCERR,
            SUBCON = FaultInfo.SUBCON, BUS = FaultInfo.BUS;
    /** Errno values the memory manager returns (negated). */
    public static final int ENOMEM = 12, EEXIST = 17, EINVAL = 22;

    /** One mapped page of a subcontext. Bytes never written read as zero. */
    public static final class Page {
        public final int owner;
        public int prot;
        final Map<Integer, Byte> bytes = new HashMap<>();

        Page(int owner, int prot) {
            this.owner = owner;
            this.prot = prot;
        }

        int get(int offset) {
            return bytes.getOrDefault(offset, (byte) 0) & 0xff;
        }
    }

    /** An inclusion edge: {@code grantee} includes {@code target}. */
    record Edge(int grantee, int target) {
    }

    /** A point entry: {@code grantee} may enter {@code target} at exactly {@code addr}. */
    record EntryPoint(int grantee, int target, long addr) {
    }

    /** A frame of the trusted return stack: {@code caller} called {@code callee}, to come back at {@code ra}. */
    public record TrustedFrame(int caller, int callee, long ra) {
    }

    /** A thread: the context it runs in, its current subcontext, its trusted return stack and its LR reservation. */
    public static final class Thread {
        public final int context;
        public int current;
        /** Top of the stack first. */
        public final Deque<TrustedFrame> stack = new ArrayDeque<>();
        long reservedAddr = -1;
        int reservedSize;
        long reservedValue;

        public Thread(int context, int current) {
            this.context = context;
            this.current = current;
        }

        /** The address of the thread's LR reservation, or -1. */
        public long reservedAddress() {
            return reservedAddr;
        }
    }

    /** The outcome of a data access or an instruction fetch. */
    public record Outcome(int fault, long faultAddr, int owner, int rights, long value, String how) {
        public boolean ok() {
            return fault == OK;
        }
    }

    private final int maxDepth;
    /** Per subcontext: page number → page. */
    private final List<TreeMap<Long, Page>> pages = new ArrayList<>();
    private final Set<Integer> freed = new HashSet<>();
    /** Subcontexts that have been attached at least once (only those are ever freed). */
    private final Set<Integer> everAttached = new HashSet<>();
    /** Per context: the attached subcontexts. */
    private final List<Set<Integer>> attached = new ArrayList<>();
    private final List<Integer> roots = new ArrayList<>();
    /** Inclusion edges with their (non-zero) masks. */
    private final Map<Edge, Integer> grants = new HashMap<>();
    private final Set<EntryPoint> entries = new LinkedHashSet<>();
    /** Memo of {@link #rights}, dropped whenever {@link #grants} changes (pure caching of a pure function). */
    private final Map<Edge, Integer> rightsMemo = new HashMap<>();

    /** @param maxDepth the bound on the trusted return stack (SPEC 4.3: at least 1024). */
    public SubconModel(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    // ---- building ---------------------------------------------------------------------

    /** A new subcontext, attached nowhere; returns its number. */
    public int newSubcon() {
        pages.add(new TreeMap<>());
        return pages.size() - 1;
    }

    /** A new context with a new root subcontext attached to it; returns the context's number. */
    public int newContext() {
        int root = newSubcon();
        attached.add(new LinkedHashSet<>(List.of(root)));
        roots.add(root);
        everAttached.add(root);
        return attached.size() - 1;
    }

    public int root(int context) {
        return roots.get(context);
    }

    public int subcons() {
        return pages.size();
    }

    public int contexts() {
        return attached.size();
    }

    public boolean isFreed(int s) {
        return freed.contains(s);
    }

    public boolean isAttached(int s, int c) {
        return attached.get(c).contains(s);
    }

    public Set<Integer> attached(int c) {
        return attached.get(c);
    }

    /** The page numbers subcontext {@code s} maps. */
    public List<Long> pagesOf(int s) {
        return new ArrayList<>(pages.get(s).keySet());
    }

    // ---- section 3: rights --------------------------------------------------------------

    /**
     * The rights of S over T: RWX over itself; else the OR, over every simple path
     * S → … → T of the inclusion graph, of the AND of the masks along the path.
     */
    public int rights(int s, int t) {
        if (s == t) return RWX;
        Edge key = new Edge(s, t);
        Integer memo = rightsMemo.get(key);
        if (memo != null) return memo;
        Set<Integer> onPath = new HashSet<>();
        onPath.add(s);
        int r = orOverPaths(s, t, RWX, onPath);
        rightsMemo.put(key, r);
        return r;
    }

    /** OR over the simple paths from {@code from} to {@code t} avoiding {@code onPath}, of {@code along} AND their masks. */
    private int orOverPaths(int from, int t, int along, Set<Integer> onPath) {
        int result = 0;
        for (Map.Entry<Edge, Integer> g : grants.entrySet()) {
            if (g.getKey().grantee() != from) continue;
            int next = g.getKey().target();
            int mask = along & g.getValue();
            if (mask == 0) continue;            // ANDing more masks keeps it 0: nothing to add
            if (next == t) {
                result |= mask;
            } else if (!onPath.contains(next)) {
                onPath.add(next);
                result |= orOverPaths(next, t, mask, onPath);
                onPath.remove(next);
            }
        }
        return result;
    }

    public boolean isEntry(int grantee, int target, long addr) {
        return entries.contains(new EntryPoint(grantee, target, addr));
    }

    /** The entry addresses granted to {@code grantee} into any subcontext. */
    public List<Long> entriesOf(int grantee) {
        List<Long> out = new ArrayList<>();
        for (EntryPoint e : entries) if (e.grantee() == grantee) out.add(e.addr());
        return out;
    }

    public int grantOf(int grantee, int target) {
        return grants.getOrDefault(new Edge(grantee, target), 0);
    }

    /** sc_grant: grantee includes target with mask (replacing); 0 revokes. */
    public void grant(int target, int grantee, int mask) {
        if (mask == 0) grants.remove(new Edge(grantee, target));
        else grants.put(new Edge(grantee, target), mask);
        rightsMemo.clear();
        if (mask == 0) {
            maybeFree(target);
            maybeFree(grantee);
        }
    }

    /** sc_entry: adds or removes a point entry; returns whether anything changed. */
    public boolean entry(int target, int grantee, long addr, boolean add) {
        EntryPoint e = new EntryPoint(grantee, target, addr);
        boolean changed = add ? entries.add(e) : entries.remove(e);
        if (changed && !add) {
            maybeFree(target);
            maybeFree(grantee);
        }
        return changed;
    }

    /**
     * SPEC 7: a subcontext attached nowhere and named by no grant or entry is freed, if it
     * was ever attached (a new one is its creator's to attach). Freeing drops its edges,
     * which may free others in turn.
     */
    private void maybeFree(int s) {
        if (freed.contains(s) || !everAttached.contains(s)) return;
        for (Set<Integer> a : attached) if (a.contains(s)) return;
        if (referenced(s)) return;
        pages.get(s).clear();
        freed.add(s);
    }

    private boolean referenced(int s) {
        for (Edge e : grants.keySet()) if (e.grantee() == s || e.target() == s) return true;
        for (EntryPoint e : entries) if (e.grantee() == s || e.target() == s) return true;
        return false;
    }

    // ---- attachments and mappings -------------------------------------------------------

    /** The page of context {@code c} holding {@code va} (owned by an attached subcontext), or null. */
    public Page pageAt(int c, long va) {
        long vpn = va >>> 12;
        for (int s : attached.get(c)) {
            Page p = pages.get(s).get(vpn);
            if (p != null) return p;
        }
        return null;
    }

    /** The page {@code s} itself maps at {@code va}, attached or not, or null. */
    public Page ownPageAt(int s, long va) {
        return pages.get(s).get(va >>> 12);
    }

    /** Whether a subcontext other than {@code s} attached to {@code c} maps page {@code vpn}. */
    private boolean otherMaps(int c, int s, long vpn) {
        for (int o : attached.get(c)) if (o != s && pages.get(o).containsKey(vpn)) return true;
        return false;
    }

    /** Attaches s to c: -EEXIST if already attached or if one of its pages is taken there. */
    public int attach(int s, int c) {
        if (attached.get(c).contains(s)) return -EEXIST;
        for (long vpn : pages.get(s).keySet()) if (otherMaps(c, s, vpn)) return -EEXIST;
        attached.get(c).add(s);
        everAttached.add(s);
        return 0;
    }

    /**
     * Detaches s from c: -EINVAL if not attached or if it is c's root. A subcontext left
     * attached nowhere and named by no grant or entry is freed (SPEC 7), here or when its
     * last grant or entry is revoked.
     */
    public int detach(int s, int c) {
        if (!attached.get(c).contains(s) || roots.get(c) == s) return -EINVAL;
        attached.get(c).remove(s);
        maybeFree(s);
        return 0;
    }

    /** Placement of {@link #map}. */
    public static final boolean FIXED = true, NOREPLACE = false;

    /**
     * mmap of {@code npages} pages at page {@code vpn} into s, FIXED (s's own pages there are
     * replaced) or NOREPLACE (-EEXIST if s maps any). Either way -EEXIST if another
     * subcontext maps a page of the range in a context s is attached to. New pages read zero.
     */
    public long map(int s, long vpn, int npages, int prot, boolean fixed) {
        for (long p = vpn; p < vpn + npages; p++) {
            if (!fixed && pages.get(s).containsKey(p)) return -EEXIST;
            for (int c = 0; c < attached.size(); c++) {
                if (attached.get(c).contains(s) && otherMaps(c, s, p)) return -EEXIST;
            }
        }
        for (long p = vpn; p < vpn + npages; p++) pages.get(s).put(p, new Page(s, prot));
        return vpn << 12;
    }

    /** munmap of s's pages in the range (other subcontexts' pages are untouched). */
    public int unmap(int s, long vpn, int npages) {
        for (long p = vpn; p < vpn + npages; p++) pages.get(s).remove(p);
        return 0;
    }

    /** mprotect: -ENOMEM unless s maps every page of the range. */
    public int protect(int s, long vpn, int npages, int prot) {
        for (long p = vpn; p < vpn + npages; p++) if (!pages.get(s).containsKey(p)) return -ENOMEM;
        for (long p = vpn; p < vpn + npages; p++) pages.get(s).get(p).prot = prot;
        return 0;
    }

    /** Kernel write into s's own page (ignores permissions); false if unmapped. Stays within one page. */
    public boolean poke(int s, long va, byte[] src) {
        Page p = ownPageAt(s, va);
        if (p == null) return false;
        for (int i = 0; i < src.length; i++) p.bytes.put((int) (va & 0xfff) + i, src[i]);
        return true;
    }

    // ---- section 4.1: data access ------------------------------------------------------

    /**
     * Whether code in {@code cur} may make a data access needing the bits {@code need} (R for
     * loads and LR, W for stores and SC, R|W for AMOs) to the page: 0 if so, else the fault
     * kind. The page's own permissions come first: if they forbid the access whatever the
     * rights, it is an ordinary fault (ACCERR, as in Linux); if they permit it and the
     * effective permission (page AND rights) does not, a subcontext fault. A writable page is
     * readable (PROT_WRITE implies PROT_READ on RISC-V Linux).
     */
    private int checkData(int cur, Page p, int need) {
        if (p == null) return MAPERR;
        int prot = p.prot;
        if ((prot & W) != 0) prot |= R;
        if ((prot & need) != need) return ACCERR;
        int effective = prot & rights(cur, p.owner);
        return (effective & need) == need ? OK : SUBCON;
    }

    /** Checks every byte of [va, va+size) for the bits {@code need}, in order; null if all may be accessed. */
    private Outcome checkRange(Thread th, long va, int size, int need) {
        for (int k = 0; k < size; k++) {
            Page p = pageAt(th.context, va + k);
            int f = checkData(th.current, p, need);
            if (f != OK) {
                int owner = p == null ? -1 : p.owner;
                return new Outcome(f, va + k, owner, owner < 0 ? 0 : rights(th.current, owner), 0, null);
            }
        }
        return null;
    }

    private long read(int c, long va, int size) {
        long v = 0;
        for (int k = 0; k < size; k++) {
            Page p = pageAt(c, va + k);
            v |= (long) p.get((int) ((va + k) & 0xfff)) << (8 * k);
        }
        return v;
    }

    private void write(int c, long va, int size, long v) {
        for (int k = 0; k < size; k++) {
            pageAt(c, va + k).bytes.put((int) ((va + k) & 0xfff), (byte) (v >>> (8 * k)));
        }
    }

    /** A load of {@code size} bytes (little-endian, zero-extended) by th. */
    public Outcome load(Thread th, long va, int size) {
        Outcome denied = checkRange(th, va, size, R);
        return denied != null ? denied : new Outcome(OK, 0, -1, 0, read(th.context, va, size), null);
    }

    /** A store: all of it or nothing. */
    public Outcome store(Thread th, long va, int size, long v) {
        Outcome denied = checkRange(th, va, size, W);
        if (denied != null) return denied;
        write(th.context, va, size, v);
        return new Outcome(OK, 0, -1, 0, 0, null);
    }

    /** An atomic's address must be naturally aligned (else a bus error). */
    private static Outcome misaligned(long va, int size) {
        return (va & (size - 1)) != 0 ? new Outcome(BUS, va, -1, 0, 0, null) : null;
    }

    private static long signExtend(long v, int size) {
        return size == 4 ? (int) v : v;
    }

    /** AMOSWAP (swap) or AMOADD: needs R and W; returns the old value (words sign-extended). */
    public Outcome amo(Thread th, long va, int size, boolean swap, long src) {
        Outcome denied = misaligned(va, size);
        if (denied == null) denied = checkRange(th, va, size, R | W);
        if (denied != null) return denied;
        long old = read(th.context, va, size);
        write(th.context, va, size, swap ? src : old + src);
        return new Outcome(OK, 0, -1, 0, signExtend(old, size), null);
    }

    /** LR: a load (SPEC 4.1: "LR needs R") that also takes a reservation. */
    public Outcome loadReserved(Thread th, long va, int size) {
        Outcome denied = misaligned(va, size);
        if (denied == null) denied = checkRange(th, va, size, R);
        if (denied != null) return denied;
        long v = read(th.context, va, size);
        th.reservedAddr = va;
        th.reservedSize = size;
        th.reservedValue = v;
        return new Outcome(OK, 0, -1, 0, signExtend(v, size), null);
    }

    /**
     * SC: a store (SPEC 4.1: SC needs W). Succeeds (value 0) iff the thread's reservation is
     * for this address and size and memory still holds the value LR read; else 1. The
     * reservation goes either way.
     */
    public Outcome storeConditional(Thread th, long va, int size, long v) {
        Outcome denied = misaligned(va, size);
        if (denied == null) denied = checkRange(th, va, size, W);
        if (denied != null) return denied;
        boolean match = th.reservedAddr == va && th.reservedSize == size
                && read(th.context, va, size) == (th.reservedValue & (size == 4 ? 0xffffffffL : -1L));
        th.reservedAddr = -1;
        if (match) write(th.context, va, size, v);
        return new Outcome(OK, 0, -1, 0, match ? 0 : 1, null);
    }

    // ---- sections 4.2-4.3: instruction fetch and transfers -----------------------------

    /**
     * An instruction fetch at {@code pc} by th, with {@code x1} the value of the return-address
     * register. From a page of th's current subcontext S: allowed iff the page has X. From a
     * page of T ≠ S (a transfer): allowed iff the page has X and
     * <ol>
     * <li>it is a return: the top trusted frame was pushed by a call from T into S and its ra
     *     is exactly pc. The frame is popped (whatever other right would also allow it);</li>
     * <li>or pc is a point entry granted to S into T: (S, T, x1) is pushed, even when S could
     *     also call anywhere in T (more rights must not break the callee's return); a full
     *     stack (maxDepth frames) is a subcontext fault;</li>
     * <li>or rights(S, T) has X (call-anywhere): nothing is pushed.</li>
     * </ol>
     * The current subcontext then becomes T. Anything else is a subcontext fault.
     */
    public Outcome fetch(Thread th, long pc, long x1) {
        Page p = pageAt(th.context, pc);
        int s = th.current;
        if (p == null) return new Outcome(MAPERR, pc, -1, 0, 0, null);
        int t = p.owner;
        int rights = rights(s, t);
        if ((p.prot & X) == 0) return new Outcome(ACCERR, pc, t, rights, 0, null);
        if (t == s) return new Outcome(OK, 0, t, rights, 0, "own");
        TrustedFrame top = th.stack.peek();
        String how;
        if (top != null && top.ra() == pc && top.caller() == t && top.callee() == s) {
            th.stack.pop();
            how = "return";
        } else if (isEntry(s, t, pc)) {
            if (th.stack.size() >= maxDepth) return new Outcome(SUBCON, pc, t, rights, 0, null);
            th.stack.push(new TrustedFrame(s, t, x1));
            how = "entry";
        } else if ((rights & X) != 0) {
            how = "call-anywhere";
        } else {
            return new Outcome(SUBCON, pc, t, rights, 0, null);
        }
        th.current = t;
        return new Outcome(OK, 0, t, rights, 0, how);
    }

    /** The kernel moves a thread to another subcontext, keeping its trusted stack (signals, upcalls). */
    public void enter(Thread th, int s) {
        th.current = s;
    }

    /** The kernel restarts a thread in subcontext s with an empty trusted stack (exec). */
    public void restart(Thread th, int s) {
        th.current = s;
        th.stack.clear();
        th.reservedAddr = -1;
    }

    // ---- diagnostics --------------------------------------------------------------------

    /** The whole state, for failure messages. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < attached.size(); c++) b.append("  context ").append(c).append(" root s").append(roots.get(c))
                .append(" attached ").append(attached.get(c)).append('\n');
        for (int s = 0; s < pages.size(); s++) {
            b.append("  s").append(s).append(freed.contains(s) ? " (freed)" : "").append(" pages");
            pages.get(s).forEach((vpn, p) -> b.append(String.format(" 0x%x:%s", vpn << 12, protText(p.prot))));
            b.append('\n');
        }
        b.append("  grants (grantee->target:mask)");
        grants.forEach((e, m) -> b.append(" s").append(e.grantee()).append("->s").append(e.target()).append(':').append(protText(m)));
        b.append("\n  entries (grantee->target@addr)");
        for (EntryPoint e : entries) b.append(String.format(" s%d->s%d@0x%x", e.grantee(), e.target(), e.addr()));
        return b.append('\n').toString();
    }

    public static String protText(int prot) {
        return ((prot & R) != 0 ? "r" : "-") + ((prot & W) != 0 ? "w" : "-") + ((prot & X) != 0 ? "x" : "-");
    }
}
