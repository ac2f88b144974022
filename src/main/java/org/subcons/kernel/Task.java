package org.subcons.kernel;

import java.util.Map;

import org.subcons.hart.CsrFile;
import org.subcons.hart.Hart;
import org.subcons.hart.Mmu;
import org.subcons.host.Host;
import org.subcons.subcon.FaultInfo;

/**
 * A guest thread: a hart plus its kernel state. Each task runs on its own host thread,
 * so guest threads run truly in parallel. The loop runs the hart, serves what stops it
 * (system calls, faults, checkpoints) and delivers signals.
 */
public final class Task implements Runnable, org.subcons.hart.UpcallSupport {
    /** Instructions between checkpoints: how late a hart may notice a kill or a TLB shootdown. */
    static final long CHECK_INTERVAL = 8192;

    final Kernel kernel;
    volatile Process proc;
    final int tid;
    final Hart hart;
    final UserMemory mem = new UserMemory();
    long clearChildTid, robustList, robustLen;
    volatile long sigMask;
    /** Signals sent to this thread only. Guarded by the process. */
    final SignalQueue pending = new SignalQueue();
    /** Set by senders; the loop then looks for something to deliver. */
    volatile boolean signalFlag;
    /** sigaltstack: base, size, flags (SS_DISABLE when none). */
    long ssSp, ssSize;
    int ssFlags = 2;
    /** a0 as the last system call received it, for restarting it. */
    long origA0;
    /** The last system call returned an ERESTART* code that delivery must resolve. */
    boolean interruptedCall;
    /** rt_sigsuspend's saved mask, restored after the signal that ends it. */
    private long suspendSavedMask;
    private boolean suspendMaskActive;
    /** An eventfd that wake() writes, so a host poll sees a signal; made when the thread starts. */
    private volatile int wakeFd = -1;
    /** Per-subcontext sctls words (SPEC section 9), with the last one used at hand: entry stubs read it on every call. */
    private final Map<org.subcons.subcon.Subcontext, long[]> sctls = new java.util.IdentityHashMap<>();
    // Two cells at hand: a call or upcall alternates between a client and its server.
    private org.subcons.subcon.Subcontext sctlsSub, sctlsSub2;
    private long[] sctlsCell, sctlsCell2;

    private long[] sctlsCell(org.subcons.subcon.Subcontext s) {
        if (s == sctlsSub) return sctlsCell;
        org.subcons.subcon.Subcontext os = sctlsSub;
        long[] oc = sctlsCell;
        sctlsCell = s == sctlsSub2 ? sctlsCell2 : sctls.computeIfAbsent(s, k -> new long[1]);
        sctlsSub = s;
        sctlsSub2 = os;
        sctlsCell2 = oc;
        return sctlsCell;
    }
    volatile boolean exitRequested;
    private volatile String comm = "";
    /** CSR accesses the views back-end trapped and emulated. */
    long csrTraps;
    /** The signals this thread waits for in rt_sigtimedwait, or 0. */
    volatile long sigwaitWanted;
    /** The upcall frame whose call sc_pass is performing right now (its principal's call), or null. */
    public org.subcons.hart.UpcallFrame passFrame;
    /** This thread's upcall stacks: server → tops by nesting level. */
    private final Map<org.subcons.subcon.Subcontext, long[]> upcallStacks = new java.util.IdentityHashMap<>();
    Thread host;

    Task(Kernel kernel, Process proc, int tid, Hart hart) {
        this.kernel = kernel;
        this.proc = proc;
        this.tid = tid;
        this.hart = hart;
        hart.csrs = new TaskCsrs();
        hart.upcallSupport = this;
        hart.fastUpcalls = !hart.mmu.views() && !kernel.config.traceSubcons();
        hart.jitMode = kernel.config.jit().ordinal();
        if (kernel.config.traceSubcons()) hart.mmu.transferLog = what -> kernel.traceSubcons(this, what);
    }

    public Process process() {
        return proc;
    }

    public UserMemory mem() {
        return mem;
    }

    public Hart hart() {
        return hart;
    }

    private record StackMade(org.subcons.subcon.Subcontext server, long base, long len) {
    }

    private final java.util.List<StackMade> stacksMade = new java.util.ArrayList<>();

    /** The thread is gone: its upcall stacks in servers that live on (shared ones) go too. */
    void releaseUpcallStacks() {
        for (StackMade m : stacksMade) {
            if (kernel.mm.subcon(m.server().sid) == m.server()) kernel.mm.unmap(m.server(), m.base(), m.len(), hart.mmu);
        }
        stacksMade.clear();
        upcallStacks.clear();
        lastStackServer = null;
    }

