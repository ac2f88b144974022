package org.subcons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's first command ends in `subcons demo`: it runs, and every check it makes holds. */
class DemoTest {
    @Test
    void demoShowsServingDenialAndTheFault() {
        Cli.Outcome o = Cli.run("demo");
        assertEquals(0, o.status(), o.out() + o.err());
        String out = o.out();
        assertTrue(out.contains("all as expected"), out);
        assertTrue(out.matches("(?s).*\\[pid \\d+\\] openat\\(AT_FDCWD, \"notes.txt\", O_WRONLY\\|O_CREAT\\|O_APPEND, 0666\\) = 3.*"), out);
        assertTrue(out.contains("read a file outside the sandbox              refused: Permission denied"), out);
        assertTrue(out.contains("remove its own system-call handler           refused: Operation not permitted"), out);
        assertTrue(out.matches("(?s).*subcons: fault: pid \\d+ subcon escape \\(sid 1\\) write at 0x[0-9a-f]+ owner \\w+ \\(sid \\d+\\) rights none.*"), out);
        assertTrue(out.contains("exit status 139"), out);
        assertTrue(!out.contains("was overwritten"), out);
    }
}
