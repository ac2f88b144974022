package org.subcons.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.subcons.elf.ElfException;
import org.subcons.elf.ElfFile;
import org.subcons.host.Host;
import org.subcons.subcon.Context;
import org.subcons.subcon.Layout;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;

/**
 * Builds a new process image: loads an ELF executable into a fresh context's root
 * subcontext and lays out the Linux initial stack (argv, envp, auxv) as the kernel does.
 */
public final class Exec {
    // Auxiliary vector keys.
    static final int AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7, AT_FLAGS = 8,
            AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_HWCAP = 16, AT_CLKTCK = 17,
            AT_SECURE = 23, AT_RANDOM = 25, AT_HWCAP2 = 26, AT_EXECFN = 31, AT_MINSIGSTKSZ = 51;
    /** The letters I, M, A, F, D, C as Linux reports them in AT_HWCAP (bit n for letter 'a' + n). */
    public static final long HWCAP_RV64IMAFDC = 1L << ('i' - 'a') | 1L << ('m' - 'a') | 1L << ('a' - 'a')
            | 1L << ('f' - 'a') | 1L << ('d' - 'a') | 1L << ('c' - 'a');

    /** A loaded image, ready for a hart to start at {@code entry} with {@code sp}. */
    /** @param sigreturn the address of the code handlers return to (it calls rt_sigreturn) */
    public record Image(Context context, long entry, long sp, byte[] auxv, long loadBias, long sigreturn) {
    }

    /** The [vdso] page: {@code li a7, 139 (rt_sigreturn); ecall}. Handlers return here. */
    private static final byte[] SIGRETURN_CODE = {(byte) 0x93, 0x08, (byte) 0xb0, 0x08, 0x73, 0, 0, 0};

    private Exec() {
    }

    /** Loads {@code elf} into a new context and builds its stack. */
    public static Image load(MemoryManager mm, ElfFile elf, String execPath, List<String> argv, List<String> envp,
                             String rootName) throws ElfException {
        return load(mm, elf, execPath, argv, envp, rootName, List.of());
    }

    /**
     * Like {@link #load(MemoryManager, ElfFile, String, List, List, String)}, with
     * {@code keep} (SC_KEEP_ON_EXEC subcontexts) attached to the new context first, so the
     * new image can never be mapped over them.
     */
    public static Image load(MemoryManager mm, ElfFile elf, String execPath, List<String> argv, List<String> envp,
                             String rootName, List<Subcontext> keep) throws ElfException {
        Context ctx = mm.newContext(rootName);
        Subcontext root = ctx.root();
        for (Subcontext s : keep) {
            if (mm.attach(s, ctx) < 0) {
                mm.dispose(ctx);
                throw new ElfException(execPath + ": overlaps a subcontext kept across exec");
            }
        }
        long bias = elf.type == ElfFile.ET_DYN ? Layout.ET_DYN_BASE - elf.lowestVaddr() : 0;
        try {
            long brk = loadSegments(mm, root, elf, bias, execPath);
            mm.initBrk(ctx, brk);
            if (mm.map(root, Layout.STACK_TOP - Layout.STACK_SIZE, Layout.STACK_SIZE, Prot.R | Prot.W, false, null, 0,
                    "[stack]", MemoryManager.PLACE_NOREPLACE, null) < 0) {
                throw new ElfException(execPath + ": cannot map the stack");
            }
            if (mm.map(root, Layout.VDSO, 4096, Prot.R | Prot.X, false, null, 0, "[vdso]",
                    MemoryManager.PLACE_NOREPLACE, null) < 0 || !mm.poke(root, Layout.VDSO, SIGRETURN_CODE, 0, SIGRETURN_CODE.length)) {
                throw new ElfException(execPath + ": cannot map the signal trampoline");
            }
            long[] auxv = auxv(elf, bias);
            StackBuilder sb = new StackBuilder(Layout.STACK_TOP);
            long sp = sb.build(argv, envp, execPath, auxv);
            if (!mm.poke(root, sb.low(), sb.bytes(), 0, sb.bytes().length)) throw new ElfException(execPath + ": stack too large");
            return new Image(ctx, elf.entry + bias, sp, sb.auxvBytes(), bias, Layout.VDSO);
        } catch (ElfException e) {
            mm.dispose(ctx);
            throw e;
        }
    }

