package org.subcons.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link Rvc#expand}.
 *
 * <p>The exhaustive test compares every 16-bit compressed parcel against {@code rvc-golden.txt.gz},
 * produced by {@code src/test/rvc/make-golden.sh}: GNU objdump (binutils 2.40) decodes each parcel,
 * its c.* text is rewritten into the base instruction it expands to, and GNU as (with
 * {@code .option norvc}) plus ld encode that into the expected 32-bit word; parcels objdump does not
 * decode are expected to expand to 0. No Subcons code takes part in building the oracle.
 */
class RvcTest {

    /**
     * Encodings where binutils 2.40 and the RISC-V unprivileged spec (20191213) disagree. The golden
     * file records binutils' view; expand() follows the spec. Each entry maps the parcel to the value
     * the spec requires.
     */
    private static final Map<Integer, Integer> SPEC_OVERRIDES = Map.of(
            // c.addi16sp with nzimm=0 (funct3=011, rd=x2, all immediate bits 0). Spec 16.5: "C.ADDI16SP
            // ... nzimm=0 is reserved". binutils decodes it as `c.addi16sp x2,0` (its match
            // function for c.addi16sp only checks rd=x2), i.e. addi x2,x2,0 = 0x00010113.
            0x6101, 0);

    private record Golden(int parcel, int word, String text) {}

