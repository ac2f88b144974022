package org.subcons.kernel;

import java.util.HashMap;
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
public final class Task implements Runnable {
    /** Instructions between checkpoints: how late a hart may notice a kill or a TLB shootdown. */
    static final long CHECK_INTERVAL = 8192;

    final Kernel kernel;
    volatile Process proc;
    final int tid;
    final Hart hart;
    final UserMemory mem = new UserMemory();
    long clearChildTid, robustList, robustLen;
    long sigMask;
    /** Per-subcontext sctls words (SPEC section 9). */
    private final Map<Long, Long> sctls = new HashMap<>();
    volatile boolean exitRequested;
    private volatile String comm = "";
    Thread host;

    Task(Kernel kernel, Process proc, int tid, Hart hart) {
        this.kernel = kernel;
        this.proc = proc;
        this.tid = tid;
        this.hart = hart;
        hart.csrs = new TaskCsrs();
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

    public int tid() {
        return tid;
    }

    public Kernel kernel() {
        return kernel;
    }

    public long sigMask() {
        return sigMask;
    }

    public void setSigMask(long mask) {
        sigMask = mask;
    }

    public void setClearChildTid(long addr) {
        clearChildTid = addr;
    }

    public void setRobustList(long head, long len) {
        robustList = head;
        robustLen = len;
    }

    /** Sleeps until {@code clock} reads {@code deadline} ns; 0 (later: -EINTR when a signal interrupts). */
    public long sleepUntil(int clock, long deadline) {
        long[] now = new long[2];
        while (!exitRequested && !proc.exiting) {
            Host.clock_gettime(clock, now);
            long left = deadline - (now[0] * 1_000_000_000L + now[1]);
            if (left <= 0) return 0;
            java.util.concurrent.locks.LockSupport.parkNanos(this, left);
        }
        return 0;
    }

    public String comm() {
        return comm;
    }

    public void setComm(String name) {
        comm = name;
    }

    /** Binds system-call memory access to the principal: the subcontext running now. */
    public void bindPrincipal() {
        mem.bind(hart.mmu.context(), hart.mmu.current());
    }

    @Override
    public void run() {
        try {
            while (!exitRequested && !proc.exiting) {
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
                    case Hart.EXIT_ILLEGAL -> kernel.fatalSignal(this, Signals.SIGILL);
                    case Hart.EXIT_BREAKPOINT -> kernel.fatalSignal(this, Signals.SIGTRAP);
                    default -> { }
                }
            }
        } catch (Throwable t) {
            kernel.internalError(this, t);
        } finally {
            kernel.taskExited(this);
        }
    }

    private void memoryFault() {
        FaultInfo f = hart.mmu.fault;
        kernel.stats.faults.increment();
        if (f.kind == FaultInfo.SUBCON) {
            kernel.subconFault(this, f);
        } else {
            kernel.fatalSignal(this, f.kind == FaultInfo.BUS ? Signals.SIGBUS : Signals.SIGSEGV);
        }
    }

    /** A read from a host descriptor that may block (terminals, pipes). */
    long blockingHostRead(int fd, byte[] b, int off, int len, boolean nonBlocking) {
        return Host.read(fd, b, off, len);
    }

    long blockingHostWrite(int fd, byte[] b, int off, int len, boolean nonBlocking) {
        return Host.write(fd, b, off, len);
    }

    /** The kernel side of the subcontext CSRs: scid and the per-thread, per-subcontext sctls. */
    private final class TaskCsrs implements CsrFile {
        @Override
        public boolean hasSubconCsrs() {
            return true;
        }

        @Override
        public long scid(Hart h) {
            return h.mmu.current().sid;
        }

        @Override
        public long sctls(Hart h) {
            return sctls.getOrDefault(h.mmu.current().sid, 0L);
        }

        @Override
        public void setSctls(Hart h, long value) {
            sctls.put(h.mmu.current().sid, value);
        }
    }

    static Mmu newMmu(Process p) {
        return new Mmu(p.ctx, p.ctx.root());
    }
}
