package org.subcons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subcons.guest.Guest;

/**
 * Inputs that are not runnable RV64 programs get one clear line on stderr and exit status
 * 126 (127 when missing), never a Java stack trace (SPEC section 11).
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static void rejected(Path program, int status, String expect) {
        Cli.Outcome o = Cli.run("run", program.toString());
        assertEquals(status, o.status(), o.err());
        String[] lines = o.err().strip().split("\n");
        assertEquals(1, lines.length, "exactly one line: " + o.err());
        assertTrue(lines[0].startsWith("subcons: "), o.err());
        assertTrue(lines[0].contains(expect), "'" + expect + "' in: " + lines[0]);
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
    }

    private Path file(String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    private static byte[] hello() throws IOException {
        return Files.readAllBytes(Guest.binary("tests", "hello"));
    }

    @Test
    void missingFile() {
        rejected(Path.of("/nonexistent/prog"), 127, "No such file or directory");
    }

    @Test
    void directory() {
        rejected(dir, 126, "Is a directory");
    }

    @Test
    void notElf() throws IOException {
        rejected(file("text", "#!/bin/sh\necho hi\n".getBytes()), 126, "not an ELF executable");
        rejected(file("empty", new byte[0]), 126, "not an ELF executable");
    }

    @Test
    void wrongMachine() throws IOException {
        byte[] elf = hello();
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putShort(18, (short) 62);   // x86-64
        rejected(file("x86", elf), 126, "wrong machine");
    }

    @Test
    void thirtyTwoBit() throws IOException {
        byte[] elf = hello();
        elf[4] = 1;
        rejected(file("elf32", elf), 126, "32-bit");
    }

    @Test
    void truncated() throws IOException {
        byte[] elf = hello();
        rejected(file("short", Arrays.copyOf(elf, 40)), 126, "truncated");
        rejected(file("nophdrs", Arrays.copyOf(elf, 100)), 126, "truncated");
        rejected(file("halfsegment", Arrays.copyOf(elf, elf.length / 2)), 126, "truncated");
    }

    @Test
    void absurdProgramHeaders() throws IOException {
        byte[] elf = hello();
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putShort(56, (short) 60000);
        rejected(file("phnum", elf), 126, "absurd number of program headers");
        elf = hello();
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putShort(54, (short) 12);
        rejected(file("phentsize", elf), 126, "bad program header size");
        elf = hello();
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putLong(32, Long.MAX_VALUE - 5);
        rejected(file("phoff", elf), 126, "truncated");
    }

    @Test
    void dynamicallyLinked() throws IOException {
        byte[] elf = hello();
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(32);
        int phnum = Short.toUnsignedInt(b.getShort(56));
        for (int i = 0; i < phnum; i++) {
            int o = (int) phoff + i * 56;
            if (b.getInt(o) != 1) {          // turn the first non-LOAD header into PT_INTERP
                b.putInt(o, 3);
                break;
            }
        }
        rejected(file("dynamic", elf), 126, "dynamically linked");
    }

    @Test
    void notExecutableType() throws IOException {
        byte[] elf = hello();
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putShort(16, (short) 1);       // ET_REL
        rejected(file("object", elf), 126, "not an executable");
    }

    @Test
    void badFlags() {
        for (String[] args : new String[][] {
            {"run", "--enforce=paper", "x"}, {"run", "--mem", "lots", "x"}, {"run", "--bogus", "x"},
            {"run", "--trace=everything", "x"}, {"run", "--max-insns", "-5", "x"}, {"run"}, {"frobnicate"},
        }) {
            Cli.Outcome o = Cli.run(args);
            assertEquals(2, o.status(), String.join(" ", args) + ": " + o.err());
            assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        }
    }
}