    private org.subcons.subcon.Subcontext lastStackServer;
    private long[] lastStackTops;

    @Override
    public boolean signalWaiting() {
        return signalFlag || exitRequested;
    }

    @Override
    public long knownUpcallStack(org.subcons.subcon.Subcontext server, int level) {
        long[] tops = server == lastStackServer ? lastStackTops : upcallStacks.get(server);
        if (tops == null) return 0;
        lastStackServer = server;
        lastStackTops = tops;
        return level < tops.length ? tops[level] : 0;
    }

    /** Maps this thread's stack for upcalls into {@code server} at {@code level} on first use. */
    @Override
    public long upcallStack(org.subcons.subcon.Subcontext server, long size, int level) {
        long known = knownUpcallStack(server, level);
        if (known != 0) return known;
        // stack_size bytes above a PROT_NONE guard page: a server that overflows its stack
        // faults instead of writing over whatever its subcontext has mapped below.
        long len = org.subcons.subcon.Layout.pageUp(Math.max(size, 4096)) + 4096;
        long base = kernel.mm.map(server, 0, len, org.subcons.subcon.Prot.R | org.subcons.subcon.Prot.W, false, null, 0,
                "[upcall stack]", org.subcons.subcon.MemoryManager.PLACE_HINT, hart.mmu);
        if (base < 0) return base;
        kernel.mm.protect(server, base, 4096, 0, hart.mmu);
        stacksMade.add(new StackMade(server, base, len));
        long[] tops = upcallStacks.get(server);
        if (tops == null || tops.length <= level) {
            tops = tops == null ? new long[level + 1] : java.util.Arrays.copyOf(tops, level + 1);
            upcallStacks.put(server, tops);
            lastStackServer = null;
        }
        return tops[level] = base + len;
    }

    public int tid() {
        return tid;
    }

    public Kernel kernel() {
        return kernel;
    }

    public long sigMask() {
        return sigMask;
    }

    public void setClearChildTid(long addr) {
        clearChildTid = addr;
    }

    public long[] robustList() {
        return new long[] {robustList, robustLen};
    }

    public void setRobustList(long head, long len) {
        robustList = head;
        robustLen = len;
    }

    /**
     * Sleeps until {@code clock} reads {@code deadline} ns: 0, or the nanoseconds left
     * (negated, below -4096 apart from ERESTART codes) when a signal cuts it short.
     */
    public long sleepUntil(int clock, long deadline) {
        long[] now = new long[2];
        while (true) {
            Host.clock_gettime(clock, now);
            long left = deadline - (now[0] * 1_000_000_000L + now[1]);
            if (left <= 0) return 0;
            if (signalPending()) return left;
            java.util.concurrent.locks.LockSupport.parkNanos(this, left);
            Thread.interrupted();
        }
    }

    public String comm() {
        return comm;
    }

    public void setComm(String name) {
        comm = name;
    }

    /** The registers of the call being served: the caller's, or a passed call's principal's (pc at 32). */
    public long[] callRegs() {
        return passFrame != null ? passFrame.call : hart.x;
    }

    /** Whose call is being served: the current subcontext, or a passed call's principal. */
    public org.subcons.subcon.Subcontext principal() {
        return passFrame != null ? passFrame.principal : hart.mmu.current();
    }

    /** The trusted-stack depth of the call being served (a passed call: where its principal stood). */
    int principalTrustedDepth() {
        return passFrame != null ? org.subcons.hart.Upcalls.origin(hart, passFrame).trustedDepth : hart.mmu.trustedDepth();
    }

    /**
     * fork: the child's thread keeps this thread's sctls words for the subcontexts it gets
     * copies of (their memory, the records they point at, is copied too); shared ones start
     * at 0, so a shared server gives the child's thread its own stack there.
     */
    void copySctlsForFork(Task child, java.util.Map<org.subcons.subcon.Subcontext, org.subcons.subcon.Subcontext> copies) {
        for (var e : sctls.entrySet()) {
            org.subcons.subcon.Subcontext copy = copies.get(e.getKey());
            if (copy != null && copy != e.getKey()) child.sctls.put(copy, new long[] {e.getValue()[0]});
        }
    }

    /** Binds system-call memory access to the principal: the subcontext running now, or a passed call's. */
    public void bindPrincipal() {
        mem.bind(hart.mmu.context(), principal());
    }

