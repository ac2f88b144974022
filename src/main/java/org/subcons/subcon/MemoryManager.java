package org.subcons.subcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.subcons.host.Errno;
import org.subcons.mem.Frame;
import org.subcons.mem.PhysicalMemory;

/**
 * The kernel's memory manager: every subcontext and context, and every change to their
 * mappings. All changes happen under {@link #lock}; a change that removes or narrows
 * access bumps the generation of every context the subcontext is attached to and waits
 * until the harts running there have dropped their stale translations (TLB shootdown).
 */
public final class MemoryManager {
    /** How an mmap chooses its address. */
    public static final int PLACE_HINT = 0, PLACE_FIXED = 1, PLACE_NOREPLACE = 2;

    final Object lock = new Object();
    final PhysicalMemory phys;
    private final long memLimit;
    private final AtomicLong nextSid = new AtomicLong(1);
    private final Map<Long, Subcontext> subcons = new ConcurrentHashMap<>();
    final Rights rightsGraph = new Rights();
    /** Every live context, for changes whose effects are not local (revoking rights). */
    private final java.util.Set<Context> contexts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public MemoryManager(long memLimitBytes) {
        this.phys = new PhysicalMemory(memLimitBytes);
        this.memLimit = memLimitBytes;
    }

    public PhysicalMemory physical() {
        return phys;
    }

    public Object lock() {
        return lock;
    }

    /** Memory in use by guest pages, in bytes. */
    public long bytesInUse() {
        return phys.bytesInUse();
    }

    /**
     * Linux's heuristic overcommit: a private writable mapping larger than the memory still
     * free under --mem is refused at once; anything smaller is allowed, and pages are counted
     * when they are touched (running out then kills the process, see FaultInfo.OOM).
     */
    private boolean obviousOvercommit(boolean shared, int prot, long len) {
        return !shared && (prot & Prot.W) != 0 && len > memLimit - phys.bytesInUse();
    }

    // ---- subcontexts and contexts -------------------------------------------------------

    public Subcontext subcon(long sid) {
        return subcons.get(sid);
    }

    /** A new empty subcontext controlled by {@code controller} (itself when null). */
    public Subcontext create(String name, int flags, Subcontext controller) {
        Subcontext s = new Subcontext(nextSid.getAndIncrement(), name, flags);
        if (controller != null) s.setController(controller);
        subcons.put(s.sid, s);
        return s;
    }

    /** A new context for a process, with a fresh self-controlled root subcontext. */
    public Context newContext(String rootName) {
        Context c = new Context(this);
        Subcontext root = create(rootName, 0, null);
        synchronized (lock) {
            attachLocked(root, c);
            c.root = root;
            contexts.add(c);
        }
        return c;
    }

    /** Attaches {@code s} to {@code c}; -EEXIST if any of its mappings overlaps one there. */
    public int attach(Subcontext s, Context c) {
        synchronized (lock) {
            if (s.contexts.contains(c)) return -Errno.EEXIST;
            for (Vma v : s.vmas.values()) {
                if (!c.isFree(v.start, v.end)) return -Errno.EEXIST;
            }
            attachLocked(s, c);
            return 0;
        }
    }

    private void attachLocked(Subcontext s, Context c) {
        s.everAttached = true;
        s.contexts.add(c);
        c.attached.add(s);
        for (Vma v : s.vmas.values()) c.index.put(v.start, v);
    }

    /** Detaches {@code s} from {@code c}; the harts of {@code c} lose access at once. */
    public int detach(Subcontext s, Context c, TlbHolder self) {
        long gen;
        synchronized (lock) {
            if (!s.contexts.remove(c) || s == c.root) {
                if (s == c.root) s.contexts.add(c);
                return -Errno.EINVAL;
            }
            c.attached.remove(s);
            for (Vma v : s.vmas.values()) c.index.remove(v.start);
            c.invalidate();
            gen = c.generation();
            freeIfDetachedAndUnused(s);
        }
        c.awaitGeneration(gen, self);
        return 0;
    }

