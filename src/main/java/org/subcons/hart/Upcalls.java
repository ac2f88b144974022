package org.subcons.hart;

import org.subcons.subcon.Subcontext;

/**
 * Making and ending upcalls on a hart (SPEC section 6). The tagged back-end's hart calls
 * these itself from ecall; the views back-end's kernel calls them from its trap path.
 */
public final class Upcalls {
    /** The deepest nesting of upcalls a thread may have. */
    public static final int MAX_DEPTH = 64;
    public static final long SC_RETURN = 0x5C0A, SC_FRAME = 0x5C0B, SC_PASS = 0x5C10;

    private Upcalls() {
    }

    /** sc_return, sc_frame and sc_pass are gates: never redirected. */
    public static boolean isGate(long nr) {
        return nr == SC_RETURN || nr == SC_FRAME || nr == SC_PASS;
    }

    /** The number of upcalls into {@code server} this thread is already inside. */
    static int level(Hart h, Subcontext server) {
        int n = 0;
        for (int i = 0; i < h.upcallDepth; i++) if (h.frames[i].server == server) n++;
        return n;
    }

    /**
     * Makes an upcall: saves the client's registers {@code clientRegs} and the pc it resumes
     * at in a new frame; the call is the client's own ({@code passed} null) or the one in
     * the frame being passed; loads it (a0..a5, a7) into zeroed registers with sp at the
     * server stack and switches to the server at its entry. Returns 0, or -EAGAIN (too deep)
     * with nothing changed.
     */
    public static long enter(Hart h, long[] clientRegs, long resumePc, UpcallFrame passed, Subcontext client,
                             Subcontext.Handler handler, Subcontext principal, long stackTop) {
        if (h.upcallDepth == MAX_DEPTH) return -11;                 // EAGAIN
        UpcallFrame f = h.frames[h.upcallDepth];
        if (f == null) f = h.frames[h.upcallDepth] = new UpcallFrame();
        System.arraycopy(clientRegs, 0, f.saved, 0, 32);
        f.saved[0] = 0;
        f.saved[32] = resumePc;
        f.call = passed == null ? f.saved : passed.call;
        f.client = client;
        f.server = handler.server();
        f.principal = principal;
        f.trustedDepth = h.mmu.tsDepth;
        f.stackTop = stackTop;
        h.upcallDepth++;
        System.arraycopy(h.f, 0, f.fsaved, 0, 32);
        f.frm = h.frm;
        f.fflags = h.fpu.flags;
        java.util.Arrays.fill(h.f, 0);
        h.frm = 0;
        h.fpu.flags = 0;
        long[] x = h.x, c = f.call;
        java.util.Arrays.fill(x, 0);
        System.arraycopy(c, 10, x, 10, 6);                           // a0..a5
        x[17] = c[17];                                               // a7: the call's number
        x[2] = stackTop;
        h.mmu.enter(handler.server());
        h.mmu.clearReservation();
        h.pc = handler.entry();
        h.upcalls++;
        return 0;
    }

    /**
     * A --serve init call (SPEC section 12): an upcall with no client, which sc_return ends
     * by restoring {@code regs} and {@code pc} (the program's start) in the server's place.
     */
    public static long enterInit(Hart h, Subcontext server, long entry, long stackTop, long[] args) {
        long r = enter(h, h.x, h.pc, null, null, new Subcontext.Handler(server, entry, 0), server, stackTop);
        if (r == 0) {
            java.util.Arrays.fill(h.x, 10, 18, 0);
            System.arraycopy(args, 0, h.x, 10, args.length);
        }
        return r;
    }

    /** The frame sc_return, sc_frame and sc_pass act on, if the hart runs in its server. */
    public static UpcallFrame top(Hart h) {
        if (h.upcallDepth == 0) return null;
        UpcallFrame f = h.frames[h.upcallDepth - 1];
        return f.server == h.mmu.current() ? f : null;
    }

    /** sc_return(value): pops the top frame and resumes its client with a0 = value. */
    public static void ret(Hart h, long value) {
        UpcallFrame f = h.frames[--h.upcallDepth];
        System.arraycopy(f.saved, 0, h.x, 0, 32);
        System.arraycopy(f.fsaved, 0, h.f, 0, 32);
        h.frm = f.frm;
        h.fpu.flags = f.fflags;
        h.x[10] = value;
        h.x[Decoder.SINK] = 0;
        h.pc = f.saved[32];
        h.mmu.truncateTrusted(f.trustedDepth);
        if (f.client != null) h.mmu.enter(f.client);
        h.mmu.clearReservation();
        f.client = f.server = f.principal = null;
        f.call = null;
    }

    /** The upcall its principal's own ecall made, whose call {@code f} serves (f itself if direct). */
    public static UpcallFrame origin(Hart h, UpcallFrame f) {
        for (int i = 0; i < h.upcallDepth; i++) if (h.frames[i].saved == f.call) return h.frames[i];
        return f;
    }

    /** Drops every frame (execve, a passed rt_sigreturn): the thread leaves all its upcalls. */
    public static void unwindAll(Hart h) {
        for (int i = 0; i < h.upcallDepth; i++) {
            h.frames[i].client = h.frames[i].server = h.frames[i].principal = null;
            h.frames[i].call = null;
        }
        h.upcallDepth = 0;
    }
}
