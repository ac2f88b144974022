package org.subcons.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed and validated RV64 ELF executable: its header, its program headers and, for
 * static-pie servers, its dynamic relocations. Every offset and size is checked against
 * the file, so a malformed file is rejected with a clear message, never an exception
 * trace.
 */
public final class ElfFile {
    public static final int ET_EXEC = 2, ET_DYN = 3;
    public static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_PHDR = 6, PT_TLS = 7, PT_GNU_STACK = 0x6474e551;
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
    private static final int EM_RISCV = 243;
    private static final int MAX_PHNUM = 512;

    /** One program header. */
    public record Segment(int type, int flags, long offset, long vaddr, long filesz, long memsz, long align) {
    }

    public final byte[] data;
    public final int type;
    public final long entry;
    public final long phoff;
    public final int phentsize, phnum;
    public final List<Segment> segments;

    private ElfFile(byte[] data, int type, long entry, long phoff, int phentsize, int phnum, List<Segment> segments) {
        this.data = data;
        this.type = type;
        this.entry = entry;
        this.phoff = phoff;
        this.phentsize = phentsize;
        this.phnum = phnum;
        this.segments = segments;
    }

    /** Parses {@code data}; {@code name} is used in messages. */
    public static ElfFile parse(byte[] data, String name) throws ElfException {
        if (data.length < 4 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
            throw new ElfException(name + ": not an ELF executable");
        }
        if (data.length < 64) throw new ElfException(name + ": truncated ELF header");
        if (data[4] != 2) throw new ElfException(name + ": 32-bit ELF files are not supported (need ELF64 RISC-V)");
        if (data[5] != 1) throw new ElfException(name + ": not a little-endian ELF file");
        if (data[6] != 1) throw new ElfException(name + ": unknown ELF version");
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int type = Short.toUnsignedInt(b.getShort(16));
        int machine = Short.toUnsignedInt(b.getShort(18));
        if (machine != EM_RISCV) throw new ElfException(name + ": wrong machine (ELF e_machine " + machine + ", need RISC-V)");
        if (type != ET_EXEC && type != ET_DYN) throw new ElfException(name + ": not an executable (ELF type " + type + ")");
        long entry = b.getLong(24);
        long phoff = b.getLong(32);
        int phentsize = Short.toUnsignedInt(b.getShort(54));
        int phnum = Short.toUnsignedInt(b.getShort(56));
        if (phnum == 0) throw new ElfException(name + ": no program headers");
        if (phnum > MAX_PHNUM) throw new ElfException(name + ": absurd number of program headers (" + phnum + ")");
        if (phentsize != 56) throw new ElfException(name + ": bad program header size " + phentsize);
        if (phoff < 0 || phoff > data.length || (long) phnum * phentsize > data.length - phoff) {
            throw new ElfException(name + ": truncated ELF file (program headers past the end)");
        }
        List<Segment> segs = new ArrayList<>(phnum);
        for (int i = 0; i < phnum; i++) {
            int o = (int) phoff + i * phentsize;
            Segment s = new Segment(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                    b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48));
            if (s.type == PT_INTERP) {
                throw new ElfException(name + ": dynamically linked programs are not supported (has PT_INTERP); build with -static");
            }
            if (s.type == PT_LOAD) checkLoad(s, data.length, name);
            segs.add(s);
        }
        if (segs.stream().noneMatch(s -> s.type == PT_LOAD)) throw new ElfException(name + ": no loadable segments");
        ElfFile elf = new ElfFile(data, type, entry, phoff, phentsize, phnum, Collections.unmodifiableList(segs));
        long lo = elf.lowestVaddr(), hi = elf.highestVaddr();
        if (type == ET_EXEC && (entry < lo || entry >= hi)) throw new ElfException(name + ": entry point outside the program");
        if (type == ET_DYN && (entry < lo || entry >= hi)) throw new ElfException(name + ": entry point outside the program");
        return elf;
    }

    private static void checkLoad(Segment s, long fileLen, String name) throws ElfException {
        if (s.filesz < 0 || s.memsz < 0 || s.filesz > s.memsz) throw new ElfException(name + ": bad segment sizes");
        if (s.offset < 0 || s.offset > fileLen || s.filesz > fileLen - s.offset) {
            throw new ElfException(name + ": truncated ELF file (segment data past the end)");
        }
        if (s.vaddr < 0 || s.memsz > (1L << 40) || s.vaddr > (1L << 47) - s.memsz) {
            throw new ElfException(name + ": segment outside the user address space");
        }
        if ((s.vaddr & 0xfff) != (s.offset & 0xfff)) throw new ElfException(name + ": segment not page-congruent");
    }

    public long lowestVaddr() {
        long lo = Long.MAX_VALUE;
        for (Segment s : segments) if (s.type == PT_LOAD) lo = Math.min(lo, s.vaddr & ~0xfffL);
        return lo;
    }

    public long highestVaddr() {
        long hi = 0;
        for (Segment s : segments) if (s.type == PT_LOAD) hi = Math.max(hi, s.vaddr + s.memsz);
        return hi;
    }

    /** The address of the program headers in the loaded image (before any load bias), or 0. */
    public long phdrVaddr() {
        for (Segment s : segments) if (s.type == PT_PHDR) return s.vaddr;
        for (Segment s : segments) {
            if (s.type == PT_LOAD && phoff >= s.offset && phoff < s.offset + s.filesz) return phoff - s.offset + s.vaddr;
        }
        return 0;
    }

    public Segment find(int type) {
        for (Segment s : segments) if (s.type == type) return s;
        return null;
    }
}