    @Override
    public void run() {
        try {
            // Made before any wait: a wake() that found no descriptor would be lost to a host poll.
            wakeFd();
            while (!exitRequested && !proc.exiting) {
                if (signalFlag || interruptedCall) SignalDelivery.deliver(this);
                if (exitRequested || proc.exiting) break;
                long budget = kernel.budget(CHECK_INTERVAL);
                if (budget <= 0) {
                    kernel.instructionLimitReached(this);
                    break;
                }
                long before = hart.instret;
                int why = hart.run(budget);
                kernel.retired(hart.instret - before);
                switch (why) {
                    case Hart.EXIT_ECALL -> kernel.syscalls.dispatch(this);
                    case Hart.EXIT_FAULT -> memoryFault();
                    case Hart.EXIT_ILLEGAL -> kernel.forceSignal(this, SigInfo.fault(Signals.SIGILL, SigInfo.ILL_ILLOPC, hart.pc));
                    case Hart.EXIT_BREAKPOINT -> kernel.forceSignal(this, SigInfo.fault(Signals.SIGTRAP, SigInfo.TRAP_BRKPT, hart.pc));
                    default -> hart.checkpoint();
                }
            }
        } catch (Throwable t) {
            kernel.internalError(this, t);
        } finally {
            if (wakeFd >= 0) Host.close(wakeFd);
            kernel.taskExited(this);
        }
    }

    private void memoryFault() {
        FaultInfo f = hart.mmu.fault;
        kernel.stats.faults.increment();
        if (f.kind == FaultInfo.SUBCON) {
            kernel.subconFault(this, f);
        } else if (f.kind == FaultInfo.OOM) {
            kernel.outOfMemory(this);
        } else if (f.kind == FaultInfo.BUS) {
            kernel.forceSignal(this, SigInfo.fault(Signals.SIGBUS, f.owner == null ? SigInfo.BUS_ADRALN : SigInfo.BUS_ADRERR, f.addr));
        } else {
            kernel.forceSignal(this, SigInfo.fault(Signals.SIGSEGV,
                    f.kind == FaultInfo.MAPERR ? SigInfo.SEGV_MAPERR : SigInfo.SEGV_ACCERR, f.addr));
        }
    }

    /** A read from a host descriptor that may block (terminals, pipes): interruptible by signals. */
    long blockingHostRead(int fd, byte[] b, int off, int len, boolean nonBlocking) {
        if (!nonBlocking) {
            long r = waitHost(fd, org.subcons.host.Linux.POLLIN);
            if (r < 0) return r;
        }
        return Host.read(fd, b, off, len);
    }

    long blockingHostWrite(int fd, byte[] b, int off, int len, boolean nonBlocking) {
        if (!nonBlocking) {
            long r = waitHost(fd, org.subcons.host.Linux.POLLOUT);
            if (r < 0) return r;
        }
        return Host.write(fd, b, off, len);
    }

    private int wakeFd() {
        if (wakeFd < 0) wakeFd = Host.eventfd(0, org.subcons.host.Linux.O_CLOEXEC | org.subcons.host.Linux.O_NONBLOCK);
        return wakeFd;
    }

    /** One host poll over host files and the wake descriptor (see {@link Poller}). */
    long waitHostPoll(OpenFile[] files, short[] events, long deadline) {
        return Poller.hostPoll(wakeFd(), files, events, deadline);
    }

    /** Waits until host {@code fd} is ready for {@code event}, or a signal comes (-ERESTARTSYS). */
    private long waitHost(int fd, short event) {
        int[] fds = {fd, wakeFd()};
        short[] ev = {event, org.subcons.host.Linux.POLLIN};
        short[] rev = new short[2];
        while (true) {
            if (signalPending()) return -org.subcons.host.Errno.ERESTARTSYS;
            int r = Host.poll(fds, ev, rev, -1);
            if (r < 0 && r != -org.subcons.host.Errno.EINTR) return 0;     // let the read itself report it
            if ((rev[1] & org.subcons.host.Linux.POLLIN) != 0) Host.eventfd_read(wakeFd, new long[1]);
            if (rev[0] != 0) return 0;
        }
    }

    // ---- signals ------------------------------------------------------------------------

    /** The dispatcher's hooks around a call: remember a0, note an interrupted call. */
    public void beginSyscall(long a0) {
        origA0 = a0;
    }

    public void endSyscall(long result) {
        if (result == -org.subcons.host.Errno.ERESTARTSYS || result == -org.subcons.host.Errno.ERESTARTNOINTR
                || result == -org.subcons.host.Errno.ERESTARTNOHAND) {
            interruptedCall = true;
            interruptedIn = hart.mmu.current();
        }
    }

    /** The subcontext whose call was interrupted (its restart happens only where it runs). */
    org.subcons.subcon.Subcontext interruptedIn;

