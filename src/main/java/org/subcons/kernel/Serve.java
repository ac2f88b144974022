package org.subcons.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.subcons.elf.ElfException;
import org.subcons.hart.Hart;
import org.subcons.hart.UpcallFrame;
import org.subcons.hart.Upcalls;
import org.subcons.host.Errno;
import org.subcons.subcon.Layout;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;

/**
 * {@code --serve} (SPEC section 12): user-level OS services put under an unmodified program
 * before it starts, innermost first. Every server is loaded into its own subcontext of the
 * program's context (shared on fork, kept on exec), is made the controller of the layer it
 * serves with all rights over it, and gets one init call, an upcall with no client, that
 * sets it up (typically sc_entry and sc_handler on that layer). Its sc_return ends the
 * init: the next server's init follows, or the program starts.
 */
final class Serve {
    /** The stack of an init call, unmapped when the init ends. */
    static final long INIT_STACK = 256 * 1024;

    /** One --serve server, loaded and waiting for its init call. */
    private record Layer(Subcontext server, long entry, String path, List<String> argv) {
    }

    private final Kernel k;
    private final ArrayDeque<Layer> pending = new ArrayDeque<>();
    private Subcontext served;
    private Layer running;
    private long initStack;

    private Serve(Kernel k) {
        this.k = k;
    }

    /**
     * Loads every server of {@code specs} into the context of {@code p} (whose main task is
     * {@code t}, not started yet) and starts the first init call; the program follows once
     * all inits have returned. Throws with exit status 127/126 for a server that cannot be
     * read or loaded.
     */
    static Serve prepare(Kernel k, Process p, Task t, String hostCwd, List<String> specs) throws ElfException {
        Serve s = new Serve(k);
        s.served = p.ctx.root();
        for (String spec : specs) {
            List<String> argv = words(spec);
            if (argv.isEmpty()) throw new ElfException("--serve: no server named", 127);
            String path = argv.get(0);
            byte[] data = readServer(hostCwd, path);
            Subcontext server = k.mm.create(Kernel.baseName(path), Subcontext.SHARE_ON_FORK | Subcontext.KEEP_ON_EXEC, null);
            int r = k.mm.attach(server, p.ctx);
            if (r < 0) throw new ElfException("--serve " + path + ": cannot attach: " + Errno.name(r), 126);
            long[] err = new long[1];
            ServerLoader.Loaded l = ServerLoader.load(k.mm, server, data, path, t.hart.mmu, err);
            if (l == null) {
                String why = err[0] == -Errno.ENOEXEC
                        ? "not a static-pie RV64 ELF with only R_RISCV_RELATIVE relocations"
                        : Errno.name((int) err[0]);
                throw new ElfException("--serve " + path + ": cannot load: " + why, 126);
            }
            s.pending.add(new Layer(server, l.entry(), path, argv));
        }
        s.next(t);
        return s;
    }

    /**
     * A server's ELF. Its path is the host's, like the command line it came from (--root
     * confines the program, not the tool's own configuration).
     */
    static byte[] readServer(String hostCwd, String path) throws ElfException {
        java.nio.file.Path file = java.nio.file.Path.of(hostCwd).resolve(path);
        try {
            if (java.nio.file.Files.isDirectory(file)) throw new ElfException("--serve " + path + ": Is a directory", 126);
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ElfException("--serve " + path + ": No such file or directory", 127);
        } catch (java.io.IOException | OutOfMemoryError e) {
            throw new ElfException("--serve " + path + ": cannot read: " + e.getMessage(), 126);
        }
    }

    /** Splits a --serve value into words at white space. */
    static List<String> words(String spec) {
        List<String> w = new ArrayList<>();
        for (String part : spec.trim().split("\\s+")) if (!part.isEmpty()) w.add(part);
        return w;
    }

    /** Starts the next init call on {@code t}, or lets the program start when none is left. */
    private void next(Task t) {
        Layer l = pending.poll();
        running = l;
        if (l == null) return;
        Hart h = t.hart;
        k.mm.setController(served, l.server());
        k.mm.grant(served, l.server(), Prot.R | Prot.W | Prot.X, h.mmu);
        long[] args = new long[4];
        long top = initStack(l, args, h);
        k.traceSubcons(t, "serve: " + l.server() + " serves " + served + "; init at 0x" + Long.toHexString(l.entry()));
        if (top < 0 || Upcalls.enterInit(h, l.server(), l.entry(), top, args) < 0) {
            fail(t, "no memory for its init call");
            return;
        }
        served = l.server();
    }

    /**
     * Maps the init call's stack in the server with argv's strings and pointers at its top;
     * fills a0..a3 (served sid, own sid, argc, argv) and returns sp, or -errno.
     */
    private long initStack(Layer l, long[] args, Hart h) {
        Subcontext s = l.server();
        long base = k.mm.map(s, 0, INIT_STACK, Prot.R | Prot.W, false, null, 0, "[init stack]", MemoryManager.PLACE_HINT, h.mmu);
        if (base < 0) return base;
        initStack = base;
        long top = base + INIT_STACK;
        List<String> argv = l.argv();
        long[] ptrs = new long[argv.size() + 1];
        long sp = top;
        for (int i = argv.size() - 1; i >= 0; i--) {
            byte[] utf = argv.get(i).getBytes(StandardCharsets.UTF_8), str = Arrays.copyOf(utf, utf.length + 1);
            sp -= str.length;
            if (sp - base < 4096 || !k.mm.poke(s, sp, str, 0, str.length)) return -Errno.E2BIG;
            ptrs[i] = sp;
        }
        sp = (sp - 8L * ptrs.length) & ~15L;
        byte[] table = new byte[8 * ptrs.length];
        for (int i = 0; i < ptrs.length; i++) UserMemory.putLong(table, 8 * i, ptrs[i]);
        if (sp - base < 4096 || !k.mm.poke(s, sp, table, 0, table.length)) return -Errno.E2BIG;
        args[0] = served.sid;
        args[1] = s.sid;
        args[2] = argv.size();
        args[3] = sp;
        return sp;
    }

    /** sc_return of an init call: {@code value} below 0 stops the run with exit status 1. */
    void initDone(Task t, long value) {
        Hart h = t.hart;
        UpcallFrame f = Upcalls.top(h);
        Layer l = running;
        long a0 = f.saved[10];
        Upcalls.ret(h, a0);                    // the program's start, as it was before the init
        h.mmu.enter(t.proc.ctx.root());
        k.mm.unmap(l.server(), initStack, INIT_STACK, h.mmu);
        if (value < 0) {
            fail(t, "its init returned " + value + (value >= -4095 ? " (" + Errno.name((int) value) + ")" : ""));
            return;
        }
        k.traceSubcons(t, "serve: " + l.server() + " ready");
        next(t);
    }

    private void fail(Task t, String why) {
        k.stop("subcons: --serve " + running.path() + " failed to start: " + why);
        k.exitGroup(t, 1);
    }
}
