package org.subcons.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.subcons.host.Linux.*;

/**
 * Inside the root, RootFs must behave exactly as the kernel does: every operation on every
 * awkward path (trailing slashes, ".", symlinks, loops, missing parents) is run both with plain
 * Host *at calls on one copy of a tree and through RootFs on another copy, and the results and
 * the resulting trees must be equal. Paths are taken from the root and from a subdirectory
 * (the walks that climb above it take RootFs's other route).
 */
class HostRootFsSemanticsTest {
    @TempDir Path tmp;

    static final List<String> PATHS = List.of(
            "", ".", "x", "x/", "x/.", "d", "d/", "d/.", "d/..", "d//f", "d/f/", "e", "e/", "e/..",
            "lnk", "lnk/", "dlnk", "dlnk/", "dangling", "dangling/", "loop", "loop/", "nothere",
            "nothere/", "x/y", "nothere/y", "d/up/x", "dlnk/f", "dlnk/up/d/..", "chain", "chain/",
            "n".repeat(NAME_MAX + 1), "d/" + "../d/".repeat(800), "d/" + "../d/".repeat(900),
            "../w/x", "../w/lnk/", "../w/d/", "../w/nothere", "../w/dangling", "d/up/../w/dlnk/f",
            "upw/x", "upw/d/", "upw/dangling", "upw", "upw/");

    /** One system call, given the directory descriptor and the path under test. */
    interface Call { int run(int dirFd, String path); }

    /** {@code changes}: may change the tree (names, types, modes, sizes, link targets). */
    record Op(String name, boolean changes, Call host, Call rootFs) {}

    static Op query(String name, Call host, Call rootFs) { return new Op(name, false, host, rootFs); }

    static Op change(String name, Call host, Call rootFs) { return new Op(name, true, host, rootFs); }

    static List<Op> ops(RootFs fs) {
        byte[] st = new byte[SIZEOF_STATX], link = new byte[64];
        long[] times = {1, 2, 3, 4};
        List<Op> ops = new ArrayList<>();
        for (int flags : new int[] {0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH}) {
            ops.add(query("stat " + flags,
                    (d, p) -> typeOr(Host.statx(d, p, flags, STATX_BASIC_STATS, st), st),
                    (d, p) -> typeOr(fs.stat(d, p, flags, STATX_BASIC_STATS, st), st)));
            ops.add(query("access " + flags,
                    (d, p) -> Host.faccessat(d, p, R_OK, flags), (d, p) -> fs.access(d, p, R_OK, flags)));
            ops.add(query("chown " + flags,
                    (d, p) -> Host.fchownat(d, p, -1, -1, flags), (d, p) -> fs.chown(d, p, -1, -1, flags)));
            ops.add(query("utimens " + flags,
                    (d, p) -> Host.utimensat(d, p, times, flags), (d, p) -> fs.utimens(d, p, times, flags)));
        }
        for (int flags : new int[] {0, AT_SYMLINK_NOFOLLOW}) {
            ops.add(change("chmod " + flags,
                    (d, p) -> Host.fchmodat(d, p, 0700, flags), (d, p) -> fs.chmod(d, p, 0700, flags)));
        }
        ops.add(query("readlink", (d, p) -> Host.readlinkat(d, p, link), (d, p) -> fs.readlink(d, p, link)));
        for (int flags : new int[] {O_RDONLY, O_RDONLY | O_DIRECTORY, O_WRONLY, O_WRONLY | O_CREAT,
                O_RDWR | O_CREAT | O_EXCL, O_RDONLY | O_NOFOLLOW, O_PATH, O_PATH | O_NOFOLLOW,
                O_PATH | O_DIRECTORY, O_RDWR | O_TRUNC, O_TMPFILE | O_RDWR}) {
            boolean changes = (flags & (O_CREAT | O_TRUNC)) != 0;
            ops.add(new Op("open " + Integer.toOctalString(flags), changes,
                    (d, p) -> closed(Host.openat(d, p, flags, 0600)), (d, p) -> closed(fs.open(d, p, flags, 0600))));
        }
        ops.add(change("mkdir", (d, p) -> Host.mkdirat(d, p, 0755), (d, p) -> fs.mkdir(d, p, 0755)));
        ops.add(change("mkfifo", (d, p) -> Host.mknodat(d, p, S_IFIFO | 0600, 0), (d, p) -> fs.mknod(d, p, S_IFIFO | 0600, 0)));
        ops.add(change("unlink", (d, p) -> Host.unlinkat(d, p, 0), (d, p) -> fs.unlink(d, p, 0)));
        ops.add(change("rmdir", (d, p) -> Host.unlinkat(d, p, AT_REMOVEDIR), (d, p) -> fs.unlink(d, p, AT_REMOVEDIR)));
        ops.add(change("symlink", (d, p) -> Host.symlinkat("target", d, p), (d, p) -> fs.symlink("target", d, p)));
        for (int flags : new int[] {0, RENAME_NOREPLACE, RENAME_EXCHANGE}) {
            ops.add(change("rename from " + flags,
                    (d, p) -> Host.renameat2(d, p, d, "new", flags), (d, p) -> fs.rename(d, p, d, "new", flags)));
            ops.add(change("rename to " + flags,
                    (d, p) -> Host.renameat2(d, "x", d, p, flags), (d, p) -> fs.rename(d, "x", d, p, flags)));
            ops.add(change("rename dir to " + flags,
                    (d, p) -> Host.renameat2(d, "e", d, p, flags), (d, p) -> fs.rename(d, "e", d, p, flags)));
        }
        for (int flags : new int[] {0, AT_SYMLINK_FOLLOW}) {
            ops.add(change("link from " + flags,
                    (d, p) -> Host.linkat(d, p, d, "new", flags), (d, p) -> fs.link(d, p, d, "new", flags)));
        }
        ops.add(change("link to", (d, p) -> Host.linkat(d, "x", d, p, 0), (d, p) -> fs.link(d, "x", d, p, 0)));
        return ops;
    }

