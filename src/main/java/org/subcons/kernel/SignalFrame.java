package org.subcons.kernel;

/**
 * The Linux riscv64 signal frame ({@code struct rt_sigframe}), laid out exactly as the
 * kernel does so that handlers, {@code ucontext_t} readers and rt_sigreturn agree:
 * <pre>
 *   0     siginfo_t                       128 bytes
 *   128   ucontext: uc_flags, uc_link      8 + 8
 *   144             uc_stack (stack_t)    24
 *   168             uc_sigmask             8  (+120 unused)
 *   304             uc_mcontext (16-aligned): sc_regs[32] (pc, x1..x31), then the FP state
 *   560             f0..f31 (8 each), fcsr (4), reserved: 528 bytes in all (the Q layout)
 *   1088  end
 * </pre>
 */
public final class SignalFrame {
    public static final int SIZE = 1088;
    public static final int SIGINFO = 0;
    public static final int UCONTEXT = 128;
    public static final int UC_FLAGS = UCONTEXT, UC_LINK = UCONTEXT + 8, UC_STACK = UCONTEXT + 16,
            UC_SIGMASK = UCONTEXT + 40, UC_MCONTEXT = UCONTEXT + 176;
    /** sc_regs: pc then x1..x31. */
    public static final int SC_REGS = UC_MCONTEXT;
    public static final int SC_FPREGS = UC_MCONTEXT + 256;
    public static final int SC_FCSR = SC_FPREGS + 256;

    private SignalFrame() {
    }
}
