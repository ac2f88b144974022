package org.subcons.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.subcons.elf.ElfException;
import org.subcons.elf.ElfFile;
import org.subcons.hart.Hart;
import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;
import org.subcons.host.RootFs;
import org.subcons.host.Statx;
import org.subcons.subcon.FaultInfo;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Prot;
import org.subcons.syscall.Syscalls;

/**
 * The Linux-ABI kernel: processes, threads, files and the system-call table, over the
 * memory manager. One kernel runs one guest program tree.
 */
public final class Kernel {
    public final Config config;
    public final MemoryManager mm;
    public final Stats stats = new Stats();
    public final Syscalls syscalls;
    final RootFs fs;
    private final SharedObjects shared;
    private final PrintStream diag;
    private final OpenFile[] stdio;
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final Map<Integer, Process> processes = new ConcurrentHashMap<>();
    private final Map<Integer, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong insnsLeft;
    private final AtomicInteger live = new AtomicInteger();
    private final CountDownLatch initDone = new CountDownLatch(1);
    private volatile Process init;
    private volatile String stopMessage;
    /** The --serve servers' set-up, while their init calls run. */
    private Serve serve;

    /**
     * @param stdio the guest's descriptors 0, 1, 2 (the kernel takes one reference to each)
     * @param diag  where the kernel's own messages go: traces, faults, stats (normally stderr)
     */
    public Kernel(Config config, OpenFile[] stdio, PrintStream diag) {
        this.config = config;
        this.mm = new MemoryManager(config.memLimit());
        this.shared = new SharedObjects(mm.physical());
        this.diag = diag;
        this.stdio = stdio;
        this.fs = new RootFs(config.root() == null ? "/" : config.root());
        this.syscalls = new Syscalls(this);
        Host.umask(0);      // the guest's umask is applied by this kernel; the host's must not apply twice
        this.insnsLeft = new AtomicLong(config.maxInsns() > 0 ? config.maxInsns() : Long.MAX_VALUE);
    }

    private java.util.concurrent.ScheduledExecutorService timers;

