package org.subcons.hart;

/**
 * The CSRs whose values come from outside the hart: time, and the subcontext CSRs
 * {@code scid} and {@code sctls} (SPEC section 9). The kernel provides the real one; in
 * the views back-end each access counts as a trap into the kernel.
 */
public interface CsrFile {
    /** The time CSR: ticks of a 10 MHz clock, like qemu's virt machine's timebase. */
    default long time() {
        return System.nanoTime() / 100;
    }

    /** Whether scid and sctls exist (they do whenever a kernel with subcontexts runs the hart). */
    boolean hasSubconCsrs();

    /** The current subcontext's id. */
    long scid(Hart h);

    /** The calling thread's sctls word for its current subcontext. */
    long sctls(Hart h);

    void setSctls(Hart h, long value);

    CsrFile NONE = new CsrFile() {
        @Override
        public boolean hasSubconCsrs() {
            return false;
        }

        @Override
        public long scid(Hart h) {
            return -1;
        }

        @Override
        public long sctls(Hart h) {
            return -1;
        }

        @Override
        public void setSctls(Hart h, long value) {
        }
    };
}
