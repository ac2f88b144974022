package org.subcons.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.subcons.elf.ElfException;
import org.subcons.elf.ElfFile;
import org.subcons.host.Errno;
import org.subcons.subcon.Layout;
import org.subcons.subcon.MemoryManager;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.TlbHolder;

/**
 * Loads a static-pie ELF (a freestanding server) into a subcontext at a free address and
 * applies its R_RISCV_RELATIVE relocations: sc_load and --serve. The same file can be
 * loaded any number of times, each copy at its own address.
 */
public final class ServerLoader {
    private static final int DT_NULL = 0, DT_RELA = 7, DT_RELASZ = 8, DT_RELAENT = 9, DT_REL = 17, DT_TEXTREL = 22;
    private static final int R_RISCV_NONE = 0, R_RISCV_RELATIVE = 3;

    /** Where a loaded image lives: load address of its lowest segment, entry point, end. */
    public record Loaded(long base, long entry, long end) {
    }

    private ServerLoader() {
    }

    /** Loads {@code data} (named {@code name}) into {@code s}; -errno in {@code err[0]} on failure. */
    public static Loaded load(MemoryManager mm, Subcontext s, byte[] data, String name, TlbHolder self, long[] err) {
        return load(mm, s, data, name, self, err, null);
    }

    /** Like the other load, at an address also free in {@code alsoFree} (the loader's context). */
    public static Loaded load(MemoryManager mm, Subcontext s, byte[] data, String name, TlbHolder self, long[] err,
                              org.subcons.subcon.Context alsoFree) {
        ElfFile elf;
        try {
            elf = ElfFile.parse(data, name);
        } catch (ElfException e) {
            err[0] = -Errno.ENOEXEC;
            return null;
        }
        if (elf.type != ElfFile.ET_DYN) {
            err[0] = -Errno.ENOEXEC;             // a server must be position independent (static-pie)
            return null;
        }
        long lo = elf.lowestVaddr(), span = Layout.pageUp(elf.highestVaddr()) - lo;
        long base = mm.map(s, 0, span, 0, false, null, 0, "", MemoryManager.PLACE_HINT, self, alsoFree);
        if (base < 0) {
            err[0] = base;
            return null;
        }
        long bias = base - lo;
        for (ElfFile.Segment seg : elf.segments) {
            if (seg.type() != ElfFile.PT_LOAD || seg.memsz() == 0) continue;
            long va = seg.vaddr() + bias, start = Layout.pageDown(va), stop = Layout.pageUp(va + seg.memsz());
            int prot = ((seg.flags() & ElfFile.PF_R) != 0 ? Prot.R : 0) | ((seg.flags() & ElfFile.PF_W) != 0 ? Prot.W : 0)
                    | ((seg.flags() & ElfFile.PF_X) != 0 ? Prot.X : 0);
            long r = mm.map(s, start, stop - start, prot, false, null, 0, name, MemoryManager.PLACE_FIXED, self);
            byte[] page = new byte[(int) (stop - start)];
            int len = (int) (va + seg.filesz() - start);
            System.arraycopy(elf.data, (int) (seg.offset() - (va - start)), page, 0, Math.max(0, len));
            if (r < 0 || !mm.poke(s, start, page, 0, page.length)) {
                mm.unmap(s, base, span, self);
                err[0] = r < 0 ? r : -Errno.ENOMEM;
                return null;
            }
        }
        if (!relocate(mm, s, elf, bias)) {
            mm.unmap(s, base, span, self);
            err[0] = -Errno.ENOEXEC;
            return null;
        }
        return new Loaded(base, elf.entry + bias, base + span);
    }

    /** Applies the R_RISCV_RELATIVE relocations of PT_DYNAMIC; false for any other kind. */
    private static boolean relocate(MemoryManager mm, Subcontext s, ElfFile elf, long bias) {
        ElfFile.Segment dyn = elf.find(ElfFile.PT_DYNAMIC);
        if (dyn == null) return true;
        ByteBuffer b = ByteBuffer.wrap(elf.data).order(ByteOrder.LITTLE_ENDIAN);
        long rela = 0, relasz = 0, relaent = 24;
        for (long o = dyn.offset(); o + 16 <= dyn.offset() + dyn.filesz() && o + 16 <= elf.data.length; o += 16) {
            long tag = b.getLong((int) o), val = b.getLong((int) o + 8);
            if (tag == DT_NULL) break;
            if (tag == DT_RELA) rela = val;
            else if (tag == DT_RELASZ) relasz = val;
            else if (tag == DT_RELAENT) relaent = val;
            else if (tag == DT_REL || tag == DT_TEXTREL) return false;
        }
        if (rela == 0 || relasz == 0) return true;
        if (relaent != 24) return false;
        long fileOff = fileOffset(elf, rela);
        if (fileOff < 0 || fileOff + relasz > elf.data.length) return false;
        byte[] word = new byte[8];
        for (long o = fileOff; o < fileOff + relasz; o += 24) {
            long where = b.getLong((int) o), info = b.getLong((int) o + 8), addend = b.getLong((int) o + 16);
            int type = (int) info;
            if (type == R_RISCV_NONE) continue;
            if (type != R_RISCV_RELATIVE) return false;
            UserMemory.putLong(word, 0, bias + addend);
            if (!mm.poke(s, bias + where, word, 0, 8)) return false;
        }
        return true;
    }

    private static long fileOffset(ElfFile elf, long vaddr) {
        for (ElfFile.Segment seg : elf.segments) {
            if (seg.type() == ElfFile.PT_LOAD && vaddr >= seg.vaddr() && vaddr < seg.vaddr() + seg.filesz()) {
                return seg.offset() + (vaddr - seg.vaddr());
            }
        }
        return -1;
    }
}
