package org.subcons.subcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.subcons.mem.Frame;
import org.subcons.mem.PageTable;

/**
 * A subcontext: a kernel object with its own list of mappings and its own page table. The
 * owner of a page is the subcontext whose table holds it; a subcontext attached to several
 * contexts is one object, so its mappings are the same in all of them at once.
 * Mutated only under {@link MemoryManager#lock}.
 */
public final class Subcontext {
    public static final int SHARE_ON_FORK = 1, KEEP_ON_EXEC = 2;

    public final long sid;
    public final String name;
    public final int flags;
    private Subcontext controller;
    /**
     * Where the system calls of code in this subcontext go (sc_handler, SPEC section 6), or
     * null for the kernel. Read by harts on every ecall, so volatile.
     */
    private volatile Handler handler;

    /** A system-call handler: the server, its entry point, and the stack each thread gets there. */
    public record Handler(Subcontext server, long entry, long stackSize) {
    }

    final TreeMap<Long, Vma> vmas = new TreeMap<>();
    final PageTable pages = new PageTable();
    final List<Context> contexts = new ArrayList<>(1);
    /** Attached at least once: only then does losing its last attachment or reference free it. */
    boolean everAttached;

    Subcontext(long sid, String name, int flags) {
        this.sid = sid;
        this.name = name;
        this.flags = flags;
        this.controller = this;
    }

    public Subcontext controller() {
        return controller;
    }

    void setController(Subcontext c) {
        this.controller = c;
    }

    public Handler handler() {
        return handler;
    }

    void setHandler(Handler h) {
        this.handler = h;
    }

    /** Whether this subcontext controls {@code x}: it is x's controller, or controls x's controller. */
    public boolean controls(Subcontext x) {
        for (Subcontext c = x; ; c = c.controller) {
            if (c.controller == this) return true;
            if (c.controller == c) return false;
        }
    }

    public List<Context> contexts() {
        return contexts;
    }

    /** The VMA containing {@code va}, or null. */
    public Vma vmaAt(long va) {
        Map.Entry<Long, Vma> e = vmas.floorEntry(va);
        return e != null && e.getValue().contains(va) ? e.getValue() : null;
    }

    public Iterable<Vma> vmas() {
        return vmas.values();
    }

    public long bytesMapped() {
        long n = 0;
        for (Vma v : vmas.values()) n += v.length();
        return n;
    }

    public long pagesPresent() {
        return pages.size();
    }

    Frame page(long vpn) {
        return pages.get(vpn);
    }

    @Override
    public String toString() {
        return name + "#" + sid;
    }
}
