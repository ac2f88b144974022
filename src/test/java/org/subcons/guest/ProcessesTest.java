package org.subcons.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.subcons.kernel.Config;

/** Processes and threads beyond the corpus: stress, limits, and host resources. */
class ProcessesTest {
    private static Guest.Result run(String name, Config c, String... args) throws Exception {
        return Guest.subcons(Guest.binary("cli", name), List.of(args), new byte[0], c);
    }

    /** Four threads, atomics, a mutex and a condition variable: exact counts, twenty times, both back-ends. */
    @Test
    void fourThreadsCountExactlyEveryTime() throws Exception {
        for (int i = 0; i < 20; i++) {
            Config c = Config.defaults().withEnforce(i % 2 == 0 ? Config.Enforcement.TAGGED : Config.Enforcement.VIEWS);
            Guest.Result r = run("threads4", c);
            assertEquals("atomic 80000 locked 80000 consumed 40000 sums equal\n", r.out(), "run " + i + ": " + r.stderr());
            assertEquals(0, r.status(), r.stderr());
        }
    }

    /** A fork bomb meets --max-procs: fork fails with EAGAIN and the host carries on. */
    @Test
    void forkBombIsRefused() throws Exception {
        Config c = Config.defaults().withMaxProcs(24);
        Guest.Result r = run("forkbomb", c);
        assertEquals("fork refused with EAGAIN: yes\nall 23 children reaped: yes\n", r.out(), r.stderr());
        assertEquals(0, r.status());
    }

    /** When guest processes and threads are gone, so are the host threads that ran them. */
    @Test
    void noHostThreadsLeakAfterExit() throws Exception {
        run("threads4", Config.defaults());
        run("forkbomb", Config.defaults().withMaxProcs(16));
        long deadline = System.currentTimeMillis() + 5000;
        long guests;
        do {
            guests = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("guest-")
                    && !t.getName().equals("guest-timers")).count();
            if (guests == 0) break;
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        assertEquals(0, guests, "host threads of guest tasks still alive");
    }
}
