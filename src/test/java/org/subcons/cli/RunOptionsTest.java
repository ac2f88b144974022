package org.subcons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subcons.guest.Guest;

/** The options of `subcons run` (SPEC section 11) do what they say. */
class RunOptionsTest {
    @TempDir
    Path tmp;

    private static String cli(String name) {
        return Guest.binary("cli", name).toString();
    }

    @Test
    void helpBeforeTheProgramIsOursAfterItTheGuests() {
        Cli.Outcome help = Cli.run("run", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("--serve='SERVER [ARGS]'") && help.out().contains("--enforce=MODE"), help.out());
        Cli.Outcome guest = Cli.run("run", Guest.binary("tests", "args").toString(), "--help");
        assertEquals(0, guest.status(), guest.err());
        assertTrue(guest.out().contains("--help") && !guest.out().contains("Usage:"), guest.out());
    }

    @Test
    void maxInsnsStopsARunawayGuest() {
        Cli.Outcome o = Cli.run("run", "--max-insns", "2000000", cli("spin"));
        assertEquals(152, o.status(), o.err());
        assertTrue(o.err().contains("instruction limit reached (2000000)"), o.err());
    }

    @Test
    void memLimitMakesLargeAllocationsFail() {
        Cli.Outcome small = Cli.run("run", "--mem", "64M", cli("memhog"), "16");
        assertEquals(0, small.status(), small.err());
        Cli.Outcome big = Cli.run("run", "--mem", "64M", cli("memhog"), "100");
        assertEquals(1, big.status(), big.err());
        Cli.Outcome unlimited = Cli.run("run", cli("memhog"), "100");
        assertEquals(0, unlimited.status(), unlimited.err());
    }

    @Test
    void statsPrintsEveryRequiredCounter() {
        Cli.Outcome o = Cli.run("run", "--stats", Guest.binary("tests", "hello").toString());
        assertEquals(0, o.status(), o.err());
        for (String name : new String[] {"instructions", "seconds", "mips", "syscalls", "upcalls", "transfers", "faults",
            "tlb_flushes", "view_switches"}) {
            assertTrue(o.err().lines().anyMatch(l -> l.matches("subcons: stat " + name + " [0-9.]+")), name + " in " + o.err());
        }
    }

    @Test
    void traceSyscallsShowsCallsAndUnknownOnes() {
        Cli.Outcome o = Cli.run("run", "--trace=syscalls", Guest.binary("tests", "enosys").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.matches("\\[pid \\d+\\] write\\(1, .*\\) = \\d+")), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.matches("\\[pid \\d+\\] syscall_999\\(.*\\) = -1 ENOSYS")), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.matches("\\[pid \\d+\\] exit_group\\(0\\) = \\?")), o.err());
    }

    @Test
    void rootConfinesEveryPath() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("secret.txt"), "SECRET\n");
        Files.writeString(root.resolve("inside.txt"), "inside\n");
        Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("link_abs"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("link_rel"), Path.of("../secret.txt"));
        Files.createSymbolicLink(root.resolve("link_chain"), Path.of("link_rel"));
        Files.createSymbolicLink(root.resolve("sub/link_up"), Path.of("../../../../secret.txt"));
        Files.copy(Guest.binary("cli", "rootescape"), root.resolve("rootescape"));
        root.resolve("rootescape").toFile().setExecutable(true);

        Cli.Outcome o = Cli.run("run", "--root", root.toString(), "/rootescape");
        assertEquals(0, o.status(), o.err());
        assertFalse(o.out().contains("THE SECRET"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("inside.txt +READ something else")), o.out());
        assertTrue(o.out().contains("cwd after 8x chdir(..): /\n"), o.out());
        assertEquals(11, o.out().lines().filter(l -> l.endsWith("blocked") || l.contains("READ")).count(), o.out());
    }

    @Test
    void rootProgramPathIsInsideTheRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("r2"));
        Cli.Outcome o = Cli.run("run", "--root", root.toString(), Guest.binary("tests", "hello").toString());
        assertEquals(127, o.status(), "a host path is not visible inside the root: " + o.err());
    }
}
