package org.subcons.subcon;

import org.subcons.mem.Frame;

/** The result of one page walk: the frame and what the walking subcontext may do with it. */
public final class Walk {
    public Frame frame;
    /** Effective permission (page prot AND rights), in Prot bits. */
    public int effective;
    /** Whether stores may go straight to {@link #frame} (writable and not copy-on-write). */
    public boolean writable;
    public final FaultInfo fault = new FaultInfo();
}