    /**
     * Whether a signal this task does not block is pending and deliverable now (or the task
     * must exit). Outside the root subcontext signals wait (see SignalDelivery), so they do
     * not interrupt what the thread does there.
     */
    public boolean signalPending() {
        if (exitRequested || proc.exiting) return true;
        long pend;
        synchronized (proc) {
            pend = (pending.bits() | proc.sharedPending.bits()) & ~sigMask;
        }
        if (pend == 0) return false;
        if (principal() == proc.ctx.root()) return true;
        return (pend & proc.actions.killOrStop()) != 0;     // outside the root only what runs no handler acts
    }

    /** Takes the next deliverable signal, thread-directed first. */
    SigInfo takeSignal(long only) {
        synchronized (proc) {
            long allowed = (~sigMask | Signals.UNBLOCKABLE) & only;
            SigInfo si = pending.take(allowed);
            if (si == null) si = proc.sharedPending.take(allowed);
            signalFlag = ((pending.bits() | proc.sharedPending.bits()) & ~sigMask) != 0;
            return si;
        }
    }

    /** Wakes the task if it sleeps in the kernel, so it sees a signal or an exit. */
    void wake() {
        signalFlag = true;
        Thread h = host;
        if (h != null && h != Thread.currentThread()) h.interrupt();
        int w = wakeFd;
        if (w >= 0) Host.eventfd_write(w, 1);
    }

    /** Sets the mask; unblocking may make pending signals deliverable. */
    public void setSigMask(long mask) {
        sigMask = mask & ~Signals.UNBLOCKABLE;
        signalFlag = true;
    }

    /**
     * ppoll/pselect's sigmask: use {@code mask} for the wait; if a signal interrupts it, the
     * old mask comes back after the handler (as for rt_sigsuspend), else at once.
     */
    public void useMaskDuringWait(long mask) {
        suspendSavedMask = sigMask;
        suspendMaskActive = true;
        setSigMask(mask);
    }

    public void endWaitMask(boolean interrupted) {
        if (!interrupted) restoreSuspendMask();
    }

    /** rt_sigsuspend: wait with {@code mask} until a signal is delivered. */
    public long suspend(long mask) {
        suspendSavedMask = sigMask;
        suspendMaskActive = true;
        setSigMask(mask);
        while (!signalPending()) {
            java.util.concurrent.locks.LockSupport.park(this);
            Thread.interrupted();
        }
        return -org.subcons.host.Errno.ERESTARTNOHAND;
    }

    /** The mask a handler frame must save: the one from before rt_sigsuspend, if active. */
    long maskForFrame() {
        if (!suspendMaskActive) return sigMask;
        suspendMaskActive = false;
        return suspendSavedMask;
    }

    void restoreSuspendMask() {
        if (suspendMaskActive) {
            suspendMaskActive = false;
            setSigMask(suspendSavedMask);
        }
    }

    /** {ss_sp, ss_flags, ss_size} of the alternate stack. */
    public long[] altStack() {
        return new long[] {ssSp, ssFlags, ssSize};
    }

    public boolean onAltStackNow(long sp) {
        return onAltStack(sp);
    }

    public void altStackSet(long sp, int flags, long size) {
        setAltStack(sp, flags, size);
    }

    boolean onAltStack(long sp) {
        return ssFlags != 2 && sp > ssSp && sp - ssSp <= ssSize;
    }

    /** sigaltstack's effect (already validated). */
    void setAltStack(long sp, int flags, long size) {
        if ((flags & 2) != 0) {
            ssSp = 0;
            ssSize = 0;
            ssFlags = 2;
        } else {
            ssSp = sp;
            ssSize = size;
            ssFlags = flags & (1 << 31);
        }
    }

    /** The kernel side of the subcontext CSRs: scid and the per-thread, per-subcontext sctls. */
    private final class TaskCsrs implements CsrFile {
        @Override
        public boolean hasSubconCsrs() {
            return true;
        }

        // In the views back-end the CSRs do not exist in hardware: each access traps and is emulated.
        @Override
        public long scid(Hart h) {
            if (h.mmu.views()) csrTraps++;
            return h.mmu.current().sid;
        }

        @Override
        public long sctls(Hart h) {
            if (h.mmu.views()) csrTraps++;
            return sctlsCell(h.mmu.current())[0];
        }

        @Override
        public void setSctls(Hart h, long value) {
            if (h.mmu.views()) csrTraps++;
            sctlsCell(h.mmu.current())[0] = value;
        }
    }

    static Mmu newMmu(Process p) {
        return new Mmu(p.ctx, p.ctx.root(), p.kernel.config.enforce() == Config.Enforcement.VIEWS);
    }
}