    /** Detaches every subcontext of a dying or exec-replaced context. */
    public void dispose(Context c) {
        synchronized (lock) {
            List<Subcontext> was = new ArrayList<>(c.attached);
            for (Subcontext s : was) {
                s.contexts.remove(c);
                for (Vma v : s.vmas.values()) c.index.remove(v.start);
                c.attached.remove(s);
            }
            // A root goes with its context; the rest go when nothing refers to them any more
            // (freeing one frees what only it referred to).
            if (c.root != null && c.root.contexts.isEmpty() && subcons.get(c.root.sid) == c.root) freeLocked(c.root);
            for (Subcontext s : was) freeIfDetachedAndUnused(s);
            c.invalidate();
            contexts.remove(c);
        }
    }

    /** Whether anything other than an attachment keeps {@code s} alive (a grant or an entry). */
    private boolean referenced(Subcontext s) {
        if (rightsGraph.referenced(s)) return true;
        for (Subcontext c : subcons.values()) {
            Subcontext.Handler h = c.handler();
            if (h != null && h.server() == s) return true;
        }
        return false;
    }

    /** Frees {@code s} if it is attached nowhere and referenced by nothing (SPEC section 7). */
    public void freeIfUnused(Subcontext s) {
        synchronized (lock) {
            freeIfDetachedAndUnused(s);
        }
    }

    /**
     * After a revocation: a subcontext that was attached once, is attached nowhere now and
     * is named by no grant, entry or handler is freed. (One never attached yet is its
     * creator's to attach, and stays.)
     */
    private void freeIfDetachedAndUnused(Subcontext s) {
        if (s != null && s.everAttached && s.contexts.isEmpty() && !referenced(s) && subcons.get(s.sid) == s) freeLocked(s);
    }

    /** Frees {@code s}, then whatever only it kept alive (a server whose last client it was, ...). */
    private void freeLocked(Subcontext s) {
        java.util.Set<Subcontext> linked = rightsGraph.neighbours(s);
        if (s.handler() != null) linked.add(s.handler().server());
        for (Vma v : new ArrayList<>(s.vmas.values())) unmapVmaPart(s, v, v.start, v.end);
        subcons.remove(s.sid);
        rightsGraph.forget(s);
        s.setHandler(null);
        for (Subcontext n : linked) freeIfDetachedAndUnused(n);
    }

    // ---- rights -----------------------------------------------------------------------

    /** The rights of code in {@code s} over pages of {@code t}, as seen in context {@code c}. */
    int rights(Context c, Subcontext s, Subcontext t) {
        return s == t ? Prot.RWX : c.rightsOf(rightsGraph, s, t);
    }

    /** Rights of {@code s} over {@code t} in {@code c} (for the kernel's checks and /proc). */
    public int rightsOf(Context c, Subcontext s, Subcontext t) {
        synchronized (lock) {
            return rights(c, s, t);
        }
    }

    /** Whether {@code grantee} holds any point entry into {@code target} in [lo, hi). */
    public boolean hasEntryIn(Subcontext grantee, Subcontext target, long lo, long hi) {
        synchronized (lock) {
            for (long a : rightsGraph.entries(grantee, target)) if (a >= lo && a < hi) return true;
            return false;
        }
    }

    public boolean isEntry(Subcontext grantee, Subcontext target, long addr) {
        synchronized (lock) {
            return rightsGraph.isEntry(grantee, target, addr);
        }
    }

    /**
     * sc_grant's effect: grantee includes target with mask (0 revokes). Narrowing anyone's
     * rights invalidates every context's caches and waits for their harts (transitive
     * rights may have shrunk anywhere).
     */
    public void grant(Subcontext target, Subcontext grantee, int mask, TlbHolder self) {
        List<Context> stale = null;
        synchronized (lock) {
            int old = rightsGraph.grant(target, grantee, mask);
            if ((old & ~mask) != 0) stale = invalidateEverything();
            if (mask == 0) {
                freeIfDetachedAndUnused(target);
                freeIfDetachedAndUnused(grantee);
            }
        }
        await(stale, self);
    }

    /** sc_entry's effect; removing one invalidates cached transfer decisions everywhere. */
    public boolean entry(Subcontext target, Subcontext grantee, long addr, boolean add, TlbHolder self) {
        List<Context> stale = null;
        boolean changed;
        synchronized (lock) {
            changed = rightsGraph.entry(target, grantee, addr, add);
            if (changed && !add) {
                stale = invalidateEverything();
                freeIfDetachedAndUnused(target);
                freeIfDetachedAndUnused(grantee);
            }
        }
        await(stale, self);
        return changed;
    }

