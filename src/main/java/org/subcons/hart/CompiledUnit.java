package org.subcons.hart;

/**
 * Guest code of one page compiled to JVM bytecode (a hidden class made by
 * {@link UnitCompiler}). It runs from an entry slot until it leaves its region, traps, or
 * uses up its budget, keeping guest registers in JVM locals meanwhile.
 */
public abstract class CompiledUnit {
    /** Returned when execution simply left the unit: continue at the hart's pc. */
    public static final int CONTINUE = -1;

    /**
     * Runs from {@code entry} (a halfword slot of the page at {@code base}). Sets the hart's
     * pc and {@code unitCount} (instructions retired); returns CONTINUE or a Hart.EXIT code.
     */
    public abstract int run(Hart h, long base, int entry, int budget);
}
