package org.subcons.subcon;

/**
 * Page permission and right bits. The values are those of PROT_READ/WRITE/EXEC and of the
 * SPEC's SC_R/SC_W/SC_X, which coincide on purpose: an effective permission is a plain AND.
 */
public final class Prot {
    public static final int R = 1, W = 2, X = 4;
    public static final int RWX = R | W | X;

    private Prot() {
    }

    /** "rwx"-style text as in /proc/self/maps (without the sharing letter). */
    public static String text(int prot) {
        return ((prot & R) != 0 ? "r" : "-") + ((prot & W) != 0 ? "w" : "-") + ((prot & X) != 0 ? "x" : "-");
    }
}
