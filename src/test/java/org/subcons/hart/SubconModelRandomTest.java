package org.subcons.hart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.subcons.subcon.Context;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.SubconModel;
import org.subcons.subcon.TlbHolder;
import org.subcons.subcon.Vma;

/**
 * Randomized differential test of the subcontext model (SPEC sections 2-4 and 10): hundreds
 * of random topologies (subcontexts with pages of random permissions, attached to one to
 * three contexts or to none, random grants with chains and cycles, random point entries),
 * then random data accesses, atomics, instruction fetches and transfers, interleaved with
 * random changes of the topology, all checked against the plain reference model
 * {@link SubconModel}. Both back-ends run in lockstep, each in its own memory manager, with
 * long-lived MMUs (whose caches must follow every change) and fresh ones.
 *
 * <p>Knobs (system properties, or the environment variable in brackets):
 * {@code subcons.model.seed} [SUBCONS_MODEL_SEED] the base seed;
 * {@code subcons.model.topologies} how many topologies;
 * {@code subcons.model.topology} run only the topology with this index (as printed on failure);
 * {@code subcons.model.trace=true} print every operation.
 */
class SubconModelRandomTest {
    static final long SEED = seed();
    static final int TOPOLOGIES = Integer.getInteger("subcons.model.topologies", 300);
    static final int ONLY = Integer.getInteger("subcons.model.topology", -1);
    static final boolean TRACE = Boolean.getBoolean("subcons.model.trace");

    /** The pages random topologies use: SLOTS contiguous pages from BASE (so mappings can merge and split). */
    static final long BASE = 0x4000_0000L;
    static final int SLOTS = 40;
    static final int PAGE = SubconModel.PAGE;
    static final int R = SubconModel.R, W = SubconModel.W, X = SubconModel.X;
    /** Page permissions to draw from: executable ones often (for transfers), odd ones sometimes. */
    static final int[] PROTS = {R, R | W, R | X, R | X, R | X, R | W | X, R | W | X, 0, X, W, W | X, R | W};

    private static long seed() {
        String p = System.getProperty("subcons.model.seed");
        if (p == null) p = System.getenv("SUBCONS_MODEL_SEED");
        return p == null ? 0x5ab_c0de_2025L : Long.decode(p);
    }

    /** One back-end's copy of the world: its own memory manager, contexts, subcontexts and harts. */
    static final class World {
        final String name;
        final boolean views;
        final MemoryManager mm = new MemoryManager(256L << 20);
        final List<Context> ctx = new ArrayList<>();
        final List<Subcontext> sub = new ArrayList<>();
        final List<Mmu> mmus = new ArrayList<>();
        final List<Hart> harts = new ArrayList<>();
        /** A hart reused (via switchTo) for most one-off operations: a fresh MMU costs a TLB. */
        Mmu scratch;
        final Stats stats;

        World(boolean views, Stats stats) {
            this.views = views;
            this.name = views ? "views" : "tagged";
            this.stats = stats;
        }

        int index(Subcontext s) {
            return s == null ? -1 : sub.indexOf(s);
        }

    }

    /** Counters per back-end, for the summary line. */
    static final class Stats {
        long loads, stores, atomics, lrsc, fetches, transfers, returns, entries, calls, mutations, checks;
        final long[] denied = new long[5];

        long ops() {
            return loads + stores + atomics + lrsc + fetches + mutations;
        }

        @Override
        public String toString() {
            return String.format("%d ops (%d loads, %d stores, %d AMOs, %d LR/SC, %d fetches: %d transfers"
                            + " [%d entry calls, %d returns, %d call-anywhere], denied %d MAPERR %d ACCERR %d SUBCON;"
                            + " %d mutations, %d state checks)",
                    ops(), loads, stores, atomics, lrsc, fetches, transfers, entries, returns, calls,
                    denied[SubconModel.MAPERR], denied[SubconModel.ACCERR], denied[SubconModel.SUBCON], mutations, checks);
        }
    }

    /** Thrown on a discrepancy; carries the message with everything needed to reproduce. */
    static final class Mismatch extends AssertionError {
        /** What kind of discrepancy, without the particulars (for grouping the topologies that show it). */
        final String kind;

        Mismatch(String kind, String m) {
            super(m);
            this.kind = kind;
        }

        Mismatch(String m) {
            this(m, m);
        }
    }

    // ---- the tests ----------------------------------------------------------------------

    /** Loads, stores, instruction fetches and transfers, and changes of the topology. */
    @Test
    void randomTopologiesAgainstTheModel() {
        runAll(false, TOPOLOGIES, "randomTopologiesAgainstTheModel");
    }

    /**
     * The same with atomics among the operations: AMOs, LR and SC (SPEC 4.1: LR needs R, SC
     * needs W, an AMO needs both).
     */
    @Test
    void randomTopologiesWithAtomicsAgainstTheModel() {
        runAll(true, (TOPOLOGIES + 1) / 2, "randomTopologiesWithAtomicsAgainstTheModel");
    }

