package org.subcons.elf;

/** A file that cannot be run: its message is the one line the user sees. */
public final class ElfException extends Exception {
    /** 126: found but not executable; 127: not found. */
    public final int exitStatus;

    public ElfException(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    public ElfException(String message) {
        this(message, 126);
    }
}
