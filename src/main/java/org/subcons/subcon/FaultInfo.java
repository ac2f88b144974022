package org.subcons.subcon;

/** Why a translation failed; filled by {@link Context#translate}, read by the hart and the kernel. */
public final class FaultInfo {
    /** No mapping at the address (SEGV_MAPERR). */
    public static final int MAPERR = 1;
    /** Mapped, but the page's own permissions forbid the access (SEGV_ACCERR). */
    public static final int ACCERR = 2;
    /** The page permits it, but the rights between subcontexts do not (SPEC section 8). */
    public static final int SUBCON = 3;
    /** A backing could not supply the page, or an atomic was misaligned (SIGBUS). */
    public static final int BUS = 4;
    /** Guest memory (--mem) ran out when a page was touched: the process is killed. */
    public static final int OOM = 5;

    public int kind;
    public long addr;
    /** Prot.R, Prot.W or Prot.X: the access that failed. */
    public int access;
    public Subcontext current;
    public Subcontext owner;
    /** The rights {@code current} held over {@code owner}. */
    public int rights;

    public void set(int kind, long addr, int access, Subcontext current, Subcontext owner, int rights) {
        this.kind = kind;
        this.addr = addr;
        this.access = access;
        this.current = current;
        this.owner = owner;
        this.rights = rights;
    }
}