    /**
     * Runs every topology. A topology stops at its first discrepancy, but the others still
     * run (one bug must not hide the rest); at the end the test fails listing every kind of
     * discrepancy seen, with the topologies that reproduce it, and the first one in full.
     */
    private void runAll(boolean atomics, int topologies, String what) {
        long t0 = System.nanoTime();
        Stats tagged = new Stats(), views = new Stats();
        java.util.Map<String, List<Integer>> kinds = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> firstOfKind = new java.util.HashMap<>();
        int n = 0;
        for (int i = 0; i < topologies; i++) {
            if (ONLY >= 0 && i != ONLY) continue;
            n++;
            Run run = new Run(i, atomics, tagged, views);
            try {
                run.run();
            } catch (Mismatch | RuntimeException e) {
                Mismatch mm = e instanceof Mismatch x ? x : run.mismatch(run.worlds[0], "exception " + e.getClass().getSimpleName(),
                        e + "\n" + java.util.Arrays.toString(e.getStackTrace()));
                String full = mm.getMessage(), kind = mm.kind;
                kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(i);
                firstOfKind.putIfAbsent(kind, full);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int failed = kinds.values().stream().mapToInt(List::size).sum();
        System.out.printf("SubconModelRandomTest.%s: seed 0x%x, %d topologies (%d disagreed) in %d ms; tagged: %s; views: %s%n",
                what, SEED, n, failed, ms, tagged, views);
        if (!kinds.isEmpty()) {
            StringBuilder b = new StringBuilder(String.format("%d of %d topologies disagree with the model (seed 0x%x):%n", failed, n, SEED));
            kinds.forEach((k, ts) -> b.append(String.format("  %d× %s%n     topologies %s%n", ts.size(), k,
                    ts.subList(0, Math.min(ts.size(), 12)))));
            kinds.forEach((k, ts) -> b.append("\n---- first case of: ").append(k).append('\n').append(firstOfKind.get(k)).append('\n'));
            throw new AssertionError(b.toString());
        }
        assertTrue(tagged.ops() == views.ops() && tagged.ops() > 0);
    }

    /**
     * The trusted return stack is bounded (SPEC 4.3: at least 1024 frames) and a call past
     * the bound is a subcontext fault; then every frame unwinds by returns.
     */
    @Test
    void trustedStackBoundAgainstTheModel() {
        assertTrue(Mmu.TRUSTED_DEPTH >= 1024, "SPEC 4.3: the trusted stack holds at least 1024 frames");
        for (boolean views : new boolean[] {false, true}) {
            SubconModel model = new SubconModel(Mmu.TRUSTED_DEPTH);
            World w = new World(views, new Stats());
            int c = model.newContext();
            w.ctx.add(w.mm.newContext("a"));
            w.sub.add(w.ctx.get(0).root());
            int a = model.root(c), b = model.newSubcon();
            w.sub.add(w.mm.create("b", 0, null));
            check(model.attach(b, c) == w.mm.attach(w.sub.get(b), w.ctx.get(0)), "attach");
            long pa = BASE, pb = BASE + PAGE;
            model.map(a, pa >>> 12, 1, R | X, SubconModel.FIXED);
            model.map(b, pb >>> 12, 1, R | X, SubconModel.FIXED);
            w.mm.map(w.sub.get(a), pa, PAGE, R | X, false, null, 0, "", MemoryManager.PLACE_FIXED, null);
            w.mm.map(w.sub.get(b), pb, PAGE, R | X, false, null, 0, "", MemoryManager.PLACE_FIXED, null);
            long ea = pa + 0x100, eb = pb + 0x200;
            model.entry(b, a, eb, true);
            model.entry(a, b, ea, true);
            w.mm.entry(w.sub.get(b), w.sub.get(a), eb, true, null);
            w.mm.entry(w.sub.get(a), w.sub.get(b), ea, true, null);
            SubconModel.Thread th = new SubconModel.Thread(c, a);
            Mmu m = new Mmu(w.ctx.get(0), w.sub.get(a), views);
            Hart h = new Hart(m);
            // Ping-pong through the entries with distinct return addresses until the stack is full.
            for (int i = 0; ; i++) {
                boolean inA = th.current == a;
                long ra = (inA ? pa : pb) + 0x400 + 2 * (i % 1000);
                long pc = inA ? eb : ea;
                h.x[1] = ra;
                SubconModel.Outcome want = model.fetch(th, pc, ra);
                boolean ok = m.fetch(pc) != null;
                check(ok == want.ok() && w.index(m.current()) == th.current && m.trustedDepth() == th.stack.size(),
                        w.name + ": call " + i + " expected " + want + " got ok=" + ok + " depth " + m.trustedDepth());
                if (!ok) {
                    check(m.fault.kind == want.fault(), w.name + ": overflow fault kind " + m.fault.kind);
                    check(th.stack.size() == Mmu.TRUSTED_DEPTH, "overflow at depth " + th.stack.size());
                    break;
                }
            }
            // Unwind every frame by returning to its ra.
            while (!th.stack.isEmpty()) {
                long pc = th.stack.peek().ra();
                SubconModel.Outcome want = model.fetch(th, pc, 0);
                boolean ok = m.fetch(pc) != null;
                check(want.ok() && ok && w.index(m.current()) == th.current && m.trustedDepth() == th.stack.size(),
                        w.name + ": return at depth " + th.stack.size());
            }
            check(m.trustedDepth() == 0 && w.index(m.current()) == a, w.name + ": unwound");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new Mismatch(what);
    }

    // ---- one topology ---------------------------------------------------------------------

    /** One random topology and its operations, applied to the model and to both back-ends in lockstep. */
    static final class Run {
        final int index;
        final boolean atomics;
        final SplittableRandom rnd;
        final SubconModel model = new SubconModel(Mmu.TRUSTED_DEPTH);
        final World[] worlds;
        /** Long-lived threads: the model's, and per world the MMU at the same position. */
        final List<SubconModel.Thread> threads = new ArrayList<>();
        final Deque<String> log = new ArrayDeque<>();
        /**
         * Per long-lived thread, the addresses of its recent allowed data accesses and fetches:
         * operations often go back to them, to hit what the harts' caches hold when a change
         * has made it stale.
         */
        final List<List<Long>> recentData = new ArrayList<>(), recentCode = new ArrayList<>();
        int op;

        Run(int index, boolean atomics, Stats tagged, Stats views) {
            this.index = index;
            this.atomics = atomics;
            this.rnd = new SplittableRandom(SEED ^ (0x9E3779B97F4A7C15L * (index + 1)));
            this.worlds = new World[] {new World(false, tagged), new World(true, views)};
        }

        void run() {
            build();
            int ops = 100 + rnd.nextInt(150);
            for (op = 0; op < ops; op++) step();
        }

        // ---- building the topology ---------------------------------------------------

        void build() {
            int nCtx = 1 + rnd.nextInt(3);
            int nSub = Math.max(nCtx, 3 + rnd.nextInt(6));
            for (int c = 0; c < nCtx; c++) {
                model.newContext();
                for (World w : worlds) {
                    Context ctx = w.mm.newContext("root" + c);
                    w.ctx.add(ctx);
                    w.sub.add(ctx.root());
                }
            }
            for (int s = nCtx; s < nSub; s++) createSubcon();
            // 1-3 mappings of 1-2 pages each, at addresses no other subcontext uses yet.
            boolean[] used = new boolean[SLOTS];
            for (int s = 0; s < nSub; s++) {
                int maps = 1 + rnd.nextInt(3);
                for (int k = 0; k < maps; k++) {
                    int len = 1 + rnd.nextInt(2);
                    int slot = rnd.nextInt(SLOTS - 1);
                    if (used[slot] || used[slot + 1] && len == 2) continue;
                    for (int j = 0; j < len; j++) used[slot + j] = true;
                    mutateMap(s, slot, len, PROTS[rnd.nextInt(PROTS.length)], true);
                }
            }
            // Attachments: a few extra subcontexts stay attached nowhere (still in the grant graph).
            for (int s = 0; s < nSub; s++) {
                boolean root = s < nCtx;
                if (!root && rnd.nextInt(5) == 0) continue;
                for (int c = 0; c < nCtx; c++) {
                    if (model.isAttached(s, c)) continue;
                    if (root ? rnd.nextInt(5) == 0 : rnd.nextInt(nCtx) == 0 || c == nCtx - 1 && !attachedAnywhere(s)) {
                        mutateAttach(s, c);
                    }
                }
            }
            // Grants (chains and cycles come by themselves at this density) and point entries.
            int grants = rnd.nextInt(2 * nSub + 1);
            for (int k = 0; k < grants; k++) mutateGrant(rnd.nextInt(nSub), rnd.nextInt(nSub), 1 + rnd.nextInt(7));
            if (rnd.nextInt(3) == 0 && nSub >= 3) {          // an explicit cycle s0 → s1 → s2 → s0
                mutateGrant(1, 0, 1 + rnd.nextInt(7));
                mutateGrant(2, 1, 1 + rnd.nextInt(7));
                mutateGrant(0, 2, 1 + rnd.nextInt(7));
            }
            int entries = rnd.nextInt(2 * nSub + 2);
            for (int k = 0; k < entries; k++) {
                int g = rnd.nextInt(nSub), t = rnd.nextInt(nSub);
                mutateEntry(t, g, entryAddress(t), true);
            }
            // Some initial contents, written by the kernel.
            for (int s = 0; s < nSub; s++) {
                for (long vpn : model.pagesOf(s)) if (rnd.nextBoolean()) mutatePoke(s, (vpn << 12) + 8 * rnd.nextInt(PAGE / 8));
            }
            // Long-lived threads: one or two per context, in a random subcontext attached there.
            for (int c = 0; c < nCtx; c++) {
                int n = 1 + rnd.nextInt(2);
                for (int k = 0; k < n; k++) {
                    List<Integer> here = new ArrayList<>(model.attached(c));
                    int s = here.get(rnd.nextInt(here.size()));
                    threads.add(new SubconModel.Thread(c, s));
                    recentData.add(new ArrayList<>());
                    recentCode.add(new ArrayList<>());
                    for (World w : worlds) {
                        Mmu m = new Mmu(w.ctx.get(c), w.sub.get(s), w.views);
                        w.mmus.add(m);
                        w.harts.add(new Hart(m));
                    }
                }
            }
            note("topology:\n" + model.describe());
            checkState();
        }

        boolean attachedAnywhere(int s) {
            for (int c = 0; c < model.contexts(); c++) if (model.isAttached(s, c)) return true;
            return false;
        }

        void createSubcon() {
            int s = model.newSubcon();
            for (World w : worlds) {
                w.sub.add(w.mm.create("s" + s, 0, null));
                check(w.sub.size() == s + 1, "numbering");
            }
        }

        long slotAddress(int slot) {
            return BASE + (long) slot * PAGE;
        }

        /** An address for a new point entry into t: in one of its pages mostly, anywhere sometimes. */
        long entryAddress(int t) {
            List<Long> pages = model.pagesOf(t), code = new ArrayList<>();
            for (long vpn : pages) if ((model.ownPageAt(t, vpn << 12).prot & X) != 0) code.add(vpn);
            if (!code.isEmpty() && rnd.nextInt(4) != 0) pages = code;
            long page = pages.isEmpty() || rnd.nextInt(6) == 0 ? slotAddress(rnd.nextInt(SLOTS)) : pages.get(rnd.nextInt(pages.size())) << 12;
            return page + 4L * rnd.nextInt(PAGE / 4);
        }

        // ---- the operations ------------------------------------------------------------

        void step() {
            int r = rnd.nextInt(100);
            if (r < 24) dataOp(0);
            else if (r < 40) dataOp(1);
            else if (r < 44 && atomics) dataOp(2);
            else if (r < 48 && atomics) dataOp(3);
            else if (r < 50 && atomics) dataOp(4);
            else if (r < 74) fetchOp();
            else if (r < 77) moveThread();
            else mutation();
        }

        /** A thread to run an operation: a long-lived one mostly, else a fresh MMU in a random subcontext. */
        int pickThread() {
            return rnd.nextInt(8) == 0 ? -1 : rnd.nextInt(threads.size());
        }

        SubconModel.Thread freshThread() {
            int c = rnd.nextInt(model.contexts());
            List<Integer> here = new ArrayList<>(model.attached(c));
            int s = rnd.nextInt(3) == 0 ? rnd.nextInt(model.subcons()) : here.get(rnd.nextInt(here.size()));
            return new SubconModel.Thread(c, s);
        }

        long recent(List<Long> l) {
            return l.get(rnd.nextInt(l.size()));
        }

        static void remember(List<Long> l, long va) {
            if (l.contains(va)) return;
            if (l.size() == 8) l.remove(0);
            l.add(va);
        }

        /** An address for a data access of {@code size} bytes: in some subcontext's page mostly. */
        long dataAddress(int size, boolean atomic) {
            long page;
            int s = rnd.nextInt(model.subcons());
            List<Long> pages = model.pagesOf(s);
            if (pages.isEmpty() || rnd.nextInt(3) == 0) page = slotAddress(rnd.nextInt(SLOTS + 2) - 1);
            else page = pages.get(rnd.nextInt(pages.size())) << 12;
            int r = rnd.nextInt(10);
            int off;
            if (atomic) off = r == 0 ? 1 + rnd.nextInt(size - 1) + size * rnd.nextInt(PAGE / size - 1) : size * rnd.nextInt(PAGE / size);
            else if (r < 5) off = size * rnd.nextInt(PAGE / size);
            else if (r < 7) off = PAGE - size;
            else if (r < 8 && size > 1) off = PAGE - 1 - rnd.nextInt(size - 1);      // straddles into the next page
            else off = 8 * rnd.nextInt(8);                                           // a few hot words
            return page + off;
        }

        /** An instruction address (even) in some subcontext's page mostly. */
        long codeAddress() {
            return dataAddress(2, false) & ~1L;
        }

        static final int[] SIZES = {1, 2, 4, 8};

        /** kind 0 load, 1 store, 2 AMO, 3 LR (then, mostly, an SC by the same thread), 4 SC alone. */
        void dataOp(int kind) {
            int t = pickThread();
            if (kind == 4 && t < 0) t = 0;
            SubconModel.Thread th = t >= 0 ? threads.get(t) : freshThread();
            Mmu[] m = mmus(t, th);
            String who = who(t, th);
            int size = kind >= 2 ? (rnd.nextBoolean() ? 4 : 8) : SIZES[rnd.nextInt(4)];
            long va = kind == 4 && th.reservedAddress() >= 0 && rnd.nextBoolean() ? th.reservedAddress()
                    : t >= 0 && !recentData.get(t).isEmpty() && rnd.nextInt(5) < 2 ? recent(recentData.get(t)) & -size
                    : dataAddress(size, kind >= 2);
            if (kind < 3 || kind == 4) {
                if (access(who, th, m, kind, va, size, rnd.nextLong(), rnd.nextBoolean()) && t >= 0) remember(recentData.get(t), va);
            } else if (access(who, th, m, 3, va, size, 0, false) && rnd.nextInt(4) != 0) {
                long scVa = rnd.nextInt(5) == 0 ? dataAddress(size, true) : va;
                if (rnd.nextInt(4) == 0) {                 // an intervening store, to the same word or elsewhere
                    long stVa = rnd.nextBoolean() ? scVa : dataAddress(size, true);
                    access(who, th, m, 1, stVa, size, rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(), false);
                }
                access(who, th, m, 4, scVa, size, rnd.nextLong(), false);
            }
            release(t, m);
        }

        static final String[] ACCESS = {"load", "store", "amo", "lr", "sc"};

        /** One data access by th through each world's MMU in {@code m}, checked against the model; returns whether the model allowed it. */
        boolean access(String who, SubconModel.Thread th, Mmu[] m, int kind, long va, int size, long value, boolean swap) {
            String what = String.format("%s %s%s%d 0x%x%s", who, ACCESS[kind], kind == 2 ? (swap ? "swap" : "add") : "", size, va,
                    kind == 0 || kind == 3 ? "" : String.format(" = 0x%x", value));
            note(what);
            SubconModel.Outcome want = switch (kind) {
                case 0 -> model.load(th, va, size);
                case 1 -> model.store(th, va, size, value);
                case 2 -> model.amo(th, va, size, swap, value);
                case 3 -> model.loadReserved(th, va, size);
                default -> model.storeConditional(th, va, size, value);
            };
            note("  -> " + (want.ok() ? "ok" + (kind == 1 ? "" : String.format(", 0x%x", want.value())) : faultText(want)));
            for (int i = 0; i < worlds.length; i++) {
                World w = worlds[i];
                Mmu mmu = m[i];
                long got;
                boolean failed;
                switch (kind) {
                    case 0 -> {
                        got = mmu.load(va, size);
                        failed = mmu.failed;
                        w.stats.loads++;
                    }
                    case 1 -> {
                        failed = !mmu.store(va, size, value);
                        got = 0;
                        w.stats.stores++;
                    }
                    case 2 -> {
                        int opc = size == 4 ? (swap ? Op.AMOSWAP_W : Op.AMOADD_W) : (swap ? Op.AMOSWAP_D : Op.AMOADD_D);
                        got = mmu.amo(opc, va, value);
                        failed = mmu.failed;
                        w.stats.atomics++;
                    }
                    case 3 -> {
                        got = mmu.loadReserved(va, size == 4);
                        failed = mmu.failed;
                        w.stats.lrsc++;
                    }
                    default -> {
                        got = mmu.storeConditional(va, value, size == 4);
                        failed = got < 0;
                        w.stats.lrsc++;
                    }
                }
                compareData(w, mmu, ACCESS[kind], what, want, failed, got, va, size);
            }
            return want.ok();
        }

        /**
         * Each world's MMU for an operation by th: the long-lived thread's, synchronised as a
         * hart does on every entry to guest code (so it must have dropped whatever the changes
         * since its last operation made stale), or one that starts afresh in th's subcontext:
         * a new MMU, or mostly the world's scratch one moved there.
         */
        Mmu[] mmus(int t, SubconModel.Thread th) {
            Mmu[] m = new Mmu[worlds.length];
            boolean fresh = rnd.nextInt(4) == 0;
            for (int i = 0; i < worlds.length; i++) {
                World w = worlds[i];
                Context c = w.ctx.get(th.context);
                Subcontext s = w.sub.get(th.current);
                if (t >= 0) {
                    m[i] = w.mmus.get(t);
                    m[i].sync();
                } else if (fresh || w.scratch == null) {
                    m[i] = new Mmu(c, s, w.views);
                    if (w.scratch == null) w.scratch = m[i];
                } else {
                    m[i] = w.scratch;
                    m[i].switchTo(c, s);
                    m[i].clearReservation();
                }
            }
            return m;
        }

        void release(int t, Mmu[] m) {
            for (int i = 0; i < m.length; i++) {
                if (t < 0 && m[i] != worlds[i].scratch) m[i].context().removeHart(m[i]);
            }
        }

        void compareData(World w, Mmu m, String op, String what, SubconModel.Outcome want, boolean failed, long got, long va, int size) {
            String kind = op + ": model " + (want.ok() ? "allows" : FAULTS[want.fault()]) + ", back-end "
                    + (failed ? FAULTS[m.fault.kind] : "allows");
            if (want.ok()) {
                if (failed) fail(w, kind, what, want, "fault kind " + m.fault.kind + " at 0x" + Long.toHexString(m.fault.addr));
                if (got != want.value()) fail(w, op + ": wrong value", what, want, "value 0x" + Long.toHexString(got));
                return;
            }
            if (!failed) fail(w, kind, what, want, "allowed (value 0x" + Long.toHexString(got) + ")");
            boolean straddles = (va & 0xfff) + size > PAGE;
            if (m.fault.kind != want.fault()
                    || (straddles ? m.fault.addr >>> 12 != want.faultAddr() >>> 12 : m.fault.addr != want.faultAddr())
                    || w.index(m.fault.owner) != want.owner()
                    || want.fault() == SubconModel.SUBCON && m.fault.rights != want.rights()) {
                fail(w, m.fault.kind == want.fault() ? op + ": fault details" : kind, what, want,
                        String.format("fault kind %d at 0x%x, owner s%d, rights %s", m.fault.kind, m.fault.addr,
                        w.index(m.fault.owner), SubconModel.protText(m.fault.rights)));
            }
        }

        void fetchOp() {
            int t = pickThread();
            SubconModel.Thread th = t >= 0 ? threads.get(t) : freshThread();
            Mmu[] m = mmus(t, th);
            long pc;
            int r = rnd.nextInt(10);
            List<Long> entries = model.entriesOf(th.current);
            if (rnd.nextInt(5) != 0) entries.removeIf(a -> model.pageAt(th.context, a) == null);   // mostly those that lead somewhere
            List<Long> code = executablePages(th, rnd.nextBoolean());
            if (r < 4 && !th.stack.isEmpty()) pc = th.stack.peek().ra() + (rnd.nextInt(10) == 0 ? 2 : 0);    // a return (or nearly)
            else if (r < 6 && !entries.isEmpty()) pc = entries.get(rnd.nextInt(entries.size())) + (rnd.nextInt(10) == 0 ? 4 : 0);
            else if (r < 8 && !code.isEmpty()) pc = (code.get(rnd.nextInt(code.size())) << 12) + 2L * rnd.nextInt(PAGE / 2);
            else pc = codeAddress();
            if (t >= 0 && !recentCode.get(t).isEmpty() && rnd.nextInt(5) == 0) pc = recent(recentCode.get(t));
            // The return address: mostly in one of the caller's own executable pages, so that returns can work.
            List<Long> own = model.pagesOf(th.current), ownCode = new ArrayList<>();
            for (long vpn : own) if ((model.ownPageAt(th.current, vpn << 12).prot & X) != 0) ownCode.add(vpn);
            if (!ownCode.isEmpty() && rnd.nextInt(10) < 8) own = ownCode;
            long x1 = rnd.nextInt(10) < 8 && !own.isEmpty() ? (own.get(rnd.nextInt(own.size())) << 12) + 2L * rnd.nextInt(PAGE / 2)
                    : codeAddress();
            String what = String.format("%s fetch 0x%x (x1 0x%x)", who(t, th), pc, x1);
            note(what);
            SubconModel.Outcome want = model.fetch(th, pc, x1);
            if (want.ok() && t >= 0) remember(recentCode.get(t), pc);
            note("  -> " + (!want.ok() ? faultText(want) : want.how().equals("own") ? "ok"
                    : want.how() + " into s" + th.current + ", depth " + th.stack.size()));
            for (int i = 0; i < worlds.length; i++) {
                World w = worlds[i];
                Mmu mmu = m[i];
                Hart h = t >= 0 ? w.harts.get(t) : new Hart(mmu);
                h.x[1] = x1;
                boolean ok = mmu.fetch(pc) != null;
                w.stats.fetches++;
                if (want.ok()) {
                    if (!ok) fail(w, "fetch: model allows (" + want.how() + "), back-end " + FAULTS[mmu.fault.kind], what, want,
                            String.format("fault kind %d at 0x%x", mmu.fault.kind, mmu.fault.addr));
                    if (!want.how().equals("own")) {
                        w.stats.transfers++;
                        switch (want.how()) {
                            case "return" -> w.stats.returns++;
                            case "entry" -> w.stats.entries++;
                            default -> w.stats.calls++;
                        }
                    }
                } else {
                    w.stats.denied[want.fault()]++;
                    if (ok) fail(w, "fetch: model " + FAULTS[want.fault()] + ", back-end allows", what, want,
                            "allowed, now in s" + w.index(mmu.current()) + " depth " + mmu.trustedDepth());
                    if (mmu.fault.kind != want.fault() || mmu.fault.addr != pc || w.index(mmu.fault.owner) != want.owner()
                            || want.fault() == SubconModel.SUBCON && mmu.fault.rights != want.rights()) {
                        fail(w, "fetch: model " + FAULTS[want.fault()] + ", back-end " + FAULTS[mmu.fault.kind] + " (or other details)",
                                what, want, String.format("fault kind %d at 0x%x, owner s%d, rights %s", mmu.fault.kind,
                                mmu.fault.addr, w.index(mmu.fault.owner), SubconModel.protText(mmu.fault.rights)));
                    }
                }
                compareThread(w, mmu, th, "fetch (" + (want.ok() ? want.how() : FAULTS[want.fault()]) + ")", what);
            }
            release(t, m);
        }

        /**
         * Executable pages in th's context: of subcontexts th's current one may call anywhere
         * (or its own) when {@code callable}, else of any attached subcontext.
         */
        List<Long> executablePages(SubconModel.Thread th, boolean callable) {
            List<Long> out = new ArrayList<>();
            for (int s : model.attached(th.context)) {
                if (callable && (model.rights(th.current, s) & X) == 0) continue;
                for (long vpn : model.pagesOf(s)) if ((model.ownPageAt(s, vpn << 12).prot & X) != 0) out.add(vpn);
            }
            return out;
        }

        /** The kernel moves a long-lived thread: to another subcontext keeping its stack, or restarts it. */
        void moveThread() {
            int t = rnd.nextInt(threads.size());
            SubconModel.Thread th = threads.get(t);
            List<Integer> here = new ArrayList<>(model.attached(th.context));
            int s = here.get(rnd.nextInt(here.size()));
            boolean restart = rnd.nextBoolean();
            note(who(t, th) + (restart ? " restarted in s" : " entered into s") + s);
            if (restart) model.restart(th, s);
            else model.enter(th, s);
            for (World w : worlds) {
                Mmu m = w.mmus.get(t);
                m.sync();
                if (restart) m.switchTo(w.ctx.get(th.context), w.sub.get(s));
                else m.enter(w.sub.get(s));
                compareThread(w, m, th, restart ? "restart" : "enter", "move");
            }
        }

        void compareThread(World w, Mmu m, SubconModel.Thread th, String after, String what) {
            boolean same = w.index(m.current()) == th.current && m.trustedDepth() == th.stack.size();
            if (same) {
                Iterator<SubconModel.TrustedFrame> it = th.stack.iterator();       // top first
                for (int i = m.tsDepth - 1; i >= 0 && same; i--) {
                    SubconModel.TrustedFrame f = it.next();
                    same = w.index(m.tsCaller[i]) == f.caller() && w.index(m.tsCallee[i]) == f.callee() && m.tsRa[i] == f.ra();
                }
            }
            if (!same) {
                throw mismatch(w, "thread state after " + after, what + ": thread state: model in s" + th.current + " with stack " + th.stack + "; "
                        + w.name + " in s" + w.index(m.current()) + " with depth " + m.trustedDepth());
            }
        }

        // ---- mutations -----------------------------------------------------------------

        int anyLive() {
            for (int tries = 0; ; tries++) {
                int s = rnd.nextInt(model.subcons());
                if (!model.isFreed(s) || tries > 50) return s;
            }
        }

        void mutation() {
            int r = rnd.nextInt(100);
            int s = anyLive();
            if (model.isFreed(s)) return;
            if (r < 25) {
                // Grant, change or revoke: an existing edge half the time.
                int t = anyLive();
                if (model.isFreed(t)) return;
                int mask = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(7);
                mutateGrant(t, s, mask);
            } else if (r < 37) {
                int t = anyLive();
                if (model.isFreed(t)) return;
                mutateEntry(t, s, entryAddress(t), true);
            } else if (r < 45) {
                // Remove an entry of s (or a random non-entry).
                List<Long> es = model.entriesOf(s);
                long addr = !es.isEmpty() && rnd.nextInt(4) != 0 ? es.get(rnd.nextInt(es.size())) : entryAddress(s);
                int target = -1;
                for (int t = 0; t < model.subcons(); t++) if (model.isEntry(s, t, addr)) target = t;
                if (target < 0) target = anyLive();
                if (model.isFreed(target)) return;
                mutateEntry(target, s, addr, false);
            } else if (r < 53) {
                mutateAttach(s, rnd.nextInt(model.contexts()));
            } else if (r < 62) {
                int c = rnd.nextInt(model.contexts());
                List<Integer> here = new ArrayList<>(model.attached(c));
                mutateDetach(rnd.nextInt(4) == 0 ? s : here.get(rnd.nextInt(here.size())), c);
            } else if (r < 75) {
                mutateMap(s, ownOrAnySlot(s), 1 + rnd.nextInt(2), PROTS[rnd.nextInt(PROTS.length)], rnd.nextInt(10) < 7);
            } else if (r < 84) {
                mutateUnmap(s, ownOrAnySlot(s), 1 + rnd.nextInt(3));
            } else if (r < 94) {
                // Often back to the protection a page of the range already has (mappings then merge).
                int slot = ownOrAnySlot(s), len = 1 + rnd.nextInt(3), prot = PROTS[rnd.nextInt(PROTS.length)];
                SubconModel.Page other = model.ownPageAt(s, slotAddress(slot + rnd.nextInt(len)));
                if (other != null && rnd.nextBoolean()) prot = other.prot;
                mutateProtect(s, slot, len, prot);
            } else if (r < 97) {
                List<Long> pages = model.pagesOf(s);
                long va = pages.isEmpty() ? slotAddress(rnd.nextInt(SLOTS)) : pages.get(rnd.nextInt(pages.size())) << 12;
                mutatePoke(s, va + 8 * rnd.nextInt(PAGE / 8));
            } else if (model.subcons() < 10) {
                note("create s" + model.subcons());
                createSubcon();
            }
            for (World w : worlds) w.stats.mutations++;
            checkState();
            // Half the time, every thread goes straight back to something it touched before the
            // change, before any other change can flush the caches for it.
            if (rnd.nextBoolean()) for (int t = 0; t < threads.size(); t++) replay(t);
        }

        /** A load or store by long-lived thread t at one of its recent data addresses. */
        void replay(int t) {
            if (recentData.get(t).isEmpty()) return;
            SubconModel.Thread th = threads.get(t);
            int size = SIZES[rnd.nextInt(4)];
            long va = recent(recentData.get(t)) & -size;
            access(who(t, th) + " again", th, mmus(t, th), rnd.nextInt(3) == 0 ? 1 : 0, va, size, rnd.nextLong(), false);
        }

        int ownOrAnySlot(int s) {
            List<Long> pages = model.pagesOf(s);
            if (!pages.isEmpty() && rnd.nextInt(3) != 0) return (int) ((pages.get(rnd.nextInt(pages.size())) << 12) - BASE) / PAGE;
            return rnd.nextInt(SLOTS - 2);
        }

        /** A random hart as the one doing the change (shootdowns skip it), or none. */
        TlbHolder self(World w) {
            return w.mmus.isEmpty() || rnd.nextBoolean() ? null : w.mmus.get(rnd.nextInt(w.mmus.size()));
        }

        void mutateGrant(int target, int grantee, int mask) {
            note(String.format("grant(target s%d, grantee s%d, %s)", target, grantee, SubconModel.protText(mask)));
            model.grant(target, grantee, mask);
            for (World w : worlds) w.mm.grant(w.sub.get(target), w.sub.get(grantee), mask, self(w));
        }

        void mutateEntry(int target, int grantee, long addr, boolean add) {
            String what = String.format("entry(target s%d, grantee s%d, 0x%x, %s)", target, grantee, addr, add ? "add" : "remove");
            note(what);
            boolean want = model.entry(target, grantee, addr, add);
            for (World w : worlds) {
                boolean got = w.mm.entry(w.sub.get(target), w.sub.get(grantee), addr, add, self(w));
                if (got != want) throw mismatch(w, "entry(" + (add ? "add" : "remove") + ") result", what + ": changed " + got + ", model " + want);
            }
        }

        void mutateAttach(int s, int c) {
            result("attach(s" + s + ", context " + c + ")", model.attach(s, c), w -> (long) w.mm.attach(w.sub.get(s), w.ctx.get(c)));
        }

        void mutateDetach(int s, int c) {
            result("detach(s" + s + ", context " + c + ")", model.detach(s, c),
                    w -> (long) w.mm.detach(w.sub.get(s), w.ctx.get(c), self(w)));
        }

        void mutateMap(int s, int slot, int len, int prot, boolean fixed) {
            long addr = slotAddress(slot);
            boolean shared = rnd.nextInt(5) == 0;
            result(String.format("map(s%d, 0x%x, %d pages, %s, %s%s)", s, addr, len, SubconModel.protText(prot),
                            fixed ? "fixed" : "noreplace", shared ? ", shared" : ""),
                    model.map(s, addr >>> 12, len, prot, fixed),
                    w -> w.mm.map(w.sub.get(s), addr, (long) len * PAGE, prot, shared, null, 0, "",
                            fixed ? MemoryManager.PLACE_FIXED : MemoryManager.PLACE_NOREPLACE, self(w)));
        }

        void mutateUnmap(int s, int slot, int len) {
            long addr = slotAddress(slot);
            result(String.format("unmap(s%d, 0x%x, %d pages)", s, addr, len), model.unmap(s, addr >>> 12, len),
                    w -> (long) w.mm.unmap(w.sub.get(s), addr, (long) len * PAGE, self(w)));
        }

        void mutateProtect(int s, int slot, int len, int prot) {
            long addr = slotAddress(slot);
            result(String.format("protect(s%d, 0x%x, %d pages, %s)", s, addr, len, SubconModel.protText(prot)),
                    model.protect(s, addr >>> 12, len, prot),
                    w -> (long) w.mm.protect(w.sub.get(s), addr, (long) len * PAGE, prot, self(w)));
        }

        void mutatePoke(int s, long va) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) b[i] = (byte) rnd.nextInt();
            String what = String.format("poke(s%d, 0x%x)", s, va);
            note(what);
            boolean want = model.poke(s, va, b);
            for (World w : worlds) {
                boolean got = w.mm.poke(w.sub.get(s), va, b, 0, 8);
                if (got != want) throw mismatch(w, "poke result", what + ": " + got + ", model " + want);
            }
        }

        void result(String what, long want, Function<World, Long> doIt) {
            note(what + " -> " + want);
            for (World w : worlds) {
                long got = doIt.apply(w);
                if (got != want) throw mismatch(w, what.substring(0, what.indexOf('(')) + " result", what + ": returned " + got + ", model " + want);
            }
        }

        /**
         * After a change: every context's map (owner and permission of every page), every
         * subcontext's own map, the rights of every pair and every entry agree with the model.
         */
        void checkState() {
            for (World w : worlds) {
                w.stats.checks++;
                // SPEC 2: a subcontext's mappings never overlap; a context is the union of its attached subcontexts'.
                for (int s = 0; s < model.subcons(); s++) {
                    long end = Long.MIN_VALUE;
                    for (Vma v : w.sub.get(s).vmas()) {
                        if (v.start < end || v.owner != w.sub.get(s) || v.start >= v.end) {
                            throw mismatch(w, "a subcontext's mappings overlap", String.format("s%d's mappings overlap or are out of order: %s", s, vmasText(w.sub.get(s))));
                        }
                        end = v.end;
                    }
                }
                for (int c = 0; c < model.contexts(); c++) {
                    long end = Long.MIN_VALUE;
                    List<Vma> all = w.ctx.get(c).mappings();
                    int expected = 0;
                    for (int s : model.attached(c)) for (Vma ignored : w.sub.get(s).vmas()) expected++;
                    for (Vma v : all) {
                        if (v.start < end || !model.isAttached(w.index(v.owner), c)) {
                            throw mismatch(w, "a context's mappings overlap", String.format("context %d's mappings overlap or include an unattached subcontext's: %s", c, all));
                        }
                        end = v.end;
                    }
                    if (all.size() != expected) {
                        throw mismatch(w, "a context's mapping count", String.format("context %d holds %d mappings, its attached subcontexts %d: %s", c, all.size(), expected, all));
                    }
                }
                for (int slot = -1; slot <= SLOTS; slot++) {
                    long va = slotAddress(slot) + 8;
                    for (int c = 0; c < model.contexts(); c++) {
                        SubconModel.Page p = model.pageAt(c, va);
                        Vma v = w.ctx.get(c).vmaAt(va);
                        if (!samePage(w, p, v)) {
                            throw mismatch(w, "a context's map", String.format("context %d at 0x%x: model %s, %s has %s", c, va, pageText(p), w.name, v));
                        }
                    }
                    for (int s = 0; s < model.subcons(); s++) {
                        SubconModel.Page p = model.ownPageAt(s, va);
                        Vma v = w.sub.get(s).vmaAt(va);
                        if (!samePage(w, p, v)) {
                            throw mismatch(w, "a subcontext's own map", String.format("s%d's own map at 0x%x: model %s, %s has %s", s, va, pageText(p), w.name, v));
                        }
                    }
                }
                for (int s = 0; s < model.subcons(); s++) {
                    if (model.isFreed(s)) continue;
                    for (int t = 0; t < model.subcons(); t++) {
                        if (model.isFreed(t)) continue;
                        int want = model.rights(s, t);
                        for (int c = 0; c < model.contexts(); c++) {
                            int got = w.mm.rightsOf(w.ctx.get(c), w.sub.get(s), w.sub.get(t));
                            if (got != want) {
                                throw mismatch(w, "rights", String.format("rights(s%d, s%d) in context %d: %s, model %s", s, t, c,
                                        SubconModel.protText(got), SubconModel.protText(want)));
                            }
                        }
                        for (long a : model.entriesOf(s)) {
                            if (model.isEntry(s, t, a) != w.mm.isEntry(w.sub.get(s), w.sub.get(t), a)) {
                                throw mismatch(w, "isEntry", String.format("isEntry(s%d, s%d, 0x%x)", s, t, a));
                            }
                        }
                    }
                }
            }
        }

        static String vmasText(Subcontext s) {
            List<String> out = new ArrayList<>();
            for (Vma v : s.vmas()) out.add(v.toString());
            return out.toString();
        }

        static boolean samePage(World w, SubconModel.Page p, Vma v) {
            if (p == null || v == null) return p == null && v == null;
            return w.index(v.owner) == p.owner && v.prot == p.prot;
        }

        static String pageText(SubconModel.Page p) {
            return p == null ? "unmapped" : "s" + p.owner + " " + SubconModel.protText(p.prot);
        }

        // ---- reporting -----------------------------------------------------------------

        static String faultText(SubconModel.Outcome o) {
            return String.format("%s fault at 0x%x%s", new String[] {"", "MAPERR", "ACCERR", "SUBCON", "BUS"}[o.fault()], o.faultAddr(),
                    o.owner() < 0 ? "" : " (owner s" + o.owner() + ", rights " + SubconModel.protText(o.rights()) + ")");
        }

        String who(int t, SubconModel.Thread th) {
            return (t >= 0 ? "thread " + t : "fresh hart") + " (context " + th.context + ", in s" + th.current
                    + ", depth " + th.stack.size() + ")";
        }

        static SubconModel.Thread copy(SubconModel.Thread th) {
            SubconModel.Thread c = new SubconModel.Thread(th.context, th.current);
            c.stack.addAll(th.stack);
            return c;
        }

        void note(String s) {
            if (TRACE) System.out.println("[" + index + ":" + op + "] " + s);
            log.addLast(op + ": " + s);
            while (log.size() > 60) log.removeFirst();
        }

        static final String[] FAULTS = {"allows", "MAPERR", "ACCERR", "SUBCON", "BUS"};

        void fail(World w, String kind, String what, SubconModel.Outcome want, String got) {
            throw mismatch(w, kind, what + ": model " + want + "; " + w.name + ": " + got);
        }

        Mismatch mismatch(World w, String kind, String what) {
            return new Mismatch(kind, String.format("[%s] %s back-end disagrees with the model: %s%n"
                            + "  reproduce: -Dsubcons.model.seed=0x%x -Dsubcons.model.topology=%d (op %d)%n"
                            + "model state now:%n%s"
                            + "last operations:%n  %s",
                    kind, w.name, what, SEED, index, op, model.describe(), String.join("\n  ", log)));
        }
    }

}