    /**
     * sc_handler's effect (null removes). Fails with -EINVAL if the chain of handlers from
     * {@code server} would lead back to {@code client}.
     */
    public int setHandler(Subcontext client, Subcontext.Handler h) {
        synchronized (lock) {
            if (h != null) {
                for (Subcontext s = h.server(); s != null; s = s.handler() == null ? null : s.handler().server()) {
                    if (s == client) return -Errno.EINVAL;
                }
            }
            Subcontext.Handler old = client.handler();
            client.setHandler(h);
            if (old != null) freeIfDetachedAndUnused(old.server());
            return 0;
        }
    }

    public void setController(Subcontext s, Subcontext controller) {
        synchronized (lock) {
            s.setController(controller);
        }
    }

    /**
     * execve with SC_KEEP_ON_EXEC subcontexts {@code kept}: the new root takes the old one's
     * roles towards them (grantee, target, controller, controlled, handler client).
     */
    public void replaceRoot(Subcontext oldRoot, Subcontext newRoot, java.util.Collection<Subcontext> kept) {
        synchronized (lock) {
            java.util.Set<Subcontext> k = java.util.Set.copyOf(kept);
            rightsGraph.replace(oldRoot, newRoot, k);
            for (Subcontext s : k) if (s.controller() == oldRoot) s.setController(newRoot);
            if (k.contains(oldRoot.controller())) newRoot.setController(oldRoot.controller());
            Subcontext.Handler h = oldRoot.handler();
            if (h != null && k.contains(h.server())) newRoot.setHandler(h);     // still served as before
        }
    }

    private List<Context> invalidateEverything() {
        List<Context> all = new ArrayList<>(contexts);
        for (Context c : all) c.invalidate();
        return all;
    }

    public long bytesMapped(Subcontext s) {
        synchronized (lock) {
            return s.bytesMapped();
        }
    }

    public long pagesPresent(Subcontext s) {
        synchronized (lock) {
            return s.pagesPresent();
        }
    }

    /** The subcontexts there are, for /proc and diagnostics. */
    public List<Subcontext> all() {
        return new ArrayList<>(subcons.values());
    }

    // ---- mapping ----------------------------------------------------------------------

    /**
     * Maps [addr, addr+len) into {@code s}. Returns the address or -errno. With
     * PLACE_FIXED, the subcontext's own mappings there are replaced; another subcontext's
     * mappings are never touched (-EEXIST).
     */
    public long map(Subcontext s, long addr, long len, int prot, boolean shared, Backing backing, long offset,
                    String name, int placement, TlbHolder self) {
        return map(s, addr, len, prot, shared, backing, offset, name, placement, self, null);
    }

    /**
     * Like the other map; a chosen address (PLACE_HINT) is also free in {@code alsoFree} (the
     * caller's context when it maps into a subcontext it may attach there later: sc_mmap,
     * sc_load).
     */
    public long map(Subcontext s, long addr, long len, int prot, boolean shared, Backing backing, long offset,
                    String name, int placement, TlbHolder self, Context alsoFree) {
        if (len <= 0) return -Errno.EINVAL;
        len = Layout.pageUp(len);
        if (len <= 0 || len > Layout.TASK_SIZE) return -Errno.ENOMEM;
        List<Context> stale = null;
        synchronized (lock) {
            long start;
            if (placement == PLACE_HINT) {
                start = findFree(s, len, addr, alsoFree);
                if (start < 0) return start;
            } else {
                if ((addr & Frame.MASK) != 0) return -Errno.EINVAL;
                if (!Layout.userRange(addr, len) || addr < Layout.MMAP_MIN) return -Errno.ENOMEM;
                start = addr;
                if (placement == PLACE_NOREPLACE) {
                    if (!freeEverywhere(s, start, start + len, null)) return -Errno.EEXIST;
                } else if (!freeEverywhere(s, start, start + len, s)) {
                    return -Errno.EEXIST;
                }
            }
            if (obviousOvercommit(shared, prot, len)) return -Errno.ENOMEM;
            if (s.vmas.lowerEntry(start + len) != null && overlapIn(s.vmas, start, start + len) != null) {
                unmapLocked(s, start, start + len);
                stale = new ArrayList<>(s.contexts);
            }
            insertMerged(new Vma(s, start, start + len, prot, shared, backing, offset, name));
            if (stale != null) stale.forEach(Context::invalidate);
            addr = start;
        }
        await(stale, self);
        return addr;
    }

