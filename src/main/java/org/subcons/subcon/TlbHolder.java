package org.subcons.subcon;

/**
 * A hart's view of translation caches, as a context sees it for TLB shootdown: a context
 * bumps its generation and waits until every hart running guest code has caught up.
 */
public interface TlbHolder {
    /** Whether the hart is executing guest code (not in the kernel, not blocked). */
    boolean inGuest();

    /** The context generation the hart's caches were last synchronised with. */
    long seenGeneration();
}