    private static List<Golden> loadGolden() throws IOException {
        InputStream raw = RvcTest.class.getResourceAsStream("rvc-golden.txt.gz");
        assertNotNull(raw, "rvc-golden.txt.gz missing; run src/test/rvc/make-golden.sh");
        List<Golden> out = new ArrayList<>(49152);
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ", 3);
                out.add(new Golden(Integer.parseInt(f[0], 16), Integer.parseUnsignedInt(f[1], 16), f[2]));
            }
        }
        return out;
    }

    @Test
    void allCompressedEncodingsMatchBinutilsOracle() throws IOException {
        List<Golden> golden = loadGolden();
        assertEquals(49152, golden.size(), "golden file must cover every parcel with low bits != 11");

        Set<Integer> seen = new HashSet<>();
        Set<Integer> overridesSeen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        int legal = 0;
        for (Golden g : golden) {
            int c = g.parcel();
            assertTrue((c & 3) != 3 && c >= 0 && c <= 0xffff && seen.add(c), "bad golden parcel " + c);
            int expected = g.word();
            Integer override = SPEC_OVERRIDES.get(c);
            if (override != null) {
                assertNotEquals(override.intValue(), expected,
                        "binutils now agrees with the spec on " + hex4(c) + "; drop it from SPEC_OVERRIDES");
                overridesSeen.add(c);
                expected = override;
            }
            int actual = Rvc.expand(c);
            if (actual != expected) {
                failures.add(String.format("%s (%s): expected %08x, got %08x", hex4(c), g.text(), expected, actual));
            }
            // Only the low 16 bits are significant.
            int dirty = Rvc.expand(c | 0x5a5a0000);
            if (dirty != actual) {
                failures.add(String.format("%s: upper bits changed result to %08x", hex4(c), dirty));
            }
            if (expected != 0) legal++;
        }
        assertEquals(SPEC_OVERRIDES.keySet(), overridesSeen, "every spec override must be in the golden file");
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        // 49152 parcels minus 2409 illegal/reserved ones (incl. the c.addi16sp override).
        assertEquals(49152 - 2409, legal);
    }

    private static String hex4(int c) {
        return String.format("%04x", c);
    }

    // ---------------------------------------------------------------- named cases
    // Parcels and words below were produced with GNU as / ld (-march=rv64gc, no-aliases listing).

    private static void check(int parcel, int word) {
        assertEquals(String.format("%08x", word), String.format("%08x", Rvc.expand(parcel)),
                "expand(" + hex4(parcel) + ")");
    }

    @Test
    void addi16sp() {
        check(0x7101, 0xe0010113); // c.addi16sp x2,-512 -> addi x2,x2,-512
        check(0x617d, 0x1f010113); // c.addi16sp x2,496  -> addi x2,x2,496
        check(0x6141, 0x01010113); // c.addi16sp x2,16   -> addi x2,x2,16
        check(0x6101, 0);          // nzimm=0: reserved
    }

    @Test
    void luiSignExtends() {
        check(0x7781, 0xfffe07b7); // c.lui x15,0xfffe0 (nzimm = -32) -> lui x15,0xfffe0
        check(0x757d, 0xfffff537); // c.lui x10,0xfffff (nzimm = -1)  -> lui x10,0xfffff
        check(0x60fd, 0x0001f0b7); // c.lui x1,0x1f                   -> lui x1,0x1f
        check(0x6505, 0x00001537); // c.lui x10,0x1                   -> lui x10,0x1
        check(0x6501, 0);          // c.lui x10,0: reserved
        check(0x6001, 0);          // c.lui x0,0: reserved
        check(0x6005, 0x00001037); // c.lui x0,0x1: HINT -> lui x0,0x1
    }

    @Test
    void jOffsets() {
        check(0xb001, 0x801ff06f); // c.j .-2048 -> jal x0,.-2048
        check(0xaffd, 0x7fe0006f); // c.j .+2046 -> jal x0,.+2046
        check(0xa009, 0x0020006f); // c.j .+2    -> jal x0,.+2
        check(0xbffd, 0xfffff06f); // c.j .-2    -> jal x0,.-2
        check(0xa101, 0x4000006f); // c.j .+1024 -> jal x0,.+1024
    }

    @Test
    void beqzBnez() {
        check(0xd001, 0xf00400e3); // c.beqz x8,.-256  -> beq x8,x0,.-256
        check(0xeffd, 0x0e079f63); // c.bnez x15,.+254 -> bne x15,x0,.+254
        check(0xc601, 0x00060463); // c.beqz x12,.+8   -> beq x12,x0,.+8
    }

    @Test
    void ldsp() {
        check(0x70fe, 0x1f813083); // c.ldsp x1,504(x2) -> ld x1,504(x2)
        check(0x6fa2, 0x00813f83); // c.ldsp x31,8(x2)  -> ld x31,8(x2)
        check(0x6002, 0);          // c.ldsp x0,0(x2): reserved
        check(0x7002, 0);          // c.ldsp x0,32(x2): reserved
    }

    @Test
    void fsdsp() {
        check(0xbffe, 0x1ff13c27); // c.fsdsp f31,504(x2) -> fsd f31,504(x2)
        check(0xa002, 0x00013027); // c.fsdsp f0,0(x2)    -> fsd f0,0(x2)
        check(0xa4a6, 0x04913427); // c.fsdsp f9,72(x2)   -> fsd f9,72(x2)
    }

    @Test
    void shiftsWithLargeShamt() {
        check(0x9401, 0x42045413); // c.srai x8,32  -> srai x8,x8,32
        check(0x97fd, 0x43f7d793); // c.srai x15,63 -> srai x15,x15,63
        check(0x8485, 0x4014d493); // c.srai x9,1   -> srai x9,x9,1
        check(0x9085, 0x0214d493); // c.srli x9,33  -> srli x9,x9,33
        check(0x1ffe, 0x03ff9f93); // c.slli x31,63 -> slli x31,x31,63
        check(0x8401, 0x40045413); // c.srai x8,0 (HINT) -> srai x8,x8,0
    }

    @Test
    void illegalAndReserved() {
        check(0x0000, 0); // all-zero parcel
        check(0x0010, 0); // c.addi4spn x12,0: nzuimm=0 reserved
        check(0x8000, 0); // quadrant 0 funct3=100: reserved
        check(0x2001, 0); // c.addiw x0,0: rd=0 reserved
        check(0x9c41, 0); // quadrant 1 funct6=100111, funct2=10: reserved
        check(0x9c61, 0); // quadrant 1 funct6=100111, funct2=11: reserved
        check(0x4002, 0); // c.lwsp x0: reserved
        check(0x8002, 0); // c.jr x0: reserved
    }

    @Test
    void miscellaneous() {
        check(0x0001, 0x00000013); // c.nop -> addi x0,x0,0
        check(0x9002, 0x00100073); // c.ebreak -> ebreak
        check(0x8082, 0x00008067); // c.jr x1 -> jalr x0,0(x1)
        check(0x9082, 0x000080e7); // c.jalr x1 -> jalr x1,0(x1)
        check(0x852e, 0x00b00533); // c.mv x10,x11 -> add x10,x0,x11
        check(0x952e, 0x00b50533); // c.add x10,x11 -> add x10,x10,x11
        check(0x4501, 0x00000513); // c.li x10,0 -> addi x10,x0,0
        check(0x357d, 0xfff5051b); // c.addiw x10,-1 -> addiw x10,x10,-1
    }
}