    /** Unmaps [start, start+len) in {@code s}; other subcontexts' pages in the range are untouched. */
    public int unmap(Subcontext s, long start, long len, TlbHolder self) {
        if ((start & Frame.MASK) != 0 || len <= 0) return -Errno.EINVAL;
        len = Layout.pageUp(len);
        if (!Layout.userRange(start, len)) return -Errno.EINVAL;
        List<Context> stale;
        synchronized (lock) {
            if (!unmapLocked(s, start, start + len)) return 0;
            stale = invalidateAll(s);
        }
        await(stale, self);
        return 0;
    }

    /** Changes the protection of [start, start+len), which must be wholly mapped by {@code s}. */
    public int protect(Subcontext s, long start, long len, int prot, TlbHolder self) {
        if ((start & Frame.MASK) != 0) return -Errno.EINVAL;
        if (len == 0) return 0;
        len = Layout.pageUp(len);
        if (len <= 0 || !Layout.userRange(start, len)) return -Errno.ENOMEM;
        long end = start + len;
        List<Context> stale;
        synchronized (lock) {
            if (!covered(s, start, end)) return -Errno.ENOMEM;
            for (Vma v : overlappingIn(s.vmas, start, end)) {
                long a = Math.max(v.start, start), z = Math.min(v.end, end);
                remove(v);
                if (v.start < a) insert(v.slice(v.start, a, v.prot));
                insert(v.slice(a, z, prot));
                if (v.end > z) insert(v.slice(z, v.end, v.prot));
                if (v.backing != null) v.backing.release();
            }
            mergeAnonymous(s, start, end);      // after the loop: merging inside it would revisit what it absorbed
            stale = invalidateAll(s);
        }
        await(stale, self);
        return 0;
    }

    /** Linux mremap on a mapping of {@code s}. Returns the new address or -errno. */
    public long remap(Subcontext s, long old, long oldLen, long newLen, boolean mayMove, long fixedAddr,
                      TlbHolder self) {
        if ((old & Frame.MASK) != 0) return -Errno.EINVAL;
        oldLen = Layout.pageUp(oldLen);
        newLen = Layout.pageUp(newLen);
        if (newLen <= 0) return -Errno.EINVAL;
        if (fixedAddr >= 0 && ((fixedAddr & Frame.MASK) != 0 || !mayMove)) return -Errno.EINVAL;
        List<Context> stale = null;
        long result;
        synchronized (lock) {
            Vma v = s.vmaAt(old);
            if (v == null || old + oldLen > v.end || oldLen == 0) return -Errno.EFAULT;
            if (fixedAddr < 0 && newLen <= oldLen) {
                if (newLen < oldLen) {
                    unmapLocked(s, old + newLen, old + oldLen);
                    stale = invalidateAll(s);
                }
                result = old;
            } else if (fixedAddr < 0 && old + oldLen == v.end
                    && freeEverywhere(s, v.end, old + newLen, null) && Layout.userRange(old, newLen)) {
                if (obviousOvercommit(v.shared, v.prot, newLen - oldLen)) return -Errno.ENOMEM;
                remove(v);
                insertMerged(new Vma(s, v.start, old + newLen, v.prot, v.shared, v.backing, v.offset, v.name));
                result = old;
            } else if (mayMove) {
                long dst = fixedAddr >= 0 ? fixedAddr : findFree(s, newLen, 0);
                if (dst < 0) return dst;
                if (!freeEverywhere(s, dst, dst + newLen, s) || (dst < old + oldLen && old < dst + newLen)) {
                    return -Errno.EINVAL;
                }
                if (obviousOvercommit(v.shared, v.prot, newLen - oldLen)) return -Errno.ENOMEM;
                unmapLocked(s, dst, dst + newLen);
                Vma moved = new Vma(s, dst, dst + newLen, v.prot, v.shared,
                        v.backing == null ? null : v.backing.retain(), v.offset + (old - v.start), v.name);
                insert(moved);
                long keep = Math.min(oldLen, newLen) >>> Frame.SHIFT;
                long from = old >>> Frame.SHIFT, to = dst >>> Frame.SHIFT;
                s.pages.forEachPresent(from, from + keep, vpn -> s.pages.set(to + (vpn - from), s.pages.set(vpn, null)));
                unmapLocked(s, old, old + oldLen);
                stale = invalidateAll(s);
                result = dst;
            } else {
                return -Errno.ENOMEM;
            }
        }
        await(stale, self);
        return result;
    }

