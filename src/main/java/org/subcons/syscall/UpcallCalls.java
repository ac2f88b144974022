package org.subcons.syscall;

import org.subcons.hart.Hart;
import org.subcons.hart.UpcallFrame;
import org.subcons.hart.Upcalls;
import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;

/**
 * System-call redirection (SPEC section 6): sc_handler, the kernel's side of upcalls (the
 * views back-end's trap path, and any first upcall that needs a stack made), and the gates
 * sc_return, sc_frame and sc_pass.
 */
final class UpcallCalls {
    static final int NR_HANDLER = 0x5C09, NR_RETURN = 0x5C0A, NR_FRAME = 0x5C0B, NR_PASS = 0x5C10;
    /** Stack per thread in a server when sc_handler says 0. */
    static final long DEFAULT_STACK = 256 * 1024;
    private static final long MAX_STACK = 1L << 30;

    private final Kernel k;
    private final Syscalls table;

    private UpcallCalls(Kernel k, Syscalls table) {
        this.k = k;
        this.table = table;
    }

    static UpcallCalls register(Syscalls s, Kernel k) {
        UpcallCalls c = new UpcallCalls(k, s);
        s.add(NR_HANDLER, "sc_handler", "llpx", (t, a, b, cc, d, e, f) -> c.handler(t, a, b, cc, d));
        s.add(NR_RETURN, "sc_return", "l", (t, a, b, cc, d, e, f) -> c.ret(t, a));
        s.add(NR_FRAME, "sc_frame", "dp", (t, a, b, cc, d, e, f) -> c.frame(t, (int) a, b));
        s.add(NR_PASS, "sc_pass", "", (t, a, b, cc, d, e, f) -> c.pass(t));
        return c;
    }

    /** An ecall of a subcontext with a handler, taken by the kernel: the upcall. */
    void redirect(Task t, Subcontext.Handler handler) {
        Hart h = t.hart();
        Subcontext cur = h.mmu.current();
        if (h.mmu.views()) h.mmu.traps++;          // views: the ecall trapped into the kernel
        long r = upcall(t, h.x, h.pc + 4, null, h.x[17], cur, handler, cur);
        if (r < 0) {
            h.x[10] = r;                           // no stack for it: the call fails in the client
            h.pc += 4;
        }
    }

    /** Makes an upcall, with the stack the thread has (or gets) in the server. */
    private long upcall(Task t, long[] clientRegs, long resumePc, UpcallFrame passed, long nr, Subcontext client,
                        Subcontext.Handler handler, Subcontext principal) {
        Hart h = t.hart();
        long top = t.upcallStack(handler.server(), handler.stackSize(), level(h, handler.server()));
        if (top < 0) return top;
        if (k.config.traceSubcons()) {
            k.traceSubcons(t, "upcall " + client + " -> " + handler.server() + " for " + table.name(nr)
                    + (principal != client ? " (principal " + principal + ")" : ""));
        }
        return Upcalls.enter(h, clientRegs, resumePc, passed, client, handler, principal, top);
    }

    private static int level(Hart h, Subcontext server) {
        int n = 0;
        for (int i = 0; i < h.upcallDepth; i++) if (h.frameAt(i).server == server) n++;
        return n;
    }

    private long handler(Task t, long client, long server, long entry, long stackSize) {
        Subcontext c = k.mm.subcon(client);
        if (c == null) return -Errno.ESRCH;
        if (!t.mem().principal().controls(c)) return -Errno.EPERM;
        if (server == 0) {
            k.mm.setHandler(c, null);
            k.traceSubcons(t, "handler of " + c + " removed");
            return 0;
        }
        Subcontext s = k.mm.subcon(server);
        if (s == null) return -Errno.ESRCH;
        if (s == c || stackSize < 0 || stackSize > MAX_STACK || (entry & 1) != 0) return -Errno.EINVAL;
        boolean mayEnter = k.mm.isEntry(c, s, entry) || (k.mm.rightsOf(t.process().context(), c, s) & Prot.X) != 0;
        if (!mayEnter) return -Errno.EPERM;
        int r = k.mm.setHandler(c, new Subcontext.Handler(s, entry, stackSize == 0 ? DEFAULT_STACK : stackSize));
        if (r == 0) k.traceSubcons(t, String.format("handler of %s is %s at 0x%x", c, s, entry));
        return r;
    }

    /** sc_return (when the hart did not end the upcall itself): resumes the client. */
    private long ret(Task t, long value) {
        Hart h = t.hart();
        UpcallFrame f = Upcalls.top(h);
        if (f == null) return h.upcallDepth == 0 ? -Errno.EINVAL : -Errno.EPERM;
        if (f.client == null) {                     // the end of a --serve init call
            k.serverInitDone(t, value);
            return Syscalls.NO_RETURN;
        }
        long origA0 = f.call[10];
        Subcontext client = f.client;
        boolean direct = f.direct();
        Upcalls.ret(h, value);
        if (k.config.traceSubcons()) k.traceSubcons(t, "return to " + client + " = " + value);
        // A call the server gives back as interrupted restarts in the client, as if the kernel
        // had said so; given back to a server's sc_pass, it is only that sc_pass's result.
        if (direct) {
            t.beginSyscall(origA0);
            t.endSyscall(value);
        }
        return Syscalls.NO_RETURN;
    }

    private long frame(Task t, int op, long ptr) {
        Hart h = t.hart();
        UpcallFrame f = Upcalls.top(h);
        if (f == null) return h.upcallDepth == 0 ? -Errno.EINVAL : -Errno.EPERM;
        byte[] b = new byte[33 * 8];
        if (op == 0) {
            for (int i = 0; i < 33; i++) UserMemory.putLong(b, i * 8, f.call[i]);
            return t.mem().write(ptr, b) ? 0 : -Errno.EFAULT;
        }
        if (op != 1) return -Errno.EINVAL;
        if (!t.mem().read(ptr, b, 0, b.length)) return -Errno.EFAULT;
        for (int i = 1; i < 33; i++) f.call[i] = UserMemory.getLong(b, i * 8);
        return 0;
    }

    /**
     * sc_pass: the call in the caller's top frame, for the frame's principal, through the
     * next layer: the caller's own handler (another upcall, whose result comes back here),
     * or the kernel.
     */
    private long pass(Task t) {
        Hart h = t.hart();
        UpcallFrame f = Upcalls.top(h);
        if (f == null) return h.upcallDepth == 0 ? -Errno.EINVAL : -Errno.EPERM;
        long nr = f.call[17];
        if (Upcalls.isGate(nr)) return -Errno.EINVAL;
        Subcontext self = h.mmu.current();
        Subcontext.Handler next = self.handler();
        if (next != null) {
            long r = upcall(t, h.x, h.pc, f, nr, self, next, f.principal);
            return r < 0 ? r : Syscalls.NO_RETURN;
        }
        t.passFrame = f;
        try {
            if (nr == 139) return passedSigreturn(t, f);
            return table.execute(t, nr, f.call);
        } finally {
            t.passFrame = null;
        }
    }

    /**
     * A passed rt_sigreturn resumes the principal from its signal frame: every upcall made
     * for it is left, as the call it interrupted never returns.
     */
    private long passedSigreturn(Task t, UpcallFrame f) {
        Hart h = t.hart();
        Subcontext principal = f.principal;
        int j = h.upcallDepth - 1;
        while (j > 0 && !(h.frameAt(j).direct() && h.frameAt(j).client == principal)) j--;
        while (h.upcallDepth > j) Upcalls.ret(h, 0);
        h.mmu.enter(principal);
        t.passFrame = null;
        return k.sigreturn(t);
    }
}
