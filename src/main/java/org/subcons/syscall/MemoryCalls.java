package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.Task;
import org.subcons.subcon.Backing;
import org.subcons.subcon.Layout;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.Vma;

/**
 * brk, mmap, munmap, mprotect, mremap, madvise, msync and friends. Each acts on the
 * caller's current subcontext (the principal), with no control check (SPEC section 5).
 */
final class MemoryCalls {
    static final int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_SHARED_VALIDATE = 3, MAP_TYPE = 0xf, MAP_FIXED = 0x10,
            MAP_ANONYMOUS = 0x20, MAP_FIXED_NOREPLACE = 0x100000;
    static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
    static final int MADV_DONTNEED = 4, MADV_FREE = 8;
    private static final int PROT_GROWSDOWN = 0x01000000, PROT_GROWSUP = 0x02000000;

    private final Kernel k;

    MemoryCalls(Kernel k) {
        this.k = k;
    }

    static void register(Syscalls s, Kernel k) {
        MemoryCalls m = new MemoryCalls(k);
        s.addHex(214, "brk", "p", (t, a, b, c, d, e, f) -> m.brk(t, a));
        s.add(215, "munmap", "px", (t, a, b, c, d, e, f) -> k.mm.unmap(principal(t), a, b, t.hart().mmu));
        s.addHex(216, "mremap", "pxxxp", (t, a, b, c, d, e, f) -> m.mremap(t, a, b, c, (int) d, e));
        s.addHex(222, "mmap", "pxxxfx", (t, a, b, c, d, e, f) -> m.mmap(t, principal(t), a, b, (int) c, (int) d, (int) e, f));
        s.add(226, "mprotect", "pxx", (t, a, b, c, d, e, f) -> m.mprotect(t, a, b, (int) c));
        s.add(227, "msync", "pxx", (t, a, b, c, d, e, f) -> k.mm.sync(principal(t), a, b));
        s.add(228, "mlock", "px", (t, a, b, c, d, e, f) -> 0);
        s.add(229, "munlock", "px", (t, a, b, c, d, e, f) -> 0);
        s.add(230, "mlockall", "x", (t, a, b, c, d, e, f) -> 0);
        s.add(231, "munlockall", "", (t, a, b, c, d, e, f) -> 0);
        s.add(232, "mincore", "pxp", (t, a, b, c, d, e, f) -> m.mincore(t, a, b, c));
        s.add(233, "madvise", "pxd", (t, a, b, c, d, e, f) -> m.madvise(t, a, b, (int) c));
        s.add(259, "riscv_flush_icache", "ppx", (t, a, b, c, d, e, f) -> {
            t.hart().mmu.fenceI();
            return 0;
        });
    }

    /** The subcontext a legacy memory call acts on. */
    static Subcontext principal(Task t) {
        return t.mem().principal();
    }

    private long brk(Task t, long addr) {
        var ctx = t.process().context();
        if (principal(t) != ctx.root()) return ctx.brk();     // the break belongs to the root subcontext
        return k.mm.brk(ctx, addr, t.hart().mmu);
    }

    /** mmap into subcontext {@code into} (the caller's own for mmap, any it controls for sc_mmap). */
    long mmap(Task t, Subcontext into, long addr, long len, int prot, int flags, int fd, long off) {
        if (len == 0 || (off & 0xfff) != 0) return -Errno.EINVAL;
        if ((prot & ~(Prot.RWX | PROT_GROWSDOWN | PROT_GROWSUP)) != 0) return -Errno.EINVAL;
        int type = flags & MAP_TYPE;
        if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE) return -Errno.EINVAL;
        boolean shared = type != MAP_PRIVATE;
        int placement = (flags & MAP_FIXED) != 0 ? MemoryManager.PLACE_FIXED
                : (flags & MAP_FIXED_NOREPLACE) != 0 ? MemoryManager.PLACE_NOREPLACE : MemoryManager.PLACE_HINT;
        Backing backing = null;
        String name = "";
        if ((flags & MAP_ANONYMOUS) != 0) {
            if (shared) backing = k.sharedObjects().anonymous();
            off = 0;
        } else {
            OpenFile file = t.process().fds().get(fd);
            if (file == null) return -Errno.EBADF;
            if (!file.readable() || (shared && (prot & Prot.W) != 0 && !file.writable())) return -Errno.EACCES;
            backing = file.mapping(k);
            if (backing == null) return -Errno.ENODEV;
            name = file.path();
        }
        long r = k.mm.map(into, addr, len, prot & Prot.RWX, shared, backing, off, name, placement, t.hart().mmu, t.process().context());
        if (r < 0 && backing != null) backing.release();
        return r;
    }

    private long mprotect(Task t, long addr, long len, int prot) {
        if ((prot & ~(Prot.RWX | PROT_GROWSDOWN | PROT_GROWSUP)) != 0) return -Errno.EINVAL;
        return k.mm.protect(principal(t), addr, len, prot & Prot.RWX, t.hart().mmu);
    }

    private long mremap(Task t, long old, long oldLen, long newLen, int flags, long newAddr) {
        if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) != 0) return -Errno.EINVAL;
        boolean fixed = (flags & MREMAP_FIXED) != 0;
        return k.mm.remap(principal(t), old, oldLen, newLen, (flags & MREMAP_MAYMOVE) != 0, fixed ? newAddr : -1,
                t.hart().mmu);
    }

    private long madvise(Task t, long addr, long len, int advice) {
        if ((addr & 0xfff) != 0 || len < 0) return -Errno.EINVAL;
        return switch (advice) {
            case MADV_DONTNEED, MADV_FREE -> k.mm.dropPages(principal(t), addr, len, t.hart().mmu);
            case 0, 1, 2, 3, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 -> 0;
            default -> -Errno.EINVAL;
        };
    }

    private long mincore(Task t, long addr, long len, long vec) {
        if ((addr & 0xfff) != 0) return -Errno.EINVAL;
        long pages = Layout.pageUp(len) >>> 12;
        if (pages > (1 << 24)) return -Errno.ENOMEM;
        byte[] out = new byte[(int) pages];
        var ctx = t.process().context();
        for (int i = 0; i < pages; i++) {
            Vma v = ctx.vmaAt(addr + ((long) i << 12));
            if (v == null) return -Errno.ENOMEM;
            out[i] = 1;
        }
        return t.mem().write(vec, out) ? 0 : -Errno.EFAULT;
    }
}
