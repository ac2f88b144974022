package org.subcons.kernel;

/** Signal numbers, default actions and the per-process disposition table. */
public final class Signals {
    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7,
            SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14,
            SIGTERM = 15, SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21,
            SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28,
            SIGIO = 29, SIGPWR = 30, SIGSYS = 31, SIGRTMIN = 32, NSIG = 64;
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_ONSTACK = 0x08000000L,
            SA_RESTART = 0x10000000L, SA_NODEFER = 0x40000000L, SA_RESETHAND = 0x80000000L;
    /** Signals that can be neither caught, blocked nor ignored. */
    public static final long UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);

    /** What a signal does when nobody handles it. */
    public enum Default { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    private Signals() {
    }

    public static long bit(int sig) {
        return 1L << (sig - 1);
    }

    public static Default defaultAction(int sig) {
        return switch (sig) {
            case SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS -> Default.CORE;
            case SIGCHLD, SIGURG, SIGWINCH -> Default.IGNORE;
            case SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU -> Default.STOP;
            case SIGCONT -> Default.CONTINUE;
            default -> Default.TERMINATE;
        };
    }

    public static String name(int sig) {
        String[] names = {"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
            "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
            "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
            "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};
        return sig > 0 && sig < names.length ? names[sig] : "SIGRT" + (sig - SIGRTMIN);
    }

    /** One disposition: the kernel struct sigaction of riscv64 (handler, flags, mask; no restorer). */
    public record Action(long handler, long flags, long mask) {
        public static final Action DEFAULT = new Action(SIG_DFL, 0, 0);
    }

    /** A process's dispositions; shared by its threads (and by CLONE_SIGHAND). */
    public static final class Actions {
        private final Action[] table = new Action[NSIG + 1];

        public Actions() {
            java.util.Arrays.fill(table, Action.DEFAULT);
        }

        public synchronized Action get(int sig) {
            return table[sig];
        }

        public synchronized void set(int sig, Action a) {
            table[sig] = a;
        }

        public synchronized Actions copy() {
            Actions c = new Actions();
            System.arraycopy(table, 0, c.table, 0, table.length);
            return c;
        }

        /** The signals that run no handler: ignored, or taking their default action. */
        public synchronized long withoutHandler() {
            long bits = 0;
            for (int s = 1; s <= NSIG; s++) {
                long h = table[s].handler();
                if (h == SIG_DFL || h == SIG_IGN) bits |= bit(s);
            }
            return bits;
        }

        /** The signals whose action is to kill or stop the process (their default, not ignored or caught). */
        public synchronized long killOrStop() {
            long bits = 0;
            for (int s = 1; s <= NSIG; s++) {
                if (table[s].handler() != SIG_DFL) continue;
                Default d = defaultAction(s);
                if (d != Default.IGNORE && d != Default.CONTINUE) bits |= bit(s);
            }
            return bits;
        }

        /** execve: caught signals go back to the default; ignored ones stay ignored. */
        public synchronized void resetForExec() {
            // As Linux's flush_signal_handlers: ignored stays ignored, flags and mask go.
            for (int s = 1; s <= NSIG; s++) {
                table[s] = table[s].handler() == SIG_IGN ? new Action(SIG_IGN, 0, 0) : Action.DEFAULT;
            }
        }
    }
}
