package org.subcons.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.subcons.kernel.Config;

/**
 * The subcontext examples (guest/examples/sc, quoted in docs/subcontexts.md) run as their
 * README says: exit 0, the same stdout under both back-ends, every attack stopped, and the
 * subcontext faults of the attacking children on stderr where they attack.
 */
class ExamplesTest {
    @ParameterizedTest
    @CsvSource({"sc_trusted_server, 2", "sc_shared, 0", "sc_mutual, 3", "sc_chain, 1"})
    void exampleTellsItsStoryTheSameUnderBothBackEnds(String name, int faults) throws Exception {
        Guest.Result tagged = run(name, Config.Enforcement.TAGGED), views = run(name, Config.Enforcement.VIEWS);
        String out = new String(tagged.stdout(), StandardCharsets.UTF_8);
        assertEquals(0, tagged.status(), out + tagged.stderr());
        assertEquals(0, views.status(), views.stderr());
        assertArrayEquals(tagged.stdout(), views.stdout(), "stdout differs between back-ends:\n" + out);
        assertFalse(out.contains("that is a bug"), out);
        for (Guest.Result r : List.of(tagged, views)) {
            assertEquals(faults, r.stderr().lines().filter(l -> l.startsWith("subcons: fault: ")).count(), r.stderr());
        }
        assertTrue(out.lines().count() > 10, out);
    }

    private static Guest.Result run(String name, Config.Enforcement e) throws Exception {
        return Guest.subcons(Guest.binary("sc", name), List.of(), new byte[0], Config.defaults().withEnforce(e));
    }
}
