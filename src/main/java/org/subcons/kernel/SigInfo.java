package org.subcons.kernel;

/**
 * A signal with its siginfo_t fields. {@link #toBytes} lays it out as the riscv64 kernel
 * does (128 bytes: signo, errno, code, then the union at offset 16).
 */
public record SigInfo(int signo, int code, int errno, int pid, int uid, long addr, int status, long value) {
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TKILL = -6;
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_STOPPED = 5, CLD_CONTINUED = 6;
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRALN = 1, BUS_ADRERR = 2, ILL_ILLOPC = 1,
            TRAP_BRKPT = 1;
    public static final int SIZE = 128;

    /** Sent by kill(2) or tgkill(2) from {@code pid}. */
    public static SigInfo user(int signo, int code, int pid, int uid) {
        return new SigInfo(signo, code, 0, pid, uid, 0, 0, 0);
    }

    /** Raised by the kernel for a fault at {@code addr}. */
    public static SigInfo fault(int signo, int code, long addr) {
        return new SigInfo(signo, code, 0, 0, 0, addr, 0, 0);
    }

    public static SigInfo kernel(int signo) {
        return new SigInfo(signo, SI_KERNEL, 0, 0, 0, 0, 0, 0);
    }

    /** SIGCHLD for a child that changed state. */
    public static SigInfo child(int code, int pid, int uid, int status) {
        return new SigInfo(Signals.SIGCHLD, code, 0, pid, uid, 0, status, 0);
    }

    private boolean isFault() {
        return code > 0 && code != SI_KERNEL && (signo == Signals.SIGSEGV || signo == Signals.SIGBUS
                || signo == Signals.SIGILL || signo == Signals.SIGFPE || signo == Signals.SIGTRAP);
    }

    public byte[] toBytes() {
        byte[] b = new byte[SIZE];
        UserMemory.putInt(b, 0, signo);
        UserMemory.putInt(b, 4, errno);
        UserMemory.putInt(b, 8, code);
        if (isFault()) {
            UserMemory.putLong(b, 16, addr);
        } else {
            UserMemory.putInt(b, 16, pid);
            UserMemory.putInt(b, 20, uid);
            if (signo == Signals.SIGCHLD) UserMemory.putInt(b, 24, status);
            else UserMemory.putLong(b, 24, value);
        }
        return b;
    }
}
