package org.subcons.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.subcons.subcon.Context;
import org.subcons.subcon.FaultInfo;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.Vma;

/**
 * Minimal cases distilled from discrepancies {@link SubconModelRandomTest} found between
 * Subcons and the reference model {@link org.subcons.subcon.SubconModel}, each under both
 * back-ends (the parameter: false = tagged, true = views), plus the SPEC's own example.
 */
class SubconModelCasesTest {
    static final long A = 0x4000_0000L, B = 0x4001_0000L;
    static final int PAGE = 4096;

    /** A context whose root maps one page at A, and a second subcontext attached there mapping one page at B. */
    record Two(MemoryManager mm, Context ctx, Subcontext s, Subcontext t) {
        static Two of(int protA, int protB) {
            MemoryManager mm = new MemoryManager(64L << 20);
            Context c = mm.newContext("s");
            Subcontext t = mm.create("t", 0, null);
            assertEquals(0, mm.attach(t, c));
            assertEquals(A, mm.map(c.root(), A, PAGE, protA, false, null, 0, "", MemoryManager.PLACE_FIXED, null));
            assertEquals(B, mm.map(t, B, PAGE, protB, false, null, 0, "", MemoryManager.PLACE_FIXED, null));
            return new Two(mm, c, c.root(), t);
        }
    }

    /** SPEC 3's example: A includes B with R, B includes C with RW: A may read C, not write it. */
    @ParameterizedTest(name = "views={0}")
    @ValueSource(booleans = {false, true})
    void specExampleOfTransitiveRights(boolean views) {
        MemoryManager mm = new MemoryManager(64L << 20);
        Context ctx = mm.newContext("a");
        Subcontext a = ctx.root(), b = mm.create("b", 0, null), c = mm.create("c", 0, null);
        assertEquals(0, mm.attach(c, ctx));           // b stays unattached: the path runs through it anyway
        mm.map(c, B, PAGE, Prot.R | Prot.W, false, null, 0, "", MemoryManager.PLACE_FIXED, null);
        mm.grant(b, a, Prot.R, null);
        mm.grant(c, b, Prot.R | Prot.W, null);
        Mmu m = new Mmu(ctx, a, views);
        m.load(B, 8);
        assertFalse(m.failed, "A may read C");
        assertFalse(m.store(B, 8, 1), "A may not write C");
        assertEquals(FaultInfo.SUBCON, m.fault.kind);
    }

    /**
     * Bug: MemoryManager.protect over two adjacent anonymous mappings that the new protection
     * makes mergeable leaves the subcontext with overlapping mappings: the first slice is
     * merged with the second mapping, which protect then processes again from its stale list
     * and inserts a second time. A later munmap of the second page then leaves it mapped.
     */
    @ParameterizedTest(name = "views={0}")
    @ValueSource(booleans = {false, true})
    void protectOverMappingsItMakesMergeableLeavesThemDisjoint(boolean views) {
        MemoryManager mm = new MemoryManager(64L << 20);
        Context ctx = mm.newContext("s");
        Subcontext s = ctx.root();
        assertEquals(A, mm.map(s, A, 2 * PAGE, Prot.R, false, null, 0, "", MemoryManager.PLACE_FIXED, null));
        assertEquals(0, mm.protect(s, A + PAGE, PAGE, Prot.R | Prot.W, null));    // r-- | rw-
        assertEquals(0, mm.protect(s, A, 2 * PAGE, Prot.R | Prot.W, null));       // rw- rw-
        List<String> vmas = new ArrayList<>();
        for (Vma v : s.vmas()) vmas.add(v.toString().trim());
        assertEquals(List.of("40000000-40002000 rw-p"), vmas, "SPEC 2: a subcontext's mappings never overlap");
        assertEquals(0, mm.unmap(s, A + PAGE, PAGE, null));
        assertNull(ctx.vmaAt(A + PAGE), "munmap left the page mapped");
        Mmu m = new Mmu(ctx, s, views);
        m.load(A + PAGE, 8);
        assertTrue(m.failed && m.fault.kind == FaultInfo.MAPERR, "a load from the unmapped page must be a MAPERR fault");
    }

    /** Bug: LR is a load (SPEC 4.1: "LR needs R"), but Mmu.loadReserved also demands W: LR on a read-only page faults. */
    @ParameterizedTest(name = "views={0}")
    @ValueSource(booleans = {false, true})
    void lrOnAReadOnlyPageNeedsOnlyR(boolean views) {
        Two w = Two.of(Prot.R, Prot.R | Prot.W);
        Mmu m = new Mmu(w.ctx(), w.s(), views);
        m.loadReserved(A, false);
        assertFalse(m.failed, "lr.d from an own read-only page: fault kind " + m.fault.kind);
    }

    /** Bug: the same with rights: R over another subcontext's RW page must be enough for LR. */
    @ParameterizedTest(name = "views={0}")
    @ValueSource(booleans = {false, true})
    void lrWithOnlyAReadRightNeedsOnlyR(boolean views) {
        Two w = Two.of(Prot.R, Prot.R | Prot.W);
        w.mm().grant(w.t(), w.s(), Prot.R, null);
        Mmu m = new Mmu(w.ctx(), w.s(), views);
        m.loadReserved(B, false);
        assertFalse(m.failed, "lr.d with an R right over an rw- page: fault kind " + m.fault.kind);
    }

    /** Bug: SC is a store (SPEC 4.1: SC needs W), but Mmu.storeConditional also demands R. */
    @ParameterizedTest(name = "views={0}")
    @ValueSource(booleans = {false, true})
    void scWithOnlyAWriteRightNeedsOnlyW(boolean views) {
        Two w = Two.of(Prot.R, Prot.R | Prot.W);
        w.mm().grant(w.t(), w.s(), Prot.W, null);
        Mmu m = new Mmu(w.ctx(), w.s(), views);
        assertTrue(m.store(B, 8, 7), "a plain store is allowed");
        int r = m.storeConditional(B, 1, false);
        assertEquals(1, r, "sc.d without a reservation: fails (1) without a fault; fault kind " + m.fault.kind);
    }

    /**
     * Bug (classification): an AMO on another subcontext's read-only page, without rights
     * over it, is refused by the page's own permissions whatever the rights, so it is an
     * ordinary SEGV_ACCERR (as the same AMO with full rights gets); Subcons reports a
     * subcontext fault (kill with the "subcons: fault:" line) because it checks R, rights
     * included, before looking at W. Same for SC.
     */
    @ParameterizedTest(name = "views={0}")
    @ValueSource(booleans = {false, true})
    void amoOnAReadOnlyPageIsAnOrdinaryFault(boolean views) {
        Two w = Two.of(Prot.R, Prot.R | Prot.X);
        Mmu m = new Mmu(w.ctx(), w.s(), views);
        m.amo(Op.AMOADD_D, B, 1);
        assertTrue(m.failed);
        assertEquals(FaultInfo.ACCERR, m.fault.kind, "the page forbids the write whatever the rights");
        // With full rights it is ACCERR too: the rights cannot be what makes it fail.
        w.mm().grant(w.t(), w.s(), Prot.RWX, null);
        Mmu full = new Mmu(w.ctx(), w.s(), views);
        full.amo(Op.AMOADD_D, B, 1);
        assertTrue(full.failed);
        assertEquals(FaultInfo.ACCERR, full.fault.kind);
    }
}