    /** MADV_DONTNEED: drops private pages so they read back as zeros (or file contents). */
    public int dropPages(Subcontext s, long start, long len, TlbHolder self) {
        if ((start & Frame.MASK) != 0 || len < 0) return -Errno.EINVAL;
        long end = start + Layout.pageUp(len);
        List<Context> stale;
        synchronized (lock) {
            if (!covered(s, start, end)) return -Errno.ENOMEM;
            for (Vma v : overlappingIn(s.vmas, start, end)) {
                if (v.shared) continue;
                releasePages(s, v, Math.max(v.start, start), Math.min(v.end, end));
            }
            stale = invalidateAll(s);
        }
        await(stale, self);
        return 0;
    }

    /** msync: writes the shared file pages of [start, start+len) back. */
    public int sync(Subcontext s, long start, long len) {
        if ((start & Frame.MASK) != 0) return -Errno.EINVAL;
        long end = start + Layout.pageUp(len);
        synchronized (lock) {
            if (!covered(s, start, end)) return -Errno.ENOMEM;
            for (Vma v : overlappingIn(s.vmas, start, end)) {
                if (!v.shared || v.backing == null) continue;
                s.pages.forEachPresent(Math.max(v.start, start) >>> Frame.SHIFT, Math.min(v.end, end) >>> Frame.SHIFT,
                        vpn -> v.backing.writeBack(v.offset + ((vpn << Frame.SHIFT) - v.start), s.pages.get(vpn)));
            }
        }
        return 0;
    }

    /** Sets the program break of {@code c}'s root subcontext (Linux brk semantics: returns the break). */
    public long brk(Context c, long newBrk, TlbHolder self) {
        Subcontext s = c.root;
        if (newBrk < c.brkStart) return c.brk;
        long oldTop = Layout.pageUp(c.brk), newTop = Layout.pageUp(newBrk);
        if (newTop > oldTop) {
            long r = map(s, oldTop, newTop - oldTop, Prot.R | Prot.W, false, null, 0, "[heap]", PLACE_NOREPLACE, self);
            if (r < 0) return c.brk;
        } else if (newTop < oldTop) {
            unmap(s, newTop, oldTop - newTop, self);
        }
        c.brk = newBrk;
        return newBrk;
    }

    /** Sets where the heap begins (after the program's last segment). */
    public void initBrk(Context c, long start) {
        c.brkStart = c.brk = start;
    }

    // ---- kernel access ----------------------------------------------------------------

    /**
     * Writes into {@code s}'s memory with kernel privilege, ignoring page permissions (the
     * loader filling text segments). Returns false if part of the range is not mapped.
     */
    public boolean poke(Subcontext s, long va, byte[] src, int off, int len) {
        synchronized (lock) {
            while (len > 0) {
                Vma v = s.vmaAt(va);
                if (v == null) return false;
                long vpn = va >>> Frame.SHIFT;
                Frame f = s.pages.get(vpn);
                if (f == null) f = populate(v, vpn);
                else if (!v.shared && f.mappings() > 1) f = breakCopyOnWrite(s, vpn, f);
                if (f == null) return false;
                f.decoded = null;
                int o = (int) (va & Frame.MASK), n = Math.min(len, Frame.SIZE - o);
                System.arraycopy(src, off, f.data, o, n);
                va += n;
                off += n;
                len -= n;
            }
            return true;
        }
    }

    // ---- page faults ------------------------------------------------------------------

    /** Brings in the page {@code vpn} of {@code v} (caller holds the lock). Null if memory ran out. */
    Frame populate(Vma v, long vpn) {
        Subcontext s = v.owner;
        long fileOffset = v.offset + ((vpn << Frame.SHIFT) - v.start);
        Frame f;
        if (v.shared && v.backing != null) {
            f = v.backing.sharedPage(fileOffset);
        } else {
            f = phys.allocate();
            if (f != null && v.backing != null && v.backing.readPage(fileOffset, f.data) < 0) {
                phys.release(f);
                f = null;
            }
        }
        if (f == null) return null;
        f.addMapping();
        s.pages.set(vpn, f);
        return f;
    }

