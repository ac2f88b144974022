package org.subcons.subcon;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The global rights graph (SPEC section 3): inclusion edges grantee → target with a mask,
 * and point entries. The rights of S over T are the OR, over every path S → … → T, of
 * the AND of the masks along it; for three bits that is: S has bit b over T iff T is
 * reachable from S over edges that all carry b. Guarded by the memory manager's lock.
 */
final class Rights {
    /** grantee → (target → mask). */
    private final Map<Subcontext, Map<Subcontext, Integer>> grants = new HashMap<>();
    /** grantee → (target → entry addresses). */
    private final Map<Subcontext, Map<Subcontext, Set<Long>>> entries = new HashMap<>();
    /** Bumped by every change; contexts rebuild their tables when it moves. */
    private long version;

    long version() {
        return version;
    }

    /** Sets (mask ≠ 0) or revokes (0) the inclusion of target by grantee; returns the old mask. */
    int grant(Subcontext target, Subcontext grantee, int mask) {
        Map<Subcontext, Integer> out = grants.computeIfAbsent(grantee, k -> new HashMap<>());
        Integer old = mask == 0 ? out.remove(target) : out.put(target, mask);
        if (out.isEmpty()) grants.remove(grantee);
        version++;
        return old == null ? 0 : old;
    }

    int directGrant(Subcontext target, Subcontext grantee) {
        Map<Subcontext, Integer> out = grants.get(grantee);
        Integer m = out == null ? null : out.get(target);
        return m == null ? 0 : m;
    }

    /** Adds or removes a point entry; returns whether it changed anything. */
    boolean entry(Subcontext target, Subcontext grantee, long addr, boolean add) {
        Map<Subcontext, Set<Long>> byTarget = entries.computeIfAbsent(grantee, k -> new HashMap<>());
        Set<Long> addrs = byTarget.computeIfAbsent(target, k -> new HashSet<>());
        boolean changed = add ? addrs.add(addr) : addrs.remove(addr);
        if (addrs.isEmpty()) byTarget.remove(target);
        if (byTarget.isEmpty()) entries.remove(grantee);
        if (changed) version++;
        return changed;
    }

    boolean isEntry(Subcontext grantee, Subcontext target, long addr) {
        Map<Subcontext, Set<Long>> byTarget = entries.get(grantee);
        Set<Long> addrs = byTarget == null ? null : byTarget.get(target);
        return addrs != null && addrs.contains(addr);
    }

    Set<Long> entries(Subcontext grantee, Subcontext target) {
        Map<Subcontext, Set<Long>> byTarget = entries.get(grantee);
        Set<Long> addrs = byTarget == null ? null : byTarget.get(target);
        return addrs == null ? Set.of() : Collections.unmodifiableSet(addrs);
    }

    /** Every subcontext {@code s} has rights over, with the mask (s itself excluded). */
    Map<Subcontext, Integer> closure(Subcontext s) {
        Map<Subcontext, Integer> out = new HashMap<>();
        for (int bit = Prot.R; bit <= Prot.X; bit <<= 1) {
            ArrayDeque<Subcontext> work = new ArrayDeque<>();
            Set<Subcontext> seen = new HashSet<>();
            work.add(s);
            seen.add(s);
            while (!work.isEmpty()) {
                Map<Subcontext, Integer> edges = grants.get(work.poll());
                if (edges == null) continue;
                for (Map.Entry<Subcontext, Integer> e : edges.entrySet()) {
                    if ((e.getValue() & bit) == 0 || !seen.add(e.getKey())) continue;
                    work.add(e.getKey());
                    out.merge(e.getKey(), bit, (a, b) -> a | b);
                }
            }
        }
        out.remove(s);
        return out;
    }

    /** Whether any grant or entry names {@code s} (then it must not be freed). */
    boolean referenced(Subcontext s) {
        if (grants.containsKey(s) || entries.containsKey(s)) return true;
        for (Map<Subcontext, Integer> m : grants.values()) if (m.containsKey(s)) return true;
        for (Map<Subcontext, Set<Long>> m : entries.values()) if (m.containsKey(s)) return true;
        return false;
    }

