package org.subcons.hart;

import org.subcons.subcon.Subcontext;

/**
 * One upcall in progress (SPEC section 6).
 *
 * <p>{@link #saved} is what the client resumes with at sc_return: its registers x0..x31 and
 * (index 32) its pc. {@link #call} is the principal's call that sc_frame shows and sc_pass
 * performs: for a direct upcall it is the same array (the client is the principal), for an
 * upcall made by sc_pass it is the passed frame's call, so every layer sees and edits one
 * register file, the principal's.
 */
public final class UpcallFrame {
    public final long[] saved = new long[33];
    /** The client's FP registers and fcsr fields, restored with the rest (a call preserves them). */
    final long[] fsaved = new long[32];
    int frm, fflags;
    public long[] call;
    /** The subcontext whose ecall (or sc_pass) this upcall serves; null for a --serve init call. */
    public Subcontext client;
    public Subcontext server;
    /** Whose call it is: the subcontext whose code made the original call, through every layer. */
    public Subcontext principal;
    /** The trusted-stack depth when the upcall began: sc_return cuts the stack back to it. */
    public int trustedDepth;
    /** The server's stack for this upcall (the top). */
    public long stackTop;

    /** Whether this is the upcall its principal's own ecall made (not one made by sc_pass). */
    public boolean direct() {
        return call == saved;
    }
}
