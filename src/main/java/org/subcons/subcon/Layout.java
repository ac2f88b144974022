package org.subcons.subcon;

/**
 * The fixed user address-space layout (a 47-bit space, like Sv48 Linux). There is no
 * address randomisation: runs are reproducible, which researchers measuring things want.
 */
public final class Layout {
    /** One past the highest user address. */
    public static final long TASK_SIZE = 1L << 47;
    /** Lowest address mmap hands out, as Linux's vm.mmap_min_addr. */
    public static final long MMAP_MIN = 0x10000L;
    /** Top of the main thread's stack. */
    public static final long STACK_TOP = 0x7fff_ffff_f000L;
    /** Size of the main thread's stack mapping (RLIMIT_STACK's usual 8 MiB). */
    public static final long STACK_SIZE = 8L << 20;
    /** mmap(NULL) allocates top-down from here, leaving a gap below the stack. */
    public static final long MMAP_BASE = STACK_TOP - STACK_SIZE - (128L << 20);
    /** The page holding the signal-return trampoline ([vdso]), just above where mmap starts. */
    public static final long VDSO = MMAP_BASE;
    /** Where a static-pie (ET_DYN) program is loaded, as Linux's ELF_ET_DYN_BASE for 47 bits. */
    public static final long ET_DYN_BASE = 0x5555_5555_4000L;

    private Layout() {
    }

    public static long pageDown(long a) {
        return a & ~0xfffL;
    }

    public static long pageUp(long a) {
        return (a + 0xfffL) & ~0xfffL;
    }

    public static boolean userRange(long start, long len) {
        return start >= 0 && len >= 0 && start <= TASK_SIZE && len <= TASK_SIZE - start;
    }
}
