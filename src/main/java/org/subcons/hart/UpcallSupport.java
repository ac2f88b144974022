package org.subcons.hart;

import org.subcons.subcon.Subcontext;

/** What a hart needs from the kernel to make upcalls: stacks in server subcontexts. */
public interface UpcallSupport {
    /**
     * The top of this thread's stack in {@code server} for upcall nesting level {@code level}
     * (made on first use, {@code size} bytes), or -errno.
     */
    long upcallStack(Subcontext server, long size, int level);

    /** A cheap check for the hart's fast path: the stack if it exists already, else 0. */
    long knownUpcallStack(Subcontext server, int level);

    /** Whether the thread has a signal (or an exit) the kernel should look at before the client resumes. */
    boolean signalWaiting();
}
