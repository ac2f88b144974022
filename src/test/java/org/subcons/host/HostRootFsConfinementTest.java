package org.subcons.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.subcons.host.Errno.*;
import static org.subcons.host.Linux.*;

/**
 * No guest path leaves the root: "..", absolute and relative symlinks, chains, from the root
 * and from a subdirectory cwd. Outside the root sits {@code outside/secret}; every escape
 * attempt must miss it (ENOENT) or land on the look-alike inside the root.
 */
class HostRootFsConfinementTest {
    @TempDir Path tmp;
    Path root, outside;
    RootFs fs;
    int top;

    @BeforeEach void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "SECRET");
        Files.writeString(root.resolve("x"), "inside x");
        Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve("etc"));
        link("abs", "/etc/passwd");
        link("absout", outside.resolve("secret").toString());
        link("esc", outside.toString());
        link("rel", "../../../../../../outside/secret");
        link("a/b/up", "../../..");
        link("chain1", "chain2");
        link("chain2", "/a/chain3");
        link("a/chain3", "../x");
        link("loop1", "loop2");
        link("loop2", "/loop1");
        link("dang", outside.resolve("created").toString()); // a miss would land in the temp dir
        link("dangrel", "../created2"); // a miss would land in the temp dir
        link("me", "/proc/self/root");
        fs = new RootFs(root.toString());
        top = fs.rootFd();
    }

    @AfterEach void tearDown() throws IOException {
        fs.close();
        assertEquals("SECRET", Files.readString(outside.resolve("secret")), "outside file untouched");
        try (var s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret")), s.toList(), "nothing created outside");
        }
        assertFalse(Files.exists(tmp.resolve("created2")));
        assertFalse(Files.exists(tmp.resolve("made")));
    }

    void link(String name, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(name), Path.of(target));
    }

    /** The content of the file the guest path opens, or the errno name. */
    String read(int dirFd, String path) {
        int fd = fs.open(dirFd, path, O_RDONLY, 0);
        if (fd < 0) return Errno.name(fd);
        byte[] b = new byte[100];
        int n = Host.read(fd, b, 0, b.length);
        Host.close(fd);
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    String where(int dirFd, String dirPath) {
        int fd = fs.open(dirFd, dirPath, O_PATH | O_DIRECTORY, 0);
        if (fd < 0) return Errno.name(fd);
        String p = fs.guestPathOf(fd);
        Host.close(fd);
        return p;
    }

    @Test void dotDotStopsAtTheRoot() {
        assertEquals("/", where(top, "/../../.."));
        assertEquals("/", where(top, ".."));
        assertEquals("/a", where(top, "../a/b/../../../a"));
        assertEquals("ENOENT", read(top, "../outside/secret"));
        assertEquals("ENOENT", read(top, "/../outside/secret"));
        assertEquals("inside x", read(top, "../../../../x"));
        assertEquals("inside x", read(top, "a/b/../../../x"));
        assertEquals("inside x", read(top, "/a/../../x"));
    }

    @Test void absoluteSymlinksResolveInsideTheRoot() throws IOException {
        assertTrue(Files.exists(Path.of("/etc/passwd")));
        assertEquals("ENOENT", read(top, "abs"), "ROOT/etc/passwd does not exist");
        assertEquals("ENOENT", read(top, "absout"));
        assertEquals("ENOENT", read(top, "esc/secret"));
        Files.writeString(root.resolve("etc/passwd"), "guest passwd");
        assertEquals("guest passwd", read(top, "abs"));
        assertEquals("guest passwd", read(top, "/a/b/up/abs"));
        Path lookAlike = root.resolve(outside.toString().substring(1));
        Files.createDirectories(lookAlike);
        Files.writeString(lookAlike.resolve("secret"), "look-alike");
        assertEquals("look-alike", read(top, "absout"));
        assertEquals("look-alike", read(top, "esc/secret"));
    }

    @Test void relativeSymlinksClimbingOutStopAtTheRoot() throws IOException {
        assertEquals("ENOENT", read(top, "rel"));
        Files.createDirectories(root.resolve("outside"));
        Files.writeString(root.resolve("outside/secret"), "decoy");
        assertEquals("decoy", read(top, "rel"));
        assertEquals("decoy", read(top, "a/b/up/outside/secret"));
        assertEquals("decoy", read(top, "a/b/up/../../outside/secret"));
        assertEquals("/", where(top, "a/b/up"));
    }

    @Test void chainsAndLoops() throws IOException {
        assertEquals("inside x", read(top, "chain1"));
        assertEquals("ELOOP", read(top, "loop1"));
        for (int i = 0; i <= MAXSYMLINKS; i++) link("s" + i, i == MAXSYMLINKS ? "x" : "/s" + (i + 1));
        assertEquals("inside x", read(top, "s1"), "40 links are followed");
        assertEquals("ELOOP", read(top, "s0"), "41 are not");
        assertEquals(-ELOOP, fs.resolveParent(top, "s0", true).fd());
        try (RootFs.Parent p = fs.resolveParent(top, "s1", true)) {
            assertEquals("x", p.name());
        }
    }

    @Test void fromASubdirectoryCwd() {
        int cwd = fs.chdir(top, "a/b");
        assertTrue(cwd >= 0, Errno.name(cwd));
        assertEquals("/a/b", fs.guestPathOf(cwd));
        assertEquals("inside x", read(cwd, "../../x"));
        assertEquals("inside x", read(cwd, "../../../../x"));
        assertEquals("inside x", read(cwd, "/x"));
        assertEquals("inside x", read(cwd, "up/x"));
        assertEquals("inside x", read(cwd, "../b/up/a/b/../../x"));
        assertEquals("ENOENT", read(cwd, "../../../outside/secret"));
        assertEquals("ENOENT", read(cwd, "up/../outside/secret"));
        assertEquals("ENOENT", read(cwd, "../../absout"));
        assertEquals("/", where(cwd, "../../.."));
        assertEquals("/a", where(cwd, ".."));

        assertEquals(0, fs.mkdir(cwd, "../../../made", 0755));
        assertTrue(Files.isDirectory(root.resolve("made")));
        assertEquals(0, fs.unlink(cwd, "up/made", AT_REMOVEDIR));
        int up = fs.chdir(cwd, "../../../..");
        assertEquals("/", fs.guestPathOf(up));
        Host.close(up);
        Host.close(cwd);
    }

    @Test void creatingThroughDanglingSymlinksStaysInside() throws IOException {
        assertEquals(-ENOENT, fs.open(top, "dang", O_WRONLY | O_CREAT, 0644));
        assertEquals(-ENOENT, fs.resolveParent(top, "dang", true).fd(), "its directory is not in the root");
        Path lookAlike = Files.createDirectories(root.resolve(outside.toString().substring(1)));
        int fd = fs.open(top, "dang", O_WRONLY | O_CREAT, 0644);
        assertTrue(fd >= 0, Errno.name(fd));
        Host.close(fd);
        assertTrue(Files.exists(lookAlike.resolve("created")));
        fd = fs.open(top, "a/b/up/dangrel", O_WRONLY | O_CREAT, 0644);
        assertTrue(fd >= 0, Errno.name(fd));
        Host.close(fd);
        assertTrue(Files.exists(root.resolve("created2")));

        try (RootFs.Parent p = fs.resolveParent(top, "a/b/up/dang", true)) {
            assertTrue(p.ok());
            assertEquals("created", p.name());
            assertEquals(outside.toString(), fs.guestPathOf(p.fd()));
        }
        try (RootFs.Parent p = fs.resolveParent(top, "a/b/up/dang", false)) {
            assertEquals("dang", p.name());
            assertEquals("/", fs.guestPathOf(p.fd()));
        }
    }

    @Test void everyOperationThroughAnEscapingDirectoryMisses() {
        byte[] st = new byte[SIZEOF_STATX];
        assertEquals(-ENOENT, fs.mkdir(top, "esc/new", 0755));
        assertEquals(-ENOENT, fs.mknod(top, "esc/fifo", S_IFIFO | 0600, 0));
        assertEquals(-ENOENT, fs.unlink(top, "esc/secret", 0));
        assertEquals(-ENOENT, fs.rename(top, "x", top, "esc/stolen", 0));
        assertEquals(-ENOENT, fs.rename(top, "esc/secret", top, "stolen", 0));
        assertEquals(-ENOENT, fs.symlink("t", top, "esc/l"));
        assertEquals(-ENOENT, fs.link(top, "x", top, "esc/hard", 0));
        assertEquals(-ENOENT, fs.link(top, "esc/secret", top, "hard", 0));
        assertEquals(-ENOENT, fs.link(top, "absout", top, "hard", AT_SYMLINK_FOLLOW));
        assertEquals(-ENOENT, fs.stat(top, "absout", 0, STATX_BASIC_STATS, st));
        assertEquals(-ENOENT, fs.stat(top, "esc/", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, st));
        assertEquals(-ENOENT, fs.access(top, "absout", F_OK, 0));
        assertEquals(-ENOENT, fs.chmod(top, "absout", 0777, 0));
        assertEquals(-ENOENT, fs.chown(top, "esc/secret", 0, 0, 0));
        assertEquals(-ENOENT, fs.utimens(top, "absout", null, 0));
        assertEquals(-ENOENT, fs.statfs(top, "esc/secret", new byte[SIZEOF_STATFS]));
        assertEquals(-ENOENT, fs.readlink(top, "esc/", new byte[64]));
        assertEquals(-ENOENT, fs.chdir(top, "esc"));
        assertEquals(-ENOENT, fs.open(top, "esc/new", O_WRONLY | O_CREAT, 0644));

        // Not following the link itself is fine: the link is inside.
        assertEquals(0, fs.stat(top, "absout", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, st));
        assertEquals(S_IFLNK, Statx.mode(st) & S_IFMT);
        byte[] target = new byte[200];
        int n = fs.readlink(top, "absout", target);
        assertEquals(outside.resolve("secret").toString(), new String(target, 0, n, StandardCharsets.ISO_8859_1));
        assertEquals(0, fs.link(top, "absout", top, "hardlink-to-symlink", 0));
        assertEquals(0, fs.stat(top, "hardlink-to-symlink", AT_SYMLINK_NOFOLLOW, STATX_NLINK, st));
        assertEquals(2, Statx.nlink(st));
        assertEquals(0, fs.rename(top, "esc", top, "esc2", 0));
        assertEquals(0, fs.unlink(top, "esc2", 0));
    }

    @Test void magicLinksAreNotFollowed() {
        assertEquals("ENOENT", read(top, "me/etc/passwd"), "/proc is the root's, which has none");
        try (RootFs host = new RootFs("/")) {
            int fd = host.open(host.rootFd(), "/proc/self/root/etc/passwd", O_RDONLY, 0);
            assertEquals(-ELOOP, fd);
        }
    }

    @Test void theRootItselfAsAPath() {
        assertEquals(-EEXIST, fs.mkdir(top, "/", 0755));
        assertEquals(-EBUSY, fs.unlink(top, "//", AT_REMOVEDIR));
        assertEquals(-EISDIR, fs.unlink(top, "/", 0));
        assertEquals(-EBUSY, fs.rename(top, "/", top, "r", 0));
        assertEquals(-EEXIST, fs.symlink("t", top, "/"));
        assertEquals(-ENOTEMPTY, fs.unlink(top, "/..", AT_REMOVEDIR));
        byte[] st = new byte[SIZEOF_STATX];
        assertEquals(0, fs.stat(top, "/..", 0, STATX_INO, st));
        long ino = Statx.ino(st);
        assertEquals(0, fs.stat(top, "", AT_EMPTY_PATH, STATX_INO, st));
        assertEquals(ino, Statx.ino(st));
        assertEquals(-ENOENT, fs.stat(top, "", 0, STATX_INO, st));
    }

    @Test void hostRootMeansNoConfinement() throws IOException {
        try (RootFs host = new RootFs("/")) {
            assertEquals("/", host.hostRoot());
            int fd = host.open(host.rootFd(), root.resolve("x").toString(), O_RDONLY, 0);
            assertTrue(fd >= 0);
            assertEquals(root.resolve("x").toString(), host.guestPathOf(fd));
            Host.close(fd);
        }
        assertThrows(IllegalArgumentException.class, () -> new RootFs(tmp.resolve("missing").toString()));
        int[] p = new int[2];
        Host.pipe2(p, 0);
        assertNull(fs.guestPathOf(p[0]), "a pipe has no path");
        Host.close(p[0]);
        Host.close(p[1]);
        int outsideFd = Host.openat(AT_FDCWD, outside.toString(), O_PATH, 0);
        assertNull(fs.guestPathOf(outsideFd));
        Host.close(outsideFd);
    }

    @Test void pathLimits() {
        String longName = "n".repeat(NAME_MAX + 1);
        assertEquals(-ENAMETOOLONG, fs.open(top, longName, O_RDONLY, 0));
        assertEquals(-ENAMETOOLONG, fs.mkdir(top, longName, 0755));
        String longPath = "a/".repeat(PATH_MAX / 2);
        assertEquals(-ENAMETOOLONG, fs.open(top, longPath, O_RDONLY, 0));
        assertEquals(-ENAMETOOLONG, fs.mkdir(top, longPath + "z", 0755));
        assertEquals(-ENAMETOOLONG, fs.resolveParent(top, longPath, false).fd());
        assertEquals(-ENOENT, fs.open(top, "", O_RDONLY, 0));
        assertEquals(-ENOENT, fs.mkdir(top, "", 0755));
        assertEquals(-ENOENT, fs.chdir(top, ""));
        assertEquals(-ENOTDIR, fs.chdir(top, "x"));
    }

    @Test void swappingASymlinkDuringLookupsNeverLeaks() throws Exception {
        Files.createDirectories(root.resolve("inner"));
        Files.writeString(root.resolve("inner/secret"), "inner");
        link("flip", "inner");
        Object secretMode = Files.getAttribute(outside.resolve("secret"), "unix:mode");
        assertNotEquals(0100600, secretMode);
        Thread flipper = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 2000; i++) {
                fs.unlink(top, "flip", 0);
                fs.symlink(i % 2 == 0 ? outside.toString() : "inner", top, "flip");
            }
        });
        byte[] st = new byte[SIZEOF_STATX];
        while (flipper.isAlive()) {
            String r = read(top, "flip/secret");
            assertTrue(r.equals("inner") || r.equals("ENOENT"), r);
            int n = fs.stat(top, "flip/secret", 0, STATX_SIZE, st);
            assertTrue(n == -ENOENT || Statx.size(st) == 5, "size " + Statx.size(st));
            n = fs.chmod(top, "flip/secret", 0600, 0);
            assertTrue(n == 0 || n == -ENOENT, Errno.name(n));
        }
        flipper.join();
        assertEquals(secretMode, Files.getAttribute(outside.resolve("secret"), "unix:mode"), "chmod missed it");
    }

    @Test void noDescriptorLeaks() throws IOException {
        long before = openDescriptors();
        byte[] st = new byte[SIZEOF_STATX], buf = new byte[64];
        for (int i = 0; i < 50; i++) {
            int cwd = fs.chdir(top, "a/b");
            fs.stat(cwd, "../../x", 0, STATX_BASIC_STATS, st);
            fs.stat(cwd, "missing", 0, STATX_BASIC_STATS, st);
            fs.readlink(top, "abs", buf);
            fs.readlink(top, "x", buf);
            fs.mkdir(cwd, "../../../m", 0755);
            fs.rename(top, "m", cwd, "m2", 0);
            fs.link(top, "x", top, "hl", AT_SYMLINK_FOLLOW);
            fs.unlink(top, "hl", 0);
            fs.unlink(cwd, "m2", AT_REMOVEDIR);
            fs.chmod(top, "x", 0644, 0);
            fs.access(top, "esc/secret", F_OK, 0);
            fs.resolveParent(top, "s0-missing/x", true).close();
            fs.resolveParent(top, "chain1", true).close();
            Host.close(cwd);
        }
        assertEquals(before, openDescriptors());
    }

    static long openDescriptors() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
