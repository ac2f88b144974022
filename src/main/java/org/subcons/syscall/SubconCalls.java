package org.subcons.syscall;

import java.nio.charset.StandardCharsets;

import org.subcons.host.Errno;
import org.subcons.host.Linux;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.ServerLoader;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;
import org.subcons.subcon.Context;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.Vma;

/**
 * The subcontext calls of SPEC section 9 (sc_handler, sc_return, sc_frame and sc_pass,
 * the upcall calls, are registered with the system-call redirection). The principal is the subcontext whose code made the call; only a
 * subcontext that controls X may change X (section 5).
 */
final class SubconCalls {
    static final int NR_SELF = 0x5C00, NR_CREATE = 0x5C01, NR_ATTACH = 0x5C02, NR_DETACH = 0x5C03, NR_MMAP = 0x5C04,
            NR_MUNMAP = 0x5C05, NR_MPROTECT = 0x5C06, NR_GRANT = 0x5C07, NR_ENTRY = 0x5C08, NR_INFO = 0x5C0C,
            NR_LOAD = 0x5C0D, NR_CONTROL = 0x5C0E, NR_OWNER = 0x5C0F;
    static final int FLAGS = Subcontext.SHARE_ON_FORK | Subcontext.KEEP_ON_EXEC;
    /** sizeof(struct sc_info) and sizeof(struct sc_load) in the guest header. */
    static final int SC_INFO_SIZE = 104, SC_LOAD_SIZE = 24;

    private final Kernel k;
    private final MemoryCalls memory;

    private SubconCalls(Kernel k) {
        this.k = k;
        this.memory = new MemoryCalls(k);
    }

    static void register(Syscalls s, Kernel k) {
        SubconCalls c = new SubconCalls(k);
        s.add(NR_SELF, "sc_self", "", (t, a, b, cc, d, e, f) -> t.mem().principal().sid);
        s.add(NR_CREATE, "sc_create", "sx", (t, a, b, cc, d, e, f) -> c.create(t, a, b));
        s.add(NR_ATTACH, "sc_attach", "ldx", (t, a, b, cc, d, e, f) -> c.attach(t, a, (int) b, cc));
        s.add(NR_DETACH, "sc_detach", "ld", (t, a, b, cc, d, e, f) -> c.detach(t, a, (int) b));
        s.addHex(NR_MMAP, "sc_mmap", "lpxxxf", (t, a, b, cc, d, e, f) -> c.mmap(t, a, b, cc, (int) d, (int) e, (int) f));
        s.add(NR_MUNMAP, "sc_munmap", "lpx", (t, a, b, cc, d, e, f) -> c.munmap(t, a, b, cc));
        s.add(NR_MPROTECT, "sc_mprotect", "lpxx", (t, a, b, cc, d, e, f) -> c.mprotect(t, a, b, cc, (int) d));
        s.add(NR_GRANT, "sc_grant", "llx", (t, a, b, cc, d, e, f) -> c.grant(t, a, b, cc));
        s.add(NR_ENTRY, "sc_entry", "llpd", (t, a, b, cc, d, e, f) -> c.entry(t, a, b, cc, d));
        s.add(NR_INFO, "sc_info", "lp", (t, a, b, cc, d, e, f) -> c.info(t, a, b));
        s.add(NR_LOAD, "sc_load", "lsp", (t, a, b, cc, d, e, f) -> c.load(t, a, b, cc));
        s.add(NR_CONTROL, "sc_control", "ll", (t, a, b, cc, d, e, f) -> c.control(t, a, b));
        s.add(NR_OWNER, "sc_owner", "p", (t, a, b, cc, d, e, f) -> c.owner(t, a));
    }

    /** The subcontext {@code sid} if the principal controls it; else null with err[0] = -ESRCH/-EPERM. */
    private Subcontext controlled(Task t, long sid, long[] err) {
        Subcontext s = k.mm.subcon(sid);
        if (s == null) {
            err[0] = -Errno.ESRCH;
            return null;
        }
        if (!t.mem().principal().controls(s)) {
            err[0] = -Errno.EPERM;
            return null;
        }
        return s;
    }

    private void log(Task t, String what) {
        k.traceSubcons(t, what);
    }

    private long create(Task t, long namePtr, long flags) {
        if ((flags & ~FLAGS) != 0) return -Errno.EINVAL;
        String name = t.mem().readString(namePtr, 64);
        if (name == null) return t.mem().readString(namePtr, 1 << 16) == null ? -Errno.EFAULT : -Errno.EINVAL;
        Subcontext s = k.mm.create(name, (int) flags, t.mem().principal());
        log(t, "create " + s + " flags " + flags + " controller " + t.mem().principal());
        return s.sid;
    }

    private Context contextOf(Task t, int pid, long[] err) {
        if (pid == 0) return t.process().context();
        org.subcons.kernel.Process p = k.process(pid);
        if (p == null || p.context() == null) {
            err[0] = -Errno.ESRCH;
            return null;
        }
        return p.context();
    }

    private long attach(Task t, long sid, int pid, long flags) {
        if (flags != 0) return -Errno.EINVAL;
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        Context c = contextOf(t, pid, err);
        if (c == null) return err[0];
        int r = k.mm.attach(s, c);
        log(t, "attach " + s + " to pid " + (pid == 0 ? t.process().pid() : pid) + (r < 0 ? " failed " + Errno.name(r) : ""));
        return r;
    }

    private long detach(Task t, long sid, int pid) {
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        Context c = contextOf(t, pid, err);
        if (c == null) return err[0];
        int r = k.mm.detach(s, c, t.hart().mmu);
        log(t, "detach " + s + " from pid " + (pid == 0 ? t.process().pid() : pid) + (r < 0 ? " failed " + Errno.name(r) : ""));
        return r;
    }

