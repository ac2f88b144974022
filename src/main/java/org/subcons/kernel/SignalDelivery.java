package org.subcons.kernel;

import org.subcons.hart.Hart;
import org.subcons.host.Errno;

/**
 * Delivers pending signals to a task at a safe point (after a system call, a fault or a
 * checkpoint): default actions, or a handler frame on the guest stack with the riscv64
 * rt_sigframe layout ({@link SignalFrame}); and rt_sigreturn, which undoes the frame.
 * Also finishes interrupted system calls: restarts them or makes them fail with EINTR.
 */
final class SignalDelivery {
    private static final int SS_ONSTACK = 1, SS_DISABLE = 2;

    private SignalDelivery() {
    }

    /**
     * Runs at a safe point of {@code t}'s loop. Handlers run only while the thread runs in
     * its process's root subcontext: a thread inside another subcontext (a call through an
     * entry point, an upcall) takes caught signals when it comes back. Signals that run no
     * handler (they kill, stop, or are ignored) act at once wherever the thread is.
     */
    static void deliver(Task t) {
        Kernel k = t.kernel;
        Process p = t.proc;
        boolean inRoot = t.hart.mmu.current() == p.ctx.root();
        long only = inRoot ? -1L : p.actions.withoutHandler();
        while (!t.exitRequested && !p.exiting) {
            SigInfo si = t.takeSignal(only);
            if (si == null) break;
            int sig = si.signo();
            Signals.Action a = p.actions.get(sig);
            if (a.handler() == Signals.SIG_IGN) continue;
            if (a.handler() == Signals.SIG_DFL) {
                switch (Signals.defaultAction(sig)) {
                    case IGNORE, CONTINUE -> {
                        continue;
                    }
                    case STOP -> {
                        k.stopProcess(t, sig);
                        continue;
                    }
                    default -> {
                        k.killProcess(p, sig);
                        return;
                    }
                }
            }
            if (!inRoot) break;                         // (cannot happen: only handler-less signals were taken)
            if (t.interruptedIn == t.hart.mmu.current()) finishInterruptedCall(t, true, (a.flags() & Signals.SA_RESTART) != 0);
            if (!pushFrame(t, si, a)) {
                k.killProcess(p, Signals.SIGSEGV);      // no room for the frame: as Linux, SIGSEGV
                return;
            }
            if ((a.flags() & Signals.SA_RESETHAND) != 0) p.actions.set(sig, Signals.Action.DEFAULT);
            // As Linux, every deliverable signal gets its frame now: the last one set up runs first.
        }
        // An interrupted call and a sigsuspend mask are finished where their caller runs: a
        // root's, once its upcall has returned (never while the thread is still in a server).
        if (t.interruptedCall && t.interruptedIn == t.hart.mmu.current()) finishInterruptedCall(t, false, true);
        if (inRoot) t.restoreSuspendMask();
    }

    /**
     * A call that returned ERESTART*: restart it (back to the ecall) or fail it with EINTR,
     * by Linux's rules: with no handler run, always restart; before a handler, NOINTR
     * restarts, SYS restarts only with SA_RESTART, NOHAND never does.
     */
    private static void finishInterruptedCall(Task t, boolean handler, boolean saRestart) {
        if (!t.interruptedCall) return;
        t.interruptedCall = false;
        Hart h = t.hart;
        long r = h.x[10];
        boolean restart = !handler || r == -Errno.ERESTARTNOINTR || (r == -Errno.ERESTARTSYS && saRestart);
        if (restart) {
            h.x[10] = t.origA0;
            h.pc -= 4;
        } else {
            h.x[10] = -Errno.EINTR;
        }
    }

    /** Builds the frame and points the hart at the handler; false if the stack is unusable. */
    private static boolean pushFrame(Task t, SigInfo si, Signals.Action a) {
        Hart h = t.hart;
        long sp = h.x[2];
        boolean onAlt = t.onAltStack(sp);
        if ((a.flags() & Signals.SA_ONSTACK) != 0 && t.ssFlags != SS_DISABLE && !onAlt) sp = t.ssSp + t.ssSize;
        long frame = (sp - SignalFrame.SIZE) & ~15L;
        byte[] f = new byte[SignalFrame.SIZE];
        System.arraycopy(si.toBytes(), 0, f, SignalFrame.SIGINFO, SigInfo.SIZE);
        UserMemory.putLong(f, SignalFrame.UC_STACK, t.ssSp);
        UserMemory.putInt(f, SignalFrame.UC_STACK + 8, t.ssFlags == SS_DISABLE ? SS_DISABLE : onAlt ? SS_ONSTACK : 0);
        UserMemory.putLong(f, SignalFrame.UC_STACK + 16, t.ssSize);
        UserMemory.putLong(f, SignalFrame.UC_SIGMASK, t.maskForFrame());
        UserMemory.putLong(f, SignalFrame.SC_REGS, h.pc);
        for (int r = 1; r < 32; r++) UserMemory.putLong(f, SignalFrame.SC_REGS + 8 * r, h.x[r]);
        for (int r = 0; r < 32; r++) UserMemory.putLong(f, SignalFrame.SC_FPREGS + 8 * r, h.f[r]);
        UserMemory.putInt(f, SignalFrame.SC_FCSR, h.frm << 5 | (h.fpu.flags & 0x1f));
        t.bindPrincipal();
        if (!t.mem.write(frame, f)) return false;
        int sig = si.signo();
        t.setSigMask(t.sigMask | a.mask() | ((a.flags() & Signals.SA_NODEFER) != 0 ? 0 : Signals.bit(sig)));
        h.x[1] = t.proc.sigreturnTrampoline;
        h.x[2] = frame;
        h.x[10] = sig;
        h.x[11] = frame + SignalFrame.SIGINFO;
        h.x[12] = frame + SignalFrame.UCONTEXT;
        h.pc = a.handler();
        h.mmu.clearReservation();
        return true;
    }

    /** rt_sigreturn: restores what the frame at sp saved; kills with SIGSEGV if it is unreadable. */
    static long sigreturn(Task t) {
        Hart h = t.hart;
        long frame = h.x[2];
        byte[] f = t.mem.read(frame, SignalFrame.SIZE);
        if (f == null) {
            t.kernel.killProcess(t.proc, Signals.SIGSEGV);
            return org.subcons.syscall.Syscalls.NO_RETURN;
        }
        h.pc = UserMemory.getLong(f, SignalFrame.SC_REGS);
        for (int r = 1; r < 32; r++) h.x[r] = UserMemory.getLong(f, SignalFrame.SC_REGS + 8 * r);
        for (int r = 0; r < 32; r++) h.f[r] = UserMemory.getLong(f, SignalFrame.SC_FPREGS + 8 * r);
        int fcsr = UserMemory.getInt(f, SignalFrame.SC_FCSR);
        h.frm = (fcsr >>> 5) & 7;
        h.fpu.flags = fcsr & 0x1f;
        t.setSigMask(UserMemory.getLong(f, SignalFrame.UC_SIGMASK) & ~Signals.UNBLOCKABLE);
        // uc_stack: like Linux, sigreturn restores the alternate stack settings it finds there.
        t.setAltStack(UserMemory.getLong(f, SignalFrame.UC_STACK), UserMemory.getInt(f, SignalFrame.UC_STACK + 8),
                UserMemory.getLong(f, SignalFrame.UC_STACK + 16));
        h.mmu.clearReservation();
        return org.subcons.syscall.Syscalls.NO_RETURN;
    }
}