    /** Gives {@code s} its own copy of a shared private page; other harts re-walk. */
    Frame breakCopyOnWrite(Subcontext s, long vpn, Frame shared) {
        Frame copy = phys.copyOf(shared);
        if (copy == null) return null;
        copy.addMapping();
        s.pages.set(vpn, copy);
        if (shared.removeMapping() == 0) phys.release(shared);
        for (Context c : s.contexts) c.invalidate();
        return copy;
    }

    // ---- fork -------------------------------------------------------------------------

    /**
     * A copy-on-write copy of {@code src}: same mappings, same frames (now shared), for a
     * child process. The parent's harts drop their write translations before this returns.
     */
    public Subcontext copyForFork(Subcontext src, Subcontext controller, TlbHolder self) {
        Subcontext dst;
        List<Context> stale;
        synchronized (lock) {
            dst = create(src.name, src.flags, controller);
            for (Vma v : src.vmas.values()) {
                dst.vmas.put(v.start, v.copyFor(dst));
                src.pages.forEachPresent(v.start >>> Frame.SHIFT, v.end >>> Frame.SHIFT, vpn -> {
                    Frame f = src.pages.get(vpn);
                    f.addMapping();
                    dst.pages.set(vpn, f);
                });
            }
            stale = invalidateAll(src);
        }
        await(stale, self);
        return dst;
    }

    /**
     * After a fork: the copies stand in the same relations to each other as the originals
     * (SPEC section 7): a copy's controller is its original's controller's copy, or the
     * original controller itself when that one is shared rather than copied.
     */
    public void mirrorForFork(Map<Subcontext, Subcontext> copies) {
        synchronized (lock) {
            rightsGraph.mirror(copies);
            for (Map.Entry<Subcontext, Subcontext> e : copies.entrySet()) {
                Subcontext orig = e.getKey(), copy = e.getValue();
                if (orig == copy) continue;
                Subcontext ctl = orig.controller();
                copy.setController(ctl == orig ? copy : copies.getOrDefault(ctl, ctl));
                Subcontext.Handler h = orig.handler();
                if (h != null) copy.setHandler(new Subcontext.Handler(copies.getOrDefault(h.server(), h.server()), h.entry(), h.stackSize()));
            }
        }
    }

    /** A context for a forked child made of already-built subcontexts, {@code root} first. */
    public Context newContextOf(Subcontext root, List<Subcontext> others, long brkStart, long brk) {
        Context c = new Context(this);
        synchronized (lock) {
            contexts.add(c);
            attachLocked(root, c);
            for (Subcontext s : others) attachLocked(s, c);
            c.root = root;
            c.brkStart = brkStart;
            c.brk = brk;
        }
        return c;
    }

    // ---- internals --------------------------------------------------------------------

    private long findFree(Subcontext s, long len, long hint) {
        return findFree(s, len, hint, null);
    }

    private long findFree(Subcontext s, long len, long hint, Context also) {
        if (also != null && s.contexts.contains(also)) also = null;
        if (hint != 0) {
            long h = Layout.pageDown(hint);
            if (h >= Layout.MMAP_MIN && Layout.userRange(h, len) && freeEverywhere(s, h, h + len, null)
                    && (also == null || also.overlapping(h, h + len) == null)) return h;
        }
        long top = Layout.MMAP_BASE;
        while (true) {
            long cand = top - len;
            if (cand < Layout.MMAP_MIN || cand > top) return -Errno.ENOMEM;
            Vma o = overlapIn(s.vmas, cand, top);
            for (int i = 0; o == null && i < s.contexts.size(); i++) o = s.contexts.get(i).overlapping(cand, top);
            if (o == null && also != null) o = also.overlapping(cand, top);
            if (o == null) return cand;
            top = o.start;
        }
    }

    /** Whether [start, end) is free in every context {@code s} is attached to, ignoring {@code except}'s own mappings. */
    private boolean freeEverywhere(Subcontext s, long start, long end, Subcontext except) {
        if (except != s && overlapIn(s.vmas, start, end) != null) return false;
        for (Context c : s.contexts) {
            for (Vma v : overlappingIn(c.index, start, end)) {
                if (v.owner != except) return false;
            }
        }
        return true;
    }

