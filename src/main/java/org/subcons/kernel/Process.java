package org.subcons.kernel;

import java.util.ArrayList;
import java.util.List;

import org.subcons.host.Host;
import org.subcons.subcon.Context;

/**
 * A guest process (a thread group): its context (address space), files, working
 * directory, signal dispositions and threads. Fields that threads share are guarded by
 * the process's monitor.
 */
public final class Process {
    public static final int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4,
            RLIMIT_NOFILE = 7, RLIMIT_AS = 9, RLIMIT_NPROC = 6, RLIM_NLIMITS = 16;
    public static final long RLIM_INFINITY = -1;

    final Kernel kernel;
    final int pid;
    volatile Process parent;
    volatile Context ctx;
    FdTable fds;
    /** Host O_PATH descriptor of the current directory. */
    int cwdFd;
    int umask = 022;
    volatile String exe;
    List<String> cmdline = List.of();
    /** The environment execve gave the program (for /proc/PID/environ). */
    List<String> environ = List.of();
    byte[] auxv = new byte[0];
    final List<Task> threads = new ArrayList<>();
    final Signals.Actions actions;
    /** Signals sent to the process as a whole. Guarded by this. */
    final SignalQueue sharedPending = new SignalQueue();
    /** Address of the code that calls rt_sigreturn (the [vdso] page). */
    long sigreturnTrampoline;
    private RealTimer realTimer;

    /** ITIMER_REAL of this process (made on first use). */
    public synchronized RealTimer realTimer() {
        if (realTimer == null) realTimer = new RealTimer(kernel, this);
        return realTimer;
    }

    /** Stopped by SIGSTOP and friends until SIGCONT. Guarded by this. */
    boolean stopped;
    int pgid, sid;
    final long[][] rlimits;

    /** Set once the process has begun exiting; then the wait status it exits with. */
    volatile boolean exiting;
    volatile int exitStatus;
    /** Dead, not yet waited for. Guarded by the parent. */
    boolean zombie;
    /** A stop or continue its parent has not yet been told about (WUNTRACED, WCONTINUED). */
    int stopReport, continueReport;
    final List<Process> children = new ArrayList<>();
    /** The signal the parent gets when this process dies (SIGCHLD for fork; 0: none). */
    int exitSignal = Signals.SIGCHLD;
    /** A vfork child whose parent waits until it execs or exits. Guarded by this. */
    boolean vforkPending;

    Process(Kernel kernel, int pid, Process parent, Signals.Actions actions, long[][] rlimits) {
        this.kernel = kernel;
        this.pid = pid;
        this.parent = parent;
        this.actions = actions;
        this.rlimits = rlimits;
        this.pgid = pid;
        this.sid = pid;
    }

    static long[][] defaultLimits() {
        long[][] r = new long[RLIM_NLIMITS][];
        for (int i = 0; i < RLIM_NLIMITS; i++) r[i] = new long[] {RLIM_INFINITY, RLIM_INFINITY};
        r[RLIMIT_STACK] = new long[] {8L << 20, RLIM_INFINITY};
        r[RLIMIT_NOFILE] = new long[] {1024, 4096};
        r[RLIMIT_CORE] = new long[] {0, RLIM_INFINITY};
        r[RLIMIT_NPROC] = new long[] {4096, 4096};
        return r;
    }

    public int pid() {
        return pid;
    }

    public int pgid() {
        return pgid;
    }

    public int sid() {
        return sid;
    }

    public Process parentProcess() {
        return parent;
    }

    public Context context() {
        return ctx;
    }

    public FdTable fds() {
        return fds;
    }

    public int ppid() {
        Process p = parent;
        return p == null ? 1 : p.pid;
    }

    public String exe() {
        return exe;
    }

    public synchronized long[] rlimit(int resource) {
        return rlimits[resource].clone();
    }

    public synchronized void setRlimit(int resource, long[] value) {
        rlimits[resource] = value.clone();
        if (resource == RLIMIT_NOFILE) fds.setLimit((int) Math.min(Math.max(value[0], 0), 1 << 20));
    }

    public Signals.Actions actions() {
        return actions;
    }

    public int cwdFd() {
        return cwdFd;
    }

    /** Makes {@code fd} (an O_PATH directory descriptor) the working directory. */
    public synchronized void setCwd(int fd) {
        int old = cwdFd;
        cwdFd = fd;
        if (old >= 0) Host.close(old);
    }

    public int umask() {
        return umask;
    }

    public int setUmask(int mask) {
        int old = umask;
        umask = mask & 0777;
        return old;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The vfork parent sleeps here until the child execs or exits (not interruptible, as in Linux). */
    void awaitVforkRelease(Task parent) {
        synchronized (this) {
            while (vforkPending) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // keep waiting: only exec or exit releases a vfork parent
                }
            }
        }
    }

    void releaseVfork() {
        synchronized (this) {
            vforkPending = false;
            notifyAll();
        }
    }

    synchronized long[][] copyLimits() {
        long[][] c = new long[rlimits.length][];
        for (int i = 0; i < c.length; i++) c[i] = rlimits[i].clone();
        return c;
    }

    synchronized List<Task> threadList() {
        return new ArrayList<>(threads);
    }

    /** Releases what the process holds when its last thread is gone. */
    void releaseResources() {
        synchronized (this) {
            if (realTimer != null) realTimer.cancel();
        }
        fds.closeAll();
        if (cwdFd >= 0) Host.close(cwdFd);
        cwdFd = -1;
        Context c = ctx;
        if (c != null && c.removeUser()) kernel.mm.dispose(c);
    }
}
