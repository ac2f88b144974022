package org.subcons.syscall;

import org.subcons.hart.Hart;
import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.Task;

/**
 * The system-call table and dispatcher. Each family registers its calls with a name and an
 * argument description used by {@code --trace=syscalls}. Unknown numbers return -ENOSYS
 * (and show up in the trace); no call can crash the host.
 */
public final class Syscalls {
    /** A system call: arguments a0..a5, result or -errno. */
    @FunctionalInterface
    public interface Handler {
        long call(Task t, long a0, long a1, long a2, long a3, long a4, long a5);
    }

    /**
     * A result meaning the handler set the registers itself (execve, rt_sigreturn, exit):
     * a0 is left as it is.
     */
    public static final long NO_RETURN = Long.MIN_VALUE;
    /** First number of the subcontext calls (SPEC section 9). */
    public static final int SC_BASE = 0x5C00;

    /**
     * How to show a call in traces: {@code args} has one letter per argument:
     * d int, l long, u unsigned, x hex, p pointer, s string, f fd, o octal, O open flags;
     * {@code hexResult} shows the result in hex (addresses).
     */
    record Entry(String name, String args, boolean hexResult, Handler handler) {
    }

    private final Entry[] linux = new Entry[512];
    private final Entry[] subcon = new Entry[32];
    private final Kernel kernel;
    private final Tracer tracer;
    private final UpcallCalls upcalls;

    public Syscalls(Kernel kernel) {
        this.kernel = kernel;
        this.tracer = new Tracer(kernel.diag());
        MemoryCalls.register(this, kernel);
        FileCalls.register(this, kernel);
        PathCalls.register(this, kernel);
        InfoCalls.register(this, kernel);
        ProcessCalls.register(this, kernel);
        SignalCalls.register(this, kernel);
        PollCalls.register(this, kernel);
        TimerCalls.register(this, kernel);
        SubconCalls.register(this, kernel);
        this.upcalls = UpcallCalls.register(this, kernel);
    }

    void add(int nr, String name, String args, Handler h) {
        put(nr, new Entry(name, args, false, h));
    }

    void addHex(int nr, String name, String args, Handler h) {
        put(nr, new Entry(name, args, true, h));
    }

    private void put(int nr, Entry e) {
        Entry[] t = nr >= SC_BASE ? subcon : linux;
        int i = nr >= SC_BASE ? nr - SC_BASE : nr;
        if (t[i] != null) throw new IllegalStateException("system call " + nr + " registered twice");
        t[i] = e;
    }

    Entry lookup(long nr) {
        if (nr >= 0 && nr < linux.length) return linux[(int) nr];
        if (nr >= SC_BASE && nr < SC_BASE + subcon.length) return subcon[(int) nr - SC_BASE];
        return null;
    }

    public String name(long nr) {
        Entry e = lookup(nr);
        return e != null ? e.name : "syscall_" + nr;
    }

    /** Serves the ecall the task's hart stopped at. */
    public void dispatch(Task t) {
        Hart h = t.hart();
        long[] x = h.x;
        long nr = x[17];
        // SPEC 6: a call from a subcontext with a handler goes to its server (views, or a first upcall).
        org.subcons.subcon.Subcontext cur = h.mmu.current();
        org.subcons.subcon.Subcontext.Handler handler = cur.handler();
        if (handler != null && !org.subcons.hart.Upcalls.isGate(nr)) {
            upcalls.redirect(t, handler);
            return;
        }
        kernel.stats.syscalls.increment();
        h.pc += 4;
        long r = execute(t, nr, x);
        if (r != NO_RETURN) {
            x[10] = r;
            if (nr != org.subcons.hart.Upcalls.SC_PASS) t.endSyscall(r);   // a passed call's restart is its client's
        }
    }

    /**
     * Runs system call {@code nr} with arguments a0..a5 from {@code args} for the task's
     * principal (the caller, or the client of a passed call); traces it.
     */
    long execute(Task t, long nr, long[] args) {
        long a0 = args[10], a1 = args[11], a2 = args[12], a3 = args[13], a4 = args[14], a5 = args[15];
        Entry e = lookup(nr);
        boolean trace = kernel.config.traceSyscalls();
        String before = trace ? tracer.call(t, nr, e, args) : null;
        t.bindPrincipal();
        t.beginSyscall(a0);
        long r = e == null ? -Errno.ENOSYS : e.handler.call(t, a0, a1, a2, a3, a4, a5);
        if (trace) tracer.result(t, before, e, r);
        return r;
    }
}