    /** Failures as -errno, successes as the file type, so both sides compare. */
    static int typeOr(int r, byte[] st) {
        return r < 0 ? r : Statx.mode(st) & S_IFMT;
    }

    static int closed(int fd) {
        if (fd < 0) return fd;
        Host.close(fd);
        return 0;
    }

    /** The test tree, in {@code top/w}. */
    static void makeTree(Path top) throws IOException {
        Path t = top.resolve("w");
        Files.createDirectories(t);
        Files.createSymbolicLink(t.resolve("upw"), Path.of("../w"));
        Files.writeString(t.resolve("x"), "x");
        Files.createDirectories(t.resolve("d"));
        Files.writeString(t.resolve("d/f"), "f");
        Files.createDirectories(t.resolve("e"));
        Files.createSymbolicLink(t.resolve("lnk"), Path.of("x"));
        Files.createSymbolicLink(t.resolve("dlnk"), Path.of("d"));
        Files.createSymbolicLink(t.resolve("dangling"), Path.of("nothere"));
        Files.createSymbolicLink(t.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(t.resolve("d/up"), Path.of(".."));
        Files.createSymbolicLink(t.resolve("chain"), Path.of("dlnk/up/lnk"));
    }

    /** Names, types, modes, sizes and link targets of everything in a tree. */
    static Map<String, String> snapshot(Path t) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(t)) {
            for (Path p : s.toList()) {
                String mode = Integer.toOctalString((int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
                String extra = Files.isSymbolicLink(p) ? "->" + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? " size " + Files.size(p) : "";
                m.put(t.relativize(p).toString(), mode + extra);
            }
        }
        return m;
    }

    @Test void fromTheRoot() throws IOException {
        compare(false);
    }

    @Test void fromASubdirectory() throws IOException {
        compare(true);
    }

    void compare(boolean fromSubdir) throws IOException {
        Path plain = tmp.resolve("plain"), rooted = tmp.resolve("rooted");
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        int count = ops(null).size();
        boolean fresh = false;
        for (int i = 0; i < count; i++) {
            for (String p : PATHS) {
                String path = fromSubdir || p.isEmpty() ? p : "w/" + p;
                if (!fresh) {
                    deleteTree(plain);
                    deleteTree(rooted);
                    makeTree(plain);
                    makeTree(rooted);
                }
                Path start = fromSubdir ? plain.resolve("w") : plain;
                int dir = Host.openat(AT_FDCWD, start.toString(), O_PATH | O_DIRECTORY, 0);
                try (RootFs fs = new RootFs(rooted.toString())) {
                    int cwd = fromSubdir ? fs.chdir(fs.rootFd(), "/w") : fs.rootFd();
                    Op op = ops(fs).get(i);
                    int expected = op.host().run(dir, path);
                    int actual = op.rootFs().run(cwd, path);
                    boolean changed = op.changes() && (expected >= 0 || actual >= 0); // failed calls change nothing
                    fresh = !changed;
                    if (cwd != fs.rootFd()) Host.close(cwd);
                    String what = op.name() + " \"" + abbreviate(path) + "\"";
                    if (expected != actual) {
                        mismatches.add(what + ": kernel " + show(expected) + ", RootFs " + show(actual));
                    } else if (changed && !snapshot(plain).equals(snapshot(rooted))) {
                        mismatches.add(what + ": trees differ " + snapshot(plain) + " vs " + snapshot(rooted));
                    }
                    cases++;
                } finally {
                    Host.close(dir);
                }
            }
        }
        assertTrue(cases > 1000, "ran " + cases);
        assertEquals(List.of(), mismatches);
    }

    static String show(int r) {
        return r < 0 ? Errno.name(r) : String.valueOf(r);
    }

    static String abbreviate(String p) {
        return p.length() > 40 ? p.substring(0, 20) + "...(" + p.length() + ")" : p;
    }

    static void deleteTree(Path t) throws IOException {
        if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(t)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