    /** Maps each PT_LOAD as Linux does (page-granular, later segments over earlier ones); returns the initial break. */
    private static long loadSegments(MemoryManager mm, Subcontext root, ElfFile elf, long bias, String name)
            throws ElfException {
        long end = 0;
        for (ElfFile.Segment s : elf.segments) {
            if (s.type() != ElfFile.PT_LOAD || s.memsz() == 0) continue;
            long va = s.vaddr() + bias;
            long start = Layout.pageDown(va), stop = Layout.pageUp(va + s.memsz());
            int prot = ((s.flags() & ElfFile.PF_R) != 0 ? Prot.R : 0) | ((s.flags() & ElfFile.PF_W) != 0 ? Prot.W : 0)
                    | ((s.flags() & ElfFile.PF_X) != 0 ? Prot.X : 0);
            long r = mm.map(root, start, stop - start, prot, false, null, 0, name, MemoryManager.PLACE_FIXED, null);
            if (r < 0) throw new ElfException(name + ": cannot map segment at 0x" + Long.toHexString(start) + " (" + -r + ")");
            // Like a file mapping: the page holds the file from its start, and zeros after filesz.
            long fileStart = s.offset() - (va - start);
            int len = (int) (va + s.filesz() - start);
            byte[] page = new byte[(int) (stop - start)];
            System.arraycopy(elf.data, (int) fileStart, page, 0, Math.max(0, len));
            if (!mm.poke(root, start, page, 0, page.length)) throw new ElfException(name + ": cannot load segment");
            end = Math.max(end, va + s.memsz());
        }
        return Layout.pageUp(end);
    }

    private static long[] auxv(ElfFile elf, long bias) {
        return new long[] {
            AT_HWCAP, HWCAP_RV64IMAFDC,
            AT_PAGESZ, 4096,
            AT_CLKTCK, 100,
            AT_PHDR, elf.phdrVaddr() + bias,
            AT_PHENT, elf.phentsize,
            AT_PHNUM, elf.phnum,
            AT_BASE, 0,
            AT_FLAGS, 0,
            AT_ENTRY, elf.entry + bias,
            AT_UID, Host.getuid(),
            AT_EUID, Host.geteuid(),
            AT_GID, Host.getgid(),
            AT_EGID, Host.getegid(),
            AT_SECURE, 0,
            AT_RANDOM, -1,           // filled in by the stack builder
            AT_EXECFN, -1,           // filled in by the stack builder
            AT_MINSIGSTKSZ, SignalFrame.SIZE,
            AT_NULL, 0,
        };
    }

    /** Lays out the initial stack below {@code top} in a byte image, then it is copied in once. */
    static final class StackBuilder {
        private final long top;
        private byte[] image;
        private long low;
        private byte[] auxvBytes;

        StackBuilder(long top) {
            this.top = top;
        }

        long build(List<String> argv, List<String> envp, String execFn, long[] auxv) throws ElfException {
            // Addresses first: strings from the top down (execfn, envp, argv, as Linux copies
            // them), then 16 random bytes, then argc, argv[], envp[] and auxv, 16-aligned.
            long p = top - 8;
            p -= utf8(execFn).length + 1;
            long execFnAddr = p;
            long[] envAddr = new long[envp.size()];
            for (int i = envp.size() - 1; i >= 0; i--) envAddr[i] = p -= utf8(envp.get(i)).length + 1;
            long[] argAddr = new long[argv.size()];
            for (int i = argv.size() - 1; i >= 0; i--) argAddr[i] = p -= utf8(argv.get(i)).length + 1;
            long random = (p & ~15L) - 16;
            long vectors = (1 + argv.size() + 1 + envp.size() + 1 + auxv.length) * 8L;
            long sp = (random - vectors) & ~15L;
            if (top - sp > Layout.STACK_SIZE / 4) throw new ElfException(execFn + ": argument list too long");
            low = sp;
            image = new byte[(int) (top - low)];

            put(execFnAddr, utf8(execFn));
            for (int i = 0; i < envp.size(); i++) put(envAddr[i], utf8(envp.get(i)));
            for (int i = 0; i < argv.size(); i++) put(argAddr[i], utf8(argv.get(i)));
            byte[] rnd = new byte[16];
            Host.getrandom(rnd, 16, 0);
            put(random, rnd);
            for (int i = 0; i < auxv.length; i += 2) {
                if (auxv[i] == AT_RANDOM) auxv[i + 1] = random;
                if (auxv[i] == AT_EXECFN) auxv[i + 1] = execFnAddr;
            }
            long q = word(sp, argv.size());
            for (long a : argAddr) q = word(q, a);
            q = word(q, 0);
            for (long a : envAddr) q = word(q, a);
            q = word(q, 0);
            long auxStart = q;
            for (long a : auxv) q = word(q, a);
            auxvBytes = java.util.Arrays.copyOfRange(image, (int) (auxStart - low), (int) (q - low));
            return sp;
        }

        private void put(long at, byte[] b) {
            System.arraycopy(b, 0, image, (int) (at - low), b.length);
        }

        private long word(long at, long v) {
            UserMemory.putLong(image, (int) (at - low), v);
            return at + 8;
        }

        long low() {
            return low;
        }

        byte[] bytes() {
            return image;
        }

        byte[] auxvBytes() {
            return auxvBytes;
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
