package org.subcons.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.subcons.hart.Hart;
import org.subcons.hart.Mmu;
import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.subcon.Context;
import org.subcons.subcon.Subcontext;

/**
 * clone and clone3: new threads (CLONE_THREAD), new processes sharing the address space
 * (vfork, posix_spawn: CLONE_VM) and forks, which copy every subcontext of the context
 * copy-on-write except those marked SC_SHARE_ON_FORK, attached as they are (SPEC section 7).
 */
public final class Clone {
    public static final long CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
            CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000,
            CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000, CLONE_SETTLS = 0x80000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_DETACHED = 0x400000,
            CLONE_UNTRACED = 0x800000, CLONE_CHILD_SETTID = 0x1000000, CLONE_NEWCGROUP = 0x2000000,
            CLONE_NEWUTS = 0x4000000, CLONE_NEWIPC = 0x8000000, CLONE_NEWUSER = 0x10000000,
            CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000, CLONE_IO = 0x80000000L,
            CLONE_CLEAR_SIGHAND = 0x100000000L, CLONE_INTO_CGROUP = 0x200000000L;
    private static final long NAMESPACES = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER
            | CLONE_NEWPID | CLONE_NEWNET | CLONE_INTO_CGROUP;

    private Clone() {
    }

    /** Returns the new tid/pid, or -errno. {@code stack} 0 keeps the parent's sp. */
    static long clone(Kernel k, Task parent, long flags, long stack, long parentTid, long tls, long childTid, int exitSignal) {
        if ((flags & NAMESPACES) != 0) return -Errno.EINVAL;             // no namespaces in this kernel
        if ((flags & CLONE_PIDFD) != 0) return -Errno.EINVAL;            // no pidfds
        if ((flags & CLONE_THREAD) != 0 && (flags & CLONE_SIGHAND) == 0) return -Errno.EINVAL;
        if ((flags & CLONE_SIGHAND) != 0 && (flags & CLONE_VM) == 0) return -Errno.EINVAL;
        if ((flags & CLONE_CLEAR_SIGHAND) != 0 && (flags & CLONE_SIGHAND) != 0) return -Errno.EINVAL;
        if (exitSignal < 0 || exitSignal > Signals.NSIG) return -Errno.EINVAL;
        Process pp = parent.proc;
        Task child;
        if ((flags & CLONE_THREAD) != 0) {
            child = newThread(k, parent, flags);
        } else {
            if (k.liveProcesses() >= k.config.maxProcs()) return -Errno.EAGAIN;
            child = newProcess(k, parent, flags, exitSignal);
        }
        Hart h = child.hart;
        if (stack != 0) h.x[2] = stack;
        if ((flags & CLONE_SETTLS) != 0) h.x[4] = tls;
        h.x[10] = 0;                                                       // the child sees 0
        int tid = child.tid;
        if ((flags & CLONE_PARENT_SETTID) != 0 && !parent.mem.writeInt(parentTid, tid)) {
            k.abandon(child);
            return -Errno.EFAULT;
        }
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            child.bindPrincipal();
            if (!child.mem.writeInt(childTid, tid)) {
                k.abandon(child);
                return -Errno.EFAULT;
            }
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) child.clearChildTid = childTid;
        k.start(child);
        if ((flags & CLONE_VFORK) != 0) child.proc.awaitVforkRelease(parent);
        return tid;
    }

    private static Task newThread(Kernel k, Task parent, long flags) {
        Process p = parent.proc;
        Mmu mmu = new Mmu(p.ctx, parent.principal(), parent.hart.mmu.views());
        Task t = new Task(k, p, k.allocateId(), new Hart(mmu));
        copyRegisters(parent, t.hart);
        t.sigMask = parent.sigMask;
        synchronized (p) {
            p.threads.add(t);
        }
        return t;
    }

    private static Task newProcess(Kernel k, Task parent, long flags, int exitSignal) {
        Process pp = parent.proc;
        Signals.Actions actions = (flags & CLONE_SIGHAND) != 0 ? pp.actions : pp.actions.copy();
        if ((flags & CLONE_CLEAR_SIGHAND) != 0) actions.resetForExec();
        Process parentOfChild = (flags & CLONE_PARENT) != 0 && pp.parent != null ? pp.parent : pp;
        Process c = k.newProcess(parentOfChild, actions, pp.copyLimits());
        c.exitSignal = exitSignal;
        c.pgid = pp.pgid;
        c.sid = pp.sid;
        c.umask = pp.umask;
        c.exe = pp.exe;
        c.cmdline = pp.cmdline;
        c.auxv = pp.auxv;
        c.sigreturnTrampoline = pp.sigreturnTrampoline;
        c.fds = (flags & CLONE_FILES) != 0 ? pp.fds.share() : pp.fds.copy();
        c.cwdFd = Host.dup(pp.cwdFd);
        Subcontext current = parent.principal();
        Subcontext childCurrent;
        Map<Subcontext, Subcontext> copies = Map.of();
        if ((flags & CLONE_VM) != 0) {
            c.ctx = pp.ctx;                       // vfork, posix_spawn: the same address space until exec
            pp.ctx.addUser();
            childCurrent = current;
        } else {
            copies = forkContext(k, pp.ctx, parent, c);
            childCurrent = copies.getOrDefault(current, current);
        }
        if ((flags & CLONE_VFORK) != 0) c.vforkPending = true;
        synchronized (parentOfChild) {
            parentOfChild.children.add(c);
        }
        Task t = new Task(k, c, c.pid, new Hart(new Mmu(c.ctx, childCurrent, parent.hart.mmu.views())));
        copyRegisters(parent, t.hart);
        // SPEC 7: threads keep their trusted stacks (a passed fork's child: as its principal had it)
        t.hart.mmu.copyTrustedStack(parent.hart.mmu, copies, parent.principalTrustedDepth());
        parent.copySctlsForFork(t, copies);
        t.sigMask = parent.sigMask;
        if ((flags & CLONE_VM) == 0 || (flags & CLONE_VFORK) != 0) {
            t.ssSp = parent.ssSp;                 // the alternate stack is inherited unless the VM is shared
            t.ssSize = parent.ssSize;
            t.ssFlags = parent.ssFlags;
        }
        synchronized (c) {
            c.threads.add(t);
        }
        return t;
    }

    /**
     * The child's context: SHARE_ON_FORK subcontexts attached as they are, every other one
     * copied copy-on-write, the root always copied. Returns the map from old to new.
     */
    private static Map<Subcontext, Subcontext> forkContext(Kernel k, Context ctx, Task parent, Process child) {
        Map<Subcontext, Subcontext> copies = new HashMap<>();
        List<Subcontext> others = new ArrayList<>();
        Subcontext rootCopy = null;
        for (Subcontext s : ctx.attached()) {
            boolean share = s != ctx.root() && (s.flags & Subcontext.SHARE_ON_FORK) != 0;
            Subcontext n = share ? s : k.mm.copyForFork(s, null, parent.hart.mmu);
            copies.put(s, n);
            if (s == ctx.root()) rootCopy = n;
            else others.add(n);
        }
        k.mm.mirrorForFork(copies);
        child.ctx = k.mm.newContextOf(rootCopy, others, ctx.brkStart(), ctx.brk());
        return copies;
    }

    /**
     * The child starts as the caller of clone: the parent thread, or for a clone a server
     * passed (sc_pass), the principal that made the call, after its ecall, in no upcall.
     */
    private static void copyRegisters(Task parent, Hart to) {
        Hart from = parent.hart;
        long[] regs = parent.callRegs();
        System.arraycopy(regs, 0, to.x, 0, 32);
        to.x[0] = 0;
        System.arraycopy(from.f, 0, to.f, 0, from.f.length);
        to.pc = parent.passFrame != null ? regs[32] : from.pc;
        to.frm = from.frm;
        to.fpu.flags = from.fpu.flags;
        to.jitMode = from.jitMode;
    }
}