    /** The thread that fires guest timers (made on first use). */
    synchronized java.util.concurrent.ScheduledExecutorService timers() {
        if (timers == null) {
            timers = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("guest-timers").daemon(true).unstarted(r));
        }
        return timers;
    }

    public SharedObjects sharedObjects() {
        return shared;
    }

    public RootFs fs() {
        return fs;
    }

    public PrintStream diag() {
        return diag;
    }

    /**
     * Runs {@code program} (a guest path; without --root, a host path) to completion and
     * returns its exit status: the exit code, or 128 + N if signal N killed it.
     */
    public int run(String program, List<String> argv, List<String> envp) throws ElfException {
        return run(program, argv, envp, System.getProperty("user.dir"), 0);
    }

    /**
     * Like {@link #run(String, List, List)}, starting in host directory {@code cwd}; with a
     * {@code timeoutMillis} above 0, kills the guest after that long and returns -1.
     */
    public int run(String program, List<String> argv, List<String> envp, String cwdPath, long timeoutMillis)
            throws ElfException {
        int cwd = initialCwd(cwdPath);
        Executable exe = readExecutable(cwd, program);
        ElfFile elf = ElfFile.parse(exe.data(), program);
        Process p = newProcess(null, new Signals.Actions(), Process.defaultLimits());
        p.cwdFd = cwd;
        p.fds = new FdTable();
        for (int fd = 0; fd < 3; fd++) p.fds.installAt(fd, stdio[fd], false);
        Task t = execInto(p, null, elf, exe.path(), program, argv, envp);
        if (!config.serve().isEmpty()) serve = Serve.prepare(this, p, t, cwdPath, config.serve());
        init = p;
        start(t);
        boolean timedOut = false;
        try {
            if (timeoutMillis > 0) timedOut = !initDone.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            else initDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (timedOut) {
            killAll(Signals.SIGKILL);
            return -1;
        }
        if (stopMessage != null) diag.println(stopMessage);
        if (config.stats()) stats.print(diag, mm.physical().peakBytes());
        return statusOf(p.exitStatus);
    }

    /** The exit status `subcons run` reports for a wait status. */
    static int statusOf(int wait) {
        int sig = wait & 0x7f;
        return sig == 0 ? (wait >> 8) & 0xff : 128 + sig;
    }

    private int initialCwd(String hostCwd) throws ElfException {
        int fd = config.root() == null
                ? Host.openat(Linux.AT_FDCWD, hostCwd, Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC, 0)
                : Host.dup(fs.rootFd());
        if (fd < 0) throw new ElfException("cannot open the working directory: " + Errno.name(-fd), 126);
        return fd;
    }

    /** An executable's contents and its absolute guest path (for /proc/self/exe). */
    record Executable(byte[] data, String path) {
    }

    /** A --serve server's init call ended with sc_return(value) (see Serve). */
    public void serverInitDone(Task t, long value) {
        serve.initDone(t, value);
    }

    /** Ends the run with {@code message} printed at the end (the caller sets the exit status). */
    void stop(String message) {
        stopMessage = message;
    }

    /** A whole file (a server to load), as {@code p} sees the path; null with err[0] = -errno. */
    public byte[] readFile(Process p, String path, long[] err) {
        try {
            return readExecutable(p.cwdFd, path).data();
        } catch (ElfException e) {
            err[0] = e.exitStatus == 127 ? -Errno.ENOENT : -Errno.EACCES;
            return null;
        }
    }

    /** One --trace=subcons line. */
    public void traceSubcons(Task t, String what) {
        if (!config.traceSubcons()) return;
        synchronized (diag) {
            diag.println("[pid " + t.tid() + "] subcons: " + what);
        }
    }

    /** Reads a whole executable, with the errors execve gives (ENOENT 127, others 126). */
    Executable readExecutable(int cwd, String path) throws ElfException {
        int fd = fs.open(cwd, path, Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
        if (fd < 0) throw new ElfException(path + ": " + describe(-fd), fd == -Errno.ENOENT ? 127 : 126);
        try {
            byte[] sx = new byte[Linux.SIZEOF_STATX];
            int r = Host.statx(fd, "", Linux.AT_EMPTY_PATH, Linux.STATX_BASIC_STATS, sx);
            if (r < 0) throw new ElfException(path + ": " + describe(-r));
            int type = Statx.mode(sx) & Linux.S_IFMT;
            if (type == Linux.S_IFDIR) throw new ElfException(path + ": Is a directory");
            if (type != Linux.S_IFREG) throw new ElfException(path + ": not a regular file");
            long size = Statx.size(sx);
            if (size > (1L << 30)) throw new ElfException(path + ": file too large to be a program");
            byte[] data = new byte[(int) size];
            for (int off = 0; off < data.length; ) {
                int n = Host.pread(fd, data, off, data.length - off, off);
                if (n < 0) throw new ElfException(path + ": " + describe(-n));
                if (n == 0) throw new ElfException(path + ": file shrank while reading");
                off += n;
            }
            String abs = fs.guestPathOf(fd);
            return new Executable(data, abs != null ? abs : path);
        } finally {
            Host.close(fd);
        }
    }

    private final java.util.concurrent.atomic.AtomicLong inodes = new java.util.concurrent.atomic.AtomicLong(1 << 20);

    /** A fresh inode number for a kernel object (pipes). */
    public long nextInode() {
        return inodes.incrementAndGet();
    }

    public Process process(int pid) {
        return processes.get(pid);
    }

    /** The pids of the guest's processes, in order. */
    public int[] pids() {
        return processes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    public int processCount() {
        return processes.size();
    }

    Process newProcess(Process parent, Signals.Actions actions, long[][] limits) {
        int pid = nextId.getAndIncrement();
        Process p = new Process(this, pid, parent, actions, limits);
        processes.put(pid, p);
        stats.processes.increment();
        return p;
    }

    /** Gives {@code p} a new image from {@code elf}; returns the task that will run it. */
    /**
     * @param exePath  the absolute guest path (for /proc/self/exe)
     * @param execFn   the path as the caller gave it (for AT_EXECFN)
     */
    Task execInto(Process p, Task caller, ElfFile elf, String exePath, String execFn, List<String> argv,
                  List<String> envp) throws ElfException {
        Exec.Image img = Exec.load(mm, elf, execFn, argv, envp, baseName(exePath));
        var old = p.ctx;
        p.ctx = img.context();
        p.exe = exePath;
        p.cmdline = List.copyOf(argv);
        p.environ = List.copyOf(envp);
        p.auxv = img.auxv();
        if (old != null) mm.dispose(old);
        p.sigreturnTrampoline = img.sigreturn();
        Task t = caller != null ? caller : new Task(this, p, p.pid, new Hart(Task.newMmu(p)));
        if (caller != null) t.hart.mmu.switchTo(p.ctx, p.ctx.root());
        Hart h = t.hart;
        java.util.Arrays.fill(h.x, 0);
        java.util.Arrays.fill(h.f, 0);
        h.frm = 0;
        h.fpu.flags = 0;
        h.x[2] = img.sp();
        h.pc = img.entry();
        synchronized (p) {
            if (!p.threads.contains(t)) p.threads.add(t);
        }
        return t;
    }

    /** strerror-style text for the errors a program path can give. */
    static String describe(int errno) {
        return switch (errno) {
            case Errno.ENOENT -> "No such file or directory";
            case Errno.EACCES -> "Permission denied";
            case Errno.ENOTDIR -> "Not a directory";
            case Errno.EISDIR -> "Is a directory";
            case Errno.ELOOP -> "Too many levels of symbolic links";
            case Errno.ENAMETOOLONG -> "File name too long";
            default -> Errno.name(errno);
        };
    }

    static String baseName(String path) {
        int i = path.lastIndexOf('/');
        String b = i >= 0 ? path.substring(i + 1) : path;
        return b.length() > 63 ? b.substring(0, 63) : b;
    }

    public Task task(int tid) {
        return tasks.get(tid);
    }

    void start(Task t) {
        tasks.put(t.tid, t);
        live.incrementAndGet();
        stats.threads.increment();
        t.host = Thread.ofPlatform().name("guest-" + t.tid).daemon(true).unstarted(t);
        t.host.start();
    }

    // ---- instruction budget (--max-insns) ---------------------------------------------

    long budget(long want) {
        return Math.min(want, insnsLeft.get());
    }

    void retired(long n) {
        stats.instructions.add(n);
        if (config.maxInsns() > 0) insnsLeft.addAndGet(-n);
    }

    void instructionLimitReached(Task t) {
        stopMessage = "subcons: instruction limit reached (" + config.maxInsns() + "); guest stopped";
        killAll(Signals.SIGXCPU);
    }

    // ---- exits and fatal events -------------------------------------------------------

    /** exit_group, or death by a signal: every thread of the process stops. */
    void exitProcess(Process p, int waitStatus) {
        synchronized (p) {
            if (p.exiting) return;
            p.exitStatus = waitStatus;
            p.exiting = true;
        }
        for (Task t : p.threadList()) {
            t.exitRequested = true;
            t.wake();
        }
        synchronized (p) {
            p.notifyAll();
        }
    }

    /** exit(2) of one thread; the process ends with its last thread. */
    public void exitThread(Task t, int code) {
        t.exitRequested = true;
        synchronized (t.proc) {
            if (t.proc.threads.size() == 1 && !t.proc.exiting) {
                t.proc.exitStatus = (code & 0xff) << 8;
                t.proc.exiting = true;
            }
        }
    }

    public void exitGroup(Task t, int code) {
        exitProcess(t.proc, (code & 0xff) << 8);
    }

    /** The default action of a signal that kills: the process dies with it. */
    void killProcess(Process p, int sig) {
        Signals.Default d = Signals.defaultAction(sig);
        exitProcess(p, sig | (d == Signals.Default.CORE ? 0x80 : 0));
    }

    // ---- sending signals --------------------------------------------------------------

    /** A signal the hart raised for a fault: if it is blocked or ignored, it kills (as Linux's force_sig). */
    void forceSignal(Task t, SigInfo si) {
        Process p = t.proc;
        int sig = si.signo();
        if (t.hart.mmu.current() != p.ctx.root()) {
            killProcess(p, sig);            // no handler may run on top of another subcontext's fault
            return;
        }
        synchronized (p) {
            Signals.Action a = p.actions.get(sig);
            if ((t.sigMask & Signals.bit(sig)) != 0 || a.handler() == Signals.SIG_IGN) {
                p.actions.set(sig, Signals.Action.DEFAULT);
                t.sigMask &= ~Signals.bit(sig);
            }
            t.pending.add(si);
        }
        t.signalFlag = true;
    }

    /** Whether {@code sig} would be thrown away on arrival (ignored and not blocked by everyone). */
    /**
     * Linux's sig_ignored: a signal that is ignored (SIG_IGN, or a default of ignore) is
     * dropped when sent, unless the receiving thread blocks it (then it stays pending until
     * unblocked, and is dropped at delivery).
     */
    private static boolean discardedOnSend(Process p, int sig, Task receiver) {
        return ignoredAction(p, sig) && (receiver == null || (receiver.sigMask & Signals.bit(sig)) == 0);
    }

    private static boolean ignoredAction(Process p, int sig) {
        Signals.Action a = p.actions.get(sig);
        boolean ignored = a.handler() == Signals.SIG_IGN
                || (a.handler() == Signals.SIG_DFL && Signals.defaultAction(sig) == Signals.Default.IGNORE);
        return ignored && sig != Signals.SIGCONT;
    }

    /** kill(2)-style delivery to a process: queued for it, and a thread that can take it is woken. */
    public void sendToProcess(Process p, SigInfo si) {
        int sig = si.signo();
        if (sig == Signals.SIGKILL) {
            exitProcess(p, Signals.SIGKILL);
            return;
        }
        if (sig == Signals.SIGCONT) continueProcess(p);
        List<Task> threads;
        synchronized (p) {
            if (p.exiting || discardedOnSend(p, sig, p.threads.isEmpty() ? null : p.threads.get(0))) return;
            p.sharedPending.add(si);
            threads = new java.util.ArrayList<>(p.threads);
        }
        for (Task t : threads) {
            if ((t.sigMask & Signals.bit(sig)) == 0) {
                t.wake();
                return;
            }
        }
        // Every thread blocks it: it stays pending, but one waiting for it in sigwait takes it.
        for (Task t : threads) {
            t.signalFlag = true;
            if ((t.sigwaitWanted & Signals.bit(sig)) != 0) t.wake();
        }
    }

    /** tgkill(2)-style delivery to one thread. */
    public void sendToThread(Task t, SigInfo si) {
        Process p = t.proc;
        int sig = si.signo();
        if (sig == Signals.SIGKILL) {
            exitProcess(p, Signals.SIGKILL);
            return;
        }
        if (sig == Signals.SIGCONT) continueProcess(p);
        synchronized (p) {
            if (p.exiting || discardedOnSend(p, sig, t)) return;
            t.pending.add(si);
        }
        t.wake();
    }

    /** A signal the host sent to Subcons (Ctrl-C): it goes to the first process's group, as a terminal would. */
    public void hostSignal(int sig) {
        Process first = init;
        if (first == null) return;
        kill(first, -first.pgid, SigInfo.kernel(sig));
    }

    /** rt_sigaction's effect: setting a signal to be ignored drops it from the pending sets. */
    public void setAction(Process p, int sig, Signals.Action a) {
        synchronized (p) {
            p.actions.set(sig, a);
            if (ignoredAction(p, sig)) {
                p.sharedPending.remove(sig);
                for (Task t : p.threads) t.pending.remove(sig);
            }
        }
    }

    public long pendingSignals(Task t) {
        synchronized (t.proc) {
            return t.pending.bits() | t.proc.sharedPending.bits();
        }
    }

    /**
     * rt_sigtimedwait: takes a signal of {@code wanted} without delivering it, waiting until
     * {@code deadline} (System.nanoTime); null on timeout or when another signal interrupts.
     */
    public SigInfo waitForSignal(Task t, long wanted, long deadline) {
        Process p = t.proc;
        t.sigwaitWanted = wanted;
        try {
            while (true) {
                synchronized (p) {
                    SigInfo si = t.pending.take(wanted);
                    if (si == null) si = p.sharedPending.take(wanted);
                    if (si != null) return si;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || t.signalPending()) return null;
                java.util.concurrent.locks.LockSupport.parkNanos(t, left);
                Thread.interrupted();
            }
        } finally {
            t.sigwaitWanted = 0;
        }
    }

    public long sigreturn(Task t) {
        return SignalDelivery.sigreturn(t);
    }

    /** kill(2): by pid, by process group (0, -pgid) or to everyone (-1). */
    public long kill(Process sender, int pid, SigInfo si) {
        List<Process> targets = new java.util.ArrayList<>();
        for (Process p : processes.values()) {
            boolean hit = pid > 0 ? p.pid == pid : pid == 0 ? p.pgid == sender.pgid : pid == -1 || p.pgid == -pid;
            if (hit) targets.add(p);            // a zombie too: kill succeeds, with no effect
        }
        if (targets.isEmpty()) return -Errno.ESRCH;
        if (si.signo() != 0) for (Process p : targets) if (!p.exiting) sendToProcess(p, si);
        return 0;
    }

    public long setsid(Process p) {
        synchronized (p) {
            if (p.pgid == p.pid) return -Errno.EPERM;
            p.sid = p.pid;
            p.pgid = p.pid;
            return p.pid;
        }
    }

    public long setpgid(Process p, int pgid) {
        if (pgid != p.pid) {
            boolean exists = processes.values().stream().anyMatch(q -> q.pgid == pgid && q.sid == p.sid);
            if (!exists) return -Errno.EPERM;
        }
        synchronized (p) {
            p.pgid = pgid;
        }
        return 0;
    }

    /** A write to a pipe nobody reads: SIGPIPE to the writer (the call then fails with EPIPE). */
    public void signalBrokenPipe(Task t) {
        sendToThread(t, SigInfo.user(Signals.SIGPIPE, SigInfo.SI_USER, t.proc.pid, Host.getuid()));
    }

    /** Default action of a stop signal: every thread waits until SIGCONT (or death); the parent is told. */
    void stopProcess(Task t, int sig) {
        Process p = t.proc;
        boolean first;
        synchronized (p) {
            first = !p.stopped;
            p.stopped = true;
        }
        if (first) reportToParent(p, SigInfo.CLD_STOPPED, sig);
        synchronized (p) {
            while (p.stopped && !p.exiting && !t.exitRequested) {
                try {
                    p.wait();
                } catch (InterruptedException e) {
                    // a SIGKILL or SIGCONT wakes us; the loop condition decides
                }
            }
        }
    }

    void continueProcess(Process p) {
        synchronized (p) {
            if (!p.stopped) return;
            p.stopped = false;
            p.notifyAll();
        }
        reportToParent(p, SigInfo.CLD_CONTINUED, Signals.SIGCONT);
    }

    /** Tells the parent a child stopped or continued: wait status and SIGCHLD (unless SA_NOCLDSTOP). */
    private void reportToParent(Process p, int code, int sig) {
        Process parent = p.parent;
        if (parent == null) return;
        synchronized (parent) {
            if (code == SigInfo.CLD_STOPPED) {
                p.stopReport = sig;
            } else {
                p.continueReport = 1;
            }
            parent.notifyAll();
        }
        if ((parent.actions.get(Signals.SIGCHLD).flags() & Signals.SA_NOCLDSTOP) == 0) {
            sendToProcess(parent, new SigInfo(Signals.SIGCHLD, code, 0, p.pid, Host.getuid(), 0, sig, 0));
        }
        for (Task w : parent.threadList()) w.wake();
    }


    /** A denied access or transfer between subcontexts (SPEC section 8): report and kill with SIGSEGV. */
    void subconFault(Task t, FaultInfo f) {
        String kind = f.access == Prot.R ? "read" : f.access == Prot.W ? "write" : "execute/transfer";
        diag.printf("subcons: fault: pid %d subcon %s (sid %d) %s at 0x%x owner %s (sid %d) rights %s%n",
                t.proc.pid, f.current.name, f.current.sid, kind, f.addr,
                f.owner == null ? "none" : f.owner.name, f.owner == null ? 0 : f.owner.sid, rightsText(f.rights));
        exitProcess(t.proc, Signals.SIGSEGV | 0x80);
    }

    /** A page could not be had within --mem: like Linux's OOM killer, the process dies with SIGKILL. */
    void outOfMemory(Task t) {
        diag.println("subcons: out of memory (--mem " + (config.memLimit() >> 20) + "M): killed pid " + t.proc.pid);
        exitProcess(t.proc, Signals.SIGKILL);
    }

    static String rightsText(int r) {
        return r == 0 ? "none" : ((r & Prot.R) != 0 ? "r" : "-") + ((r & Prot.W) != 0 ? "w" : "-") + ((r & Prot.X) != 0 ? "x" : "-");
    }

    /** A bug in Subcons itself: one clear line (the trace only with SUBCONS_DEBUG set), and the process dies. */
    void internalError(Task t, Throwable e) {
        diag.println("subcons: internal error in pid " + t.proc.pid + " at pc 0x" + Long.toHexString(t.hart.pc) + ": " + e);
        if (System.getenv("SUBCONS_DEBUG") != null) e.printStackTrace(diag);
        exitProcess(t.proc, Signals.SIGABRT | 0x80);
    }

    private void killAll(int sig) {
        for (Process p : processes.values()) exitProcess(p, sig);
    }

    /** A task's host thread is ending: the last one out ends the process. */
    void taskExited(Task t) {
        Process p = t.proc;
        if (t.robustList != 0) releaseRobustFutexes(t);
        if (t.clearChildTid != 0 && !p.exiting) clearChildTid(t);
        boolean last;
        synchronized (p) {
            p.threads.remove(t);
            last = p.threads.isEmpty();
        }
        t.releaseUpcallStacks();
        t.hart.mmu.switchTo(null, null);
        stats.jitUnits.add(t.hart.unitsCompiled);
        stats.transfers.add(t.hart.mmu.transfers);
        stats.upcalls.add(t.hart.upcalls);
        stats.viewSwitches.add(t.hart.mmu.viewSwitches);
        stats.traps.add(t.hart.mmu.traps + t.csrTraps);
        stats.tlbFlushes.add(t.hart.mmu.tlbFlushes);
        tasks.remove(t.tid);
        if (last) processExited(p);
        live.decrementAndGet();
    }

    /**
     * A dying thread's robust futexes (set_robust_list): each lock it still holds is marked
     * FUTEX_OWNER_DIED and one waiter woken, so robust mutexes recover.
     */
    private void releaseRobustFutexes(Task t) {
        t.bindPrincipal();
        long[] ok = new long[1];
        long head = t.robustList;
        long offset = t.mem.readLong(head + 8, ok);
        if (ok[0] == 0) return;
        long pending = t.mem.readLong(head + 16, ok);
        long entry = t.mem.readLong(head, ok);
        for (int n = 0; ok[0] != 0 && entry != head && entry != 0 && n < 2048; n++) {
            if (entry != pending) ownerDied(t, entry + offset);
            entry = t.mem.readLong(entry, ok);
        }
        if (pending != 0) ownerDied(t, pending + offset);
    }

    private void ownerDied(Task t, long addr) {
        byte[] b = t.mem.read(addr, 4);
        if (b == null) return;
        int v = UserMemory.getInt(b, 0);
        if ((v & 0x3fffffff) != t.tid) return;
        UserMemory.putInt(b, 0, (v & 0x80000000) | 0x40000000);
        if (t.mem.write(addr, b) && (v & 0x80000000) != 0) futexes.wake(t, addr, 1, -1, false);
    }

    /** CLONE_CHILD_CLEARTID: zero the thread id word and wake one waiter (pthread_join). */
    private void clearChildTid(Task t) {
        t.bindPrincipal();
        if (t.mem.writeInt(t.clearChildTid, 0)) futexes.wake(t, t.clearChildTid, 1, -1, false);
    }

    /**
     * The last thread of {@code p} is gone: release its resources, hand its children to no
     * one (they are reaped when they die), and tell its parent (a zombie until waited for,
     * unless the parent ignores SIGCHLD).
     */
    private void processExited(Process p) {
        if (!p.exiting) exitProcess(p, 0);
        p.releaseResources();
        p.releaseVfork();
        List<Process> orphans;
        synchronized (p) {
            orphans = new java.util.ArrayList<>(p.children);
            p.children.clear();
        }
        for (Process c : orphans) {
            synchronized (c) {
                c.parent = null;
            }
            if (c.zombie) processes.remove(c.pid);
        }
        Process parent = p.parent;
        if (parent == null) {
            processes.remove(p.pid);
        } else {
            Signals.Action a = parent.actions.get(Signals.SIGCHLD);
            boolean autoReap = a.handler() == Signals.SIG_IGN || (a.flags() & Signals.SA_NOCLDWAIT) != 0;
            // The signal first, as Linux: once wait can see the zombie, SIGCHLD is pending.
            if (p.exitSignal != 0) {
                int ws = p.exitStatus;
                int code = (ws & 0x7f) == 0 ? SigInfo.CLD_EXITED : (ws & 0x80) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
                int status = code == SigInfo.CLD_EXITED ? (ws >> 8) & 0xff : ws & 0x7f;
                sendToProcess(parent, new SigInfo(p.exitSignal, code, 0, p.pid, Host.getuid(), 0, status, 0));
            }
            synchronized (parent) {
                if (autoReap) {
                    parent.children.remove(p);
                    processes.remove(p.pid);
                } else {
                    p.zombie = true;
                }
                parent.notifyAll();
            }
            for (Task w : parent.threadList()) w.wake();
        }
        if (p == init) initDone.countDown();
    }

    // ---- processes: creation, waiting -------------------------------------------------

    public final Futexes futexes = new Futexes();

    int allocateId() {
        return nextId.getAndIncrement();
    }

    /** Processes not yet exited (zombies do not count), for --max-procs. */
    int liveProcesses() {
        int n = 0;
        for (Process p : processes.values()) if (!p.exiting) n++;
        return n;
    }

    /** Undoes a task made by clone that must not start (a fault writing its tid). */
    void abandon(Task t) {
        Process p = t.proc;
        boolean last;
        synchronized (p) {
            p.threads.remove(t);
            last = p.threads.isEmpty();
        }
        t.hart.mmu.switchTo(null, null);
        if (last) {
            p.exiting = true;
            p.releaseResources();
            Process parent = p.parent;
            if (parent != null) {
                synchronized (parent) {
                    parent.children.remove(p);
                }
            }
            processes.remove(p.pid);
        }
    }

    /** Reads execve's argv or envp array (null with err[0] = -errno). */
    public static List<String> execArgs(Task t, long ptr, long[] err, int[] total) {
        return Execve.strings(t, ptr, err, total);
    }

    /** execve(2) with its arguments already read from guest memory. */
    public long execve(Task t, String path, List<String> argv, List<String> envp) {
        return Execve.exec(this, t, path, argv, envp);
    }

    /**
     * execve's first step: every other thread of the caller's process exits. Returns false
     * if the caller itself is being killed meanwhile.
     */
    boolean stopOtherThreads(Task t) {
        Process p = t.proc;
        for (Task o : p.threadList()) {
            if (o == t) continue;
            o.exitRequested = true;
            o.wake();
        }
        while (true) {
            synchronized (p) {
                if (p.threads.size() == 1) return true;
            }
            if (p.exiting || t.exitRequested) return false;
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    public long clone(Task t, long flags, long stack, long parentTid, long tls, long childTid, int exitSignal) {
        return Clone.clone(this, t, flags, stack, parentTid, tls, childTid, exitSignal);
    }

    public static final int WNOHANG = 1, WUNTRACED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x01000000;

    /** What a wait found: the child, and its status in wait4's encoding. */
    public record Reaped(Process child, int status, int code) {
    }

    /**
     * The wait family: the first child matching {@code select} with a state change the
     * options ask for. Returns it (reaping a dead one unless WNOWAIT), null for WNOHANG with
     * nothing to report; {@code err[0]} is -ECHILD when no child matches at all, or
     * -ERESTARTSYS when a signal interrupts.
     */
    public Reaped waitChild(Task t, java.util.function.Predicate<Process> select, int options, long[] err) {
        Process p = t.proc;
        synchronized (p) {
            while (true) {
                boolean any = false;
                for (Process c : p.children) {
                    if (!select.test(c)) continue;
                    any = true;
                    if (c.zombie && (options & WEXITED) != 0) {
                        int ws = c.exitStatus;
                        int code = (ws & 0x7f) == 0 ? SigInfo.CLD_EXITED : (ws & 0x80) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
                        if ((options & WNOWAIT) == 0) {
                            p.children.remove(c);
                            processes.remove(c.pid);
                        }
                        return new Reaped(c, ws, code);
                    }
                    if (c.stopReport != 0 && (options & WUNTRACED) != 0) {
                        int sig = c.stopReport;
                        if ((options & WNOWAIT) == 0) c.stopReport = 0;
                        return new Reaped(c, 0x7f | sig << 8, SigInfo.CLD_STOPPED);
                    }
                    if (c.continueReport != 0 && (options & WCONTINUED) != 0) {
                        if ((options & WNOWAIT) == 0) c.continueReport = 0;
                        return new Reaped(c, 0xffff, SigInfo.CLD_CONTINUED);
                    }
                }
                if (!any) {
                    err[0] = -Errno.ECHILD;
                    return null;
                }
                if ((options & WNOHANG) != 0) return null;
                if (t.signalPending()) {
                    err[0] = -Errno.ERESTARTSYS;
                    return null;
                }
                try {
                    p.wait();
                } catch (InterruptedException e) {
                    // Task.wake: the loop re-checks for signals
                }
            }
        }
    }
}