    private boolean covered(Subcontext s, long start, long end) {
        long at = start;
        for (Vma v : overlappingIn(s.vmas, start, end)) {
            if (v.start > at) return false;
            at = v.end;
        }
        return at >= end;
    }

    private static Vma overlapIn(TreeMap<Long, Vma> map, long start, long end) {
        Map.Entry<Long, Vma> e = map.lowerEntry(end);
        return e != null && e.getValue().end > start ? e.getValue() : null;
    }

    private static List<Vma> overlappingIn(TreeMap<Long, Vma> map, long start, long end) {
        Long from = map.floorKey(start);
        NavigableMap<Long, Vma> sub = map.subMap(from == null ? start : from, true, end, false);
        List<Vma> out = new ArrayList<>();
        for (Vma v : sub.values()) if (v.end > start) out.add(v);
        return out;
    }

    private void insert(Vma v) {
        Subcontext s = v.owner;
        s.vmas.put(v.start, v);
        for (Context c : s.contexts) c.index.put(v.start, v);
    }

    private void remove(Vma v) {
        Subcontext s = v.owner;
        s.vmas.remove(v.start);
        for (Context c : s.contexts) c.index.remove(v.start);
    }

    /** Inserts {@code v}, merged with anonymous neighbours it continues, so maps stay tidy. */
    private void insertMerged(Vma v) {
        Subcontext s = v.owner;
        if (v.backing == null) {
            Map.Entry<Long, Vma> prev = s.vmas.lowerEntry(v.start);
            if (prev != null && prev.getValue().mergeableWith(v)) {
                remove(prev.getValue());
                v = new Vma(s, prev.getValue().start, v.end, v.prot, v.shared, null, 0, v.name);
            }
            Vma next = s.vmas.get(v.end);
            if (next != null && v.mergeableWith(next)) {
                remove(next);
                v = new Vma(s, v.start, next.end, v.prot, v.shared, null, 0, v.name);
            }
        }
        insert(v);
    }

    /** Joins neighbouring anonymous mappings of {@code s} in and around [start, end) that can be one. */
    private void mergeAnonymous(Subcontext s, long start, long end) {
        Vma prev = null;
        for (Vma v : overlappingIn(s.vmas, Math.max(0, start - 1), end + 1)) {
            if (prev != null && prev.backing == null && prev.mergeableWith(v)) {
                remove(prev);
                remove(v);
                v = new Vma(s, prev.start, v.end, v.prot, v.shared, null, 0, v.name);
                insert(v);
            }
            prev = v;
        }
    }

    /** Unmaps [start, end) of {@code s}; returns whether anything was mapped there. */
    private boolean unmapLocked(Subcontext s, long start, long end) {
        List<Vma> hit = overlappingIn(s.vmas, start, end);
        for (Vma v : hit) unmapVmaPart(s, v, Math.max(v.start, start), Math.min(v.end, end));
        return !hit.isEmpty();
    }

    private void unmapVmaPart(Subcontext s, Vma v, long a, long z) {
        remove(v);
        if (v.start < a) insert(v.slice(v.start, a, v.prot));
        if (v.end > z) insert(v.slice(z, v.end, v.prot));
        releasePages(s, v, a, z);
        if (v.backing != null) v.backing.release();
    }

    private void releasePages(Subcontext s, Vma v, long a, long z) {
        s.pages.forEachPresent(a >>> Frame.SHIFT, z >>> Frame.SHIFT, vpn -> {
            Frame f = s.pages.set(vpn, null);
            if (v.shared && v.backing != null) v.backing.writeBack(v.offset + ((vpn << Frame.SHIFT) - v.start), f);
            if (f.removeMapping() == 0) phys.release(f);
        });
    }

    private static List<Context> invalidateAll(Subcontext s) {
        List<Context> stale = new ArrayList<>(s.contexts);
        for (Context c : stale) c.invalidate();
        return stale;
    }

    private static void await(List<Context> stale, TlbHolder self) {
        if (stale == null) return;
        for (Context c : stale) c.awaitGeneration(c.generation(), self);
    }
}
