package org.subcons.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Fpu} (and the exact reference {@link FpuSlow}) against golden vectors produced
 * by running src/test/guest/fpvec.c under qemu-riscv64 (see make-fpvectors.sh). Every vector's
 * result bits and fflags must match exactly.
 */
class FpuVectorTest {
    static final String RESOURCE = "fpvectors.txt.gz";

    record Vec(int line, String op, int rm, long[] ops, long result, int flags) {
        String text() {
            StringBuilder sb = new StringBuilder(op).append(" rm=").append(rm);
            for (long o : ops) sb.append(' ').append(Long.toHexString(o));
            return sb.toString();
        }
    }

    static List<Vec> vectors;

    @BeforeAll
    static void load() throws IOException {
        InputStream in = FpuVectorTest.class.getResourceAsStream(RESOURCE);
        assertNotNull(in, "missing test resource " + RESOURCE);
        List<Vec> v = new ArrayList<>(800_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(in, 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (s.isBlank()) continue;
                String[] t = s.trim().split(" ");
                int arity = FpuOps.arity(t[0]);
                if (arity < 0 || t.length != arity + 4) fail("bad vector line " + n + ": " + s);
                long[] ops = new long[arity];
                for (int i = 0; i < arity; i++) ops[i] = Long.parseUnsignedLong(t[2 + i], 16);
                v.add(new Vec(n, t[0], Integer.parseInt(t[1]), ops,
                        Long.parseUnsignedLong(t[2 + arity], 16), Integer.parseInt(t[3 + arity], 16)));
            }
        }
        vectors = v;
    }

    private interface Impl { long run(Fpu f, String op, int rm, long[] ops); }

    private static void check(String name, Impl impl) {
        int bad = 0;
        StringBuilder report = new StringBuilder();
        for (Vec v : vectors) {
            Fpu f = new Fpu();
            long r = impl.run(f, v.op(), v.rm(), v.ops());
            if (r != v.result() || f.flags != v.flags()) {
                if (++bad <= 25) {
                    report.append(String.format("%n  line %d: %s -> expected %s flags %s, got %s flags %s",
                            v.line(), v.text(), Long.toHexString(v.result()), flagNames(v.flags()),
                            Long.toHexString(r), flagNames(f.flags)));
                }
            }
        }
        if (bad > 0) fail(name + ": " + bad + " of " + vectors.size() + " vectors mismatch:" + report);
    }

    static String flagNames(int fl) {
        if (fl == 0) return "-";
        StringBuilder sb = new StringBuilder();
        String[] n = {"NX", "UF", "OF", "DZ", "NV"};
        for (int i = 4; i >= 0; i--) if ((fl & (1 << i)) != 0) sb.append(sb.isEmpty() ? "" : "|").append(n[i]);
        return sb.toString();
    }

    @Test
    void fpuMatchesQemu() {
        check("Fpu", FpuOps::run);
    }

    @Test
    void referenceMatchesQemu() {
        check("FpuSlow", FpuOps::runReference);
    }

    /** Every instruction of the API and every rounding mode is covered by the vector set. */
    @Test
    void coverage() {
        Map<String, Integer> perOp = new TreeMap<>();
        Map<String, Integer> rmMask = new TreeMap<>();
        for (Vec v : vectors) {
            perOp.merge(v.op(), 1, Integer::sum);
            rmMask.merge(v.op(), 1 << v.rm(), (x, y) -> x | y);
        }
        String[] rounding = {"fadd", "fsub", "fmul", "fdiv", "fsqrt", "fmadd", "fmsub", "fnmsub", "fnmadd",
                "fcvt.w", "fcvt.wu", "fcvt.l", "fcvt.lu"};
        for (String p : new String[] {"s", "d"}) {
            for (String op : rounding) {
                String name = op.startsWith("fcvt") ? op + "." + p : op + "." + p;
                assertEquals(0x1f, rmMask.getOrDefault(name, 0), "rounding modes covered for " + name);
            }
            for (String op : new String[] {"fmin", "fmax", "feq", "flt", "fle", "fclass"}) {
                assertTrue(perOp.getOrDefault(op + "." + p, 0) > 1000, op + "." + p);
            }
        }
        for (String op : new String[] {"fcvt.s.w", "fcvt.s.wu", "fcvt.s.l", "fcvt.s.lu", "fcvt.s.d",
                "fcvt.d.l", "fcvt.d.lu"}) {
            assertEquals(0x1f, rmMask.getOrDefault(op, 0), "rounding modes covered for " + op);
        }
        for (String op : new String[] {"fcvt.d.s", "fcvt.d.w", "fcvt.d.wu", "unbox"}) {
            assertTrue(perOp.getOrDefault(op, 0) > 100, op);
        }
        assertTrue(vectors.size() > 500_000, "vector count " + vectors.size());
        System.out.println("FpuVectorTest: " + vectors.size() + " vectors, per op: " + perOp);
    }
}