    /** The subcontexts a grant or entry links to {@code s}, either way. */
    Set<Subcontext> neighbours(Subcontext s) {
        Set<Subcontext> out = new java.util.HashSet<>();
        Map<Subcontext, Integer> g = grants.get(s);
        if (g != null) out.addAll(g.keySet());
        Map<Subcontext, Set<Long>> e = entries.get(s);
        if (e != null) out.addAll(e.keySet());
        grants.forEach((grantee, m) -> { if (m.containsKey(s)) out.add(grantee); });
        entries.forEach((grantee, m) -> { if (m.containsKey(s)) out.add(grantee); });
        out.remove(s);
        return out;
    }

    /** Drops every grant and entry naming {@code s} (it is being freed). */
    void forget(Subcontext s) {
        grants.remove(s);
        entries.remove(s);
        grants.values().forEach(m -> m.remove(s));
        entries.values().forEach(m -> m.remove(s));
        version++;
    }

    /**
     * After a fork: the copies get the grants and entries their originals had among
     * themselves (an edge between two copied subcontexts is mirrored between the copies; an
     * edge to a shared one is mirrored with the shared one).
     */
    void mirror(Map<Subcontext, Subcontext> copies) {
        Set<Subcontext> grantees = new java.util.HashSet<>(grants.keySet());      // before the copies join
        grantees.addAll(entries.keySet());
        for (Map.Entry<Subcontext, Subcontext> c : copies.entrySet()) {
            Subcontext orig = c.getKey(), copy = c.getValue();
            if (orig == copy) continue;
            Map<Subcontext, Integer> out = grants.get(orig);
            if (out != null) {
                for (Map.Entry<Subcontext, Integer> e : Map.copyOf(out).entrySet()) {
                    grant(copies.getOrDefault(e.getKey(), e.getKey()), copy, e.getValue());
                }
            }
            Map<Subcontext, Set<Long>> ent = entries.get(orig);
            if (ent != null) {
                for (Map.Entry<Subcontext, Set<Long>> e : Map.copyOf(ent).entrySet()) {
                    for (long a : Set.copyOf(e.getValue())) entry(copies.getOrDefault(e.getKey(), e.getKey()), copy, a, true);
                }
            }
        }
        // Edges into copied ones from subcontexts that are not copied (shared ones, and ones
        // attached elsewhere or nowhere, through which paths of rights may pass) are mirrored
        // too: the child's paths lead to its copies as the parent's lead to the originals.
        for (Map.Entry<Subcontext, Subcontext> c : copies.entrySet()) {
            Subcontext orig = c.getKey(), copy = c.getValue();
            if (orig == copy) continue;
            for (Subcontext g : grantees) {
                Subcontext gc = copies.get(g);
                if (gc != null && gc != g) continue;             // a copied grantee: mirrored above
                int m = directGrant(orig, g);
                if (m != 0) grant(copy, g, m);
                for (long a : Set.copyOf(entries(g, orig))) entry(copy, g, a, true);
            }
        }
    }

    /**
     * execve: the new root takes the old root's place in the grants and entries between it
     * and the subcontexts kept across the exec (SPEC 7); the old root's other edges go with it.
     */
    void replace(Subcontext oldRoot, Subcontext newRoot, Set<Subcontext> kept) {
        Map<Subcontext, Integer> out = grants.get(oldRoot);
        if (out != null) Map.copyOf(out).forEach((t, m) -> { if (kept.contains(t)) grant(t, newRoot, m); });
        for (Subcontext g : kept) {
            int m = directGrant(oldRoot, g);
            if (m != 0) grant(newRoot, g, m);
        }
        Map<Subcontext, Set<Long>> ent = entries.get(oldRoot);
        if (ent != null) Map.copyOf(ent).forEach((t, a) -> { if (kept.contains(t)) Set.copyOf(a).forEach(x -> entry(t, newRoot, x, true)); });
        for (Subcontext g : kept) for (long a : Set.copyOf(entries(g, oldRoot))) entry(newRoot, g, a, true);
        version++;
    }
}