    private long mmap(Task t, long sid, long addr, long len, int prot, int flags, int fd) {
        long off = t.callRegs()[16];       // the seventh argument, a6
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        long r = memory.mmap(t, s, addr, len, prot, flags, fd, off);
        log(t, String.format("mmap %s 0x%x+0x%x prot %s = %s", s, addr, len, Prot.text(prot & 7),
                r < 0 ? Errno.name((int) -r) : "0x" + Long.toHexString(r)));
        return r;
    }

    private long munmap(Task t, long sid, long addr, long len) {
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        log(t, String.format("munmap %s 0x%x+0x%x", s, addr, len));
        return k.mm.unmap(s, addr, len, t.hart().mmu);
    }

    private long mprotect(Task t, long sid, long addr, long len, int prot) {
        if ((prot & ~Prot.RWX) != 0) return -Errno.EINVAL;
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        log(t, String.format("mprotect %s 0x%x+0x%x %s", s, addr, len, Prot.text(prot)));
        return k.mm.protect(s, addr, len, prot, t.hart().mmu);
    }

    private long grant(Task t, long target, long grantee, long mask) {
        if ((mask & ~Prot.RWX) != 0) return -Errno.EINVAL;
        long[] err = new long[1];
        Subcontext tg = controlled(t, target, err);
        Subcontext g = tg == null ? null : grantee(tg, grantee, err);
        if (g == null) return err[0];
        k.mm.grant(tg, g, (int) mask, t.hart().mmu);
        log(t, "grant " + g + " includes " + tg + " with " + (mask == 0 ? "nothing (revoked)" : Prot.text((int) mask)));
        return 0;
    }

    /** The grantee of a grant or entry on tg: an existing subcon other than tg, or null with err set. */
    private Subcontext grantee(Subcontext tg, long id, long[] err) {
        Subcontext g = k.mm.subcon(id);
        if (g == null) err[0] = -Errno.ESRCH;
        else if (g == tg) err[0] = -Errno.EINVAL;
        return g == null || g == tg ? null : g;
    }

    private long entry(Task t, long target, long grantee, long addr, long add) {
        if ((add != 0 && add != 1) || (addr & 1) != 0) return -Errno.EINVAL;
        long[] err = new long[1];
        Subcontext tg = controlled(t, target, err);
        Subcontext g = tg == null ? null : grantee(tg, grantee, err);
        if (g == null) return err[0];
        boolean changed = k.mm.entry(tg, g, addr, add == 1, t.hart().mmu);
        log(t, String.format("entry %s -> %s at 0x%x %s", g, tg, addr, add == 1 ? "added" : "removed"));
        return changed || add == 1 ? 0 : -Errno.EINVAL;
    }

    private long info(Task t, long sid, long out) {
        Subcontext s = k.mm.subcon(sid);
        if (s == null) return -Errno.ESRCH;
        byte[] b = new byte[SC_INFO_SIZE];
        byte[] name = s.name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, b, 0, Math.min(63, name.length));
        UserMemory.putLong(b, 64, s.flags);
        UserMemory.putLong(b, 72, s.controller().sid);
        UserMemory.putLong(b, 80, s.contexts().size());
        UserMemory.putLong(b, 88, k.mm.bytesMapped(s));
        UserMemory.putLong(b, 96, k.mm.pagesPresent(s));
        return t.mem().write(out, b) ? 0 : -Errno.EFAULT;
    }

    private long load(Task t, long sid, long pathPtr, long out) {
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        String[] path = new String[1];
        int r = t.mem().readPath(pathPtr, Linux.PATH_MAX - 1, path);
        if (r < 0) return r;
        if (!t.mem().writable(out, SC_LOAD_SIZE)) return -Errno.EFAULT;
        byte[] data = k.readFile(t.process(), path[0], err);
        if (data == null) return err[0];
        ServerLoader.Loaded l = ServerLoader.load(k.mm, s, data, path[0], t.hart().mmu, err, t.process().context());
        if (l == null) return err[0];
        byte[] b = new byte[SC_LOAD_SIZE];
        UserMemory.putLong(b, 0, l.base());
        UserMemory.putLong(b, 8, l.entry());
        UserMemory.putLong(b, 16, l.end());
        log(t, String.format("load %s into %s at 0x%x entry 0x%x", path[0], s, l.base(), l.entry()));
        return t.mem().write(out, b) ? 0 : -Errno.EFAULT;
    }

    private long control(Task t, long sid, long newController) {
        long[] err = new long[1];
        Subcontext s = controlled(t, sid, err);
        if (s == null) return err[0];
        Subcontext c = k.mm.subcon(newController);
        if (c == null) return -Errno.ESRCH;
        if (c != s && s.controls(c)) return -Errno.EINVAL;          // would make a cycle
        k.mm.setController(s, c);
        log(t, "control of " + s + " passed to " + c);
        return 0;
    }

    private long owner(Task t, long addr) {
        Context ctx = t.process().context();
        Vma v = ctx.vmaAt(addr);
        if (v == null) return -Errno.EFAULT;
        Subcontext me = t.mem().principal();
        if (v.owner != me && (k.mm.rightsOf(ctx, me, v.owner) & Prot.R) == 0) return -Errno.EPERM;
        // "if the caller may read it": the page itself must be readable too (W implies R).
        if ((v.prot & (Prot.R | Prot.W)) == 0) return -Errno.EACCES;
        return v.owner.sid;
    }
}
