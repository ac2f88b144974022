package org.subcons.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.subcons.host.Errno.*;
import static org.subcons.host.Linux.*;

/** Host file and directory bindings against real files in a temporary directory. */
class HostFileTest {
    @TempDir Path tmp;
    int dir;

    @BeforeEach void openDir() {
        dir = Host.openat(AT_FDCWD, tmp.toString(), O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        assertTrue(dir >= 0, Errno.name(dir));
    }

    @AfterEach void closeDir() {
        assertEquals(0, Host.close(dir));
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    @Test void writeReadSeekPread() throws Exception {
        int fd = Host.openat(dir, "f", O_RDWR | O_CREAT | O_EXCL, 0640);
        assertTrue(fd >= 0, Errno.name(fd));
        byte[] data = bytes("hello, world");
        assertEquals(12, Host.write(fd, data, 0, 12));
        assertEquals(12, Host.lseek(fd, 0, SEEK_CUR));
        assertEquals(0, Host.lseek(fd, 0, SEEK_SET));
        byte[] b = new byte[20];
        assertEquals(5, Host.read(fd, b, 3, 5));
        assertEquals("hello", new String(b, 3, 5, StandardCharsets.ISO_8859_1));
        assertEquals(5, Host.pread(fd, b, 0, 5, 7));
        assertEquals("world", new String(b, 0, 5, StandardCharsets.ISO_8859_1));
        assertEquals(5, Host.lseek(fd, 0, SEEK_CUR), "pread does not move the offset");
        assertEquals(3, Host.pwrite(fd, bytes("XYZ"), 0, 3, 20));
        assertEquals(0, Host.read(fd, b, 0, 0));
        assertEquals(0, Host.ftruncate(fd, 8));
        assertEquals(0, Host.fsync(fd));
        assertEquals(0, Host.fdatasync(fd));
        assertEquals(0, Host.close(fd));
        assertEquals("hello, w", Files.readString(tmp.resolve("f")));
        assertEquals(-EBADF, Host.close(fd));
        assertEquals(-EBADF, Host.read(fd, b, 0, 1));
    }

    @Test void largeTransferGoesThroughTemporaryScratch() throws Exception {
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        int fd = Host.openat(dir, "big", O_RDWR | O_CREAT, 0600);
        assertEquals(big.length, Host.write(fd, big, 0, big.length));
        byte[] back = new byte[big.length];
        assertEquals(big.length, Host.pread(fd, back, 0, back.length, 0));
        assertArrayEquals(big, back);
        Host.close(fd);
    }

    @Test void statxFields() throws Exception {
        Path p = tmp.resolve("s");
        Files.write(p, new byte[1234]);
        byte[] st = new byte[SIZEOF_STATX];
        assertEquals(0, Host.statx(dir, "s", 0, STATX_BASIC_STATS, st));
        assertEquals(1234, Statx.size(st));
        assertEquals(S_IFREG, Statx.mode(st) & S_IFMT);
        assertEquals(((Number) Files.getAttribute(p, "unix:ino")).longValue(), Statx.ino(st));
        assertEquals(((Number) Files.getAttribute(p, "unix:mode")).intValue(), Statx.mode(st));
        assertEquals(1, Statx.nlink(st));
        assertEquals(Host.geteuid(), Statx.uid(st));
        assertEquals(Files.getLastModifiedTime(p).toInstant().getEpochSecond(), Statx.sec(st, Statx.MTIME));

        int fd = Host.openat(dir, "s", O_RDONLY, 0);
        assertEquals(0, Host.fchmod(fd, 0604));
        assertEquals(0, Host.statx(fd, "", AT_EMPTY_PATH, STATX_MODE, st));
        assertEquals(S_IFREG | 0604, Statx.mode(st));
        Host.close(fd);

        assertEquals(0, Host.statx(dir, "", AT_EMPTY_PATH, STATX_TYPE, st));
        assertEquals(S_IFDIR, Statx.mode(st) & S_IFMT);
        assertEquals(-ENOENT, Host.statx(dir, "", 0, STATX_TYPE, st));
        assertEquals(-ENOENT, Host.statx(dir, "missing", 0, STATX_TYPE, st));
    }

    @Test void getdentsListsExactlyTheEntries() throws Exception {
        Files.createFile(tmp.resolve("a"));
        Files.createDirectory(tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("c"), Path.of("nowhere"));
        int fd = Host.openat(dir, ".", O_RDONLY | O_DIRECTORY, 0);
        assertTrue(fd >= 0);
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        byte[] buf = new byte[64]; // small: forces several calls
        int n;
        while ((n = Host.getdents64(fd, buf, buf.length)) > 0) {
            for (int off = 0; off < n; ) {
                int reclen = (buf[off + 16] & 0xff) | (buf[off + 17] & 0xff) << 8;
                int end = off + 19;
                while (buf[end] != 0) end++;
                names.add(new String(buf, off + 19, end - off - 19, StandardCharsets.ISO_8859_1));
                types.add((int) buf[off + 18]);
                off += reclen;
            }
        }
        assertEquals(0, n);
        Host.close(fd);
        assertEquals(List.of(".", "..", "a", "b", "c"), names.stream().sorted().toList());
        assertEquals(8, types.get(names.indexOf("a")));  // DT_REG
        assertEquals(4, types.get(names.indexOf("b")));  // DT_DIR
        assertEquals(10, types.get(names.indexOf("c"))); // DT_LNK
        assertEquals(-EBADF, Host.getdents64(dir, buf, buf.length), "O_PATH descriptors cannot be read");
        fd = Host.openat(dir, ".", O_RDONLY | O_DIRECTORY, 0);
        assertEquals(-EINVAL, Host.getdents64(fd, buf, 8), "buffer smaller than one record");
        Host.close(fd);
    }

    @Test void directoryOperations() throws Exception {
        assertEquals(0, Host.mkdirat(dir, "d", 0755));
        assertEquals(-EEXIST, Host.mkdirat(dir, "d", 0755));
        assertTrue(Files.isDirectory(tmp.resolve("d")));
        Files.writeString(tmp.resolve("d/x"), "x");
        assertEquals(-ENOTEMPTY, Host.unlinkat(dir, "d", AT_REMOVEDIR));
        assertEquals(-EISDIR, Host.unlinkat(dir, "d", 0));
        assertEquals(-ENOTDIR, Host.unlinkat(dir, "d/x", AT_REMOVEDIR));

        assertEquals(0, Host.renameat2(dir, "d/x", dir, "y", 0));
        assertTrue(Files.exists(tmp.resolve("y")));
        Files.writeString(tmp.resolve("z"), "z");
        assertEquals(-EEXIST, Host.renameat2(dir, "y", dir, "z", RENAME_NOREPLACE));
        assertEquals(0, Host.renameat2(dir, "y", dir, "z", RENAME_EXCHANGE));
        assertEquals("z", Files.readString(tmp.resolve("y")));

        assertEquals(0, Host.linkat(dir, "y", dir, "y2", 0));
        byte[] st = new byte[SIZEOF_STATX];
        assertEquals(0, Host.statx(dir, "y2", 0, STATX_NLINK, st));
        assertEquals(2, Statx.nlink(st));

        assertEquals(0, Host.symlinkat("y", dir, "ly"));
        byte[] target = new byte[100];
        assertEquals(1, Host.readlinkat(dir, "ly", target));
        assertEquals('y', target[0]);
        assertEquals(-EINVAL, Host.readlinkat(dir, "y", target));
        assertEquals(0, Host.statx(dir, "ly", AT_SYMLINK_NOFOLLOW, STATX_TYPE, st));
        assertEquals(S_IFLNK, Statx.mode(st) & S_IFMT);

        assertEquals(0, Host.faccessat(dir, "y", R_OK, 0));
        assertEquals(-ENOENT, Host.faccessat(dir, "nope", F_OK, 0));
        assertEquals(0, Host.fchmodat(dir, "y", 0600, 0));
        assertEquals(-EOPNOTSUPP, Host.fchmodat(dir, "ly", 0600, AT_SYMLINK_NOFOLLOW));
        assertEquals(0, Host.fchownat(dir, "ly", -1, -1, AT_SYMLINK_NOFOLLOW));

        assertEquals(0, Host.utimensat(dir, "y", new long[] {1000, 5, 2000, 7}, 0));
        assertEquals(0, Host.statx(dir, "y", 0, STATX_ATIME | STATX_MTIME, st));
        assertEquals(1000, Statx.sec(st, Statx.ATIME));
        assertEquals(2000, Statx.sec(st, Statx.MTIME));
        assertEquals(7, Statx.nsec(st, Statx.MTIME));
        int fd = Host.openat(dir, "y", O_RDONLY, 0);
        assertEquals(0, Host.utimensat(fd, null, new long[] {0, UTIME_OMIT, 3000, 0}, 0));
        Host.close(fd);
        assertEquals(0, Host.statx(dir, "y", 0, STATX_ATIME | STATX_MTIME, st));
        assertEquals(1000, Statx.sec(st, Statx.ATIME));
        assertEquals(3000, Statx.sec(st, Statx.MTIME));

        assertEquals(0, Host.mknodat(dir, "fifo", S_IFIFO | 0600, 0));
        assertEquals(0, Host.statx(dir, "fifo", 0, STATX_TYPE, st));
        assertEquals(S_IFIFO, Statx.mode(st) & S_IFMT);

        assertEquals(0, Host.unlinkat(dir, "y2", 0));
        assertEquals(0, Host.unlinkat(dir, "d", AT_REMOVEDIR));
        assertEquals(-ENOENT, Host.unlinkat(dir, "d", AT_REMOVEDIR));
    }

    @Test void errnoValues() throws Exception {
        Files.writeString(tmp.resolve("file"), "f");
        Files.createDirectory(tmp.resolve("dir"));
        Files.createSymbolicLink(tmp.resolve("loop"), Path.of("loop"));
        assertEquals(-ENOENT, Host.openat(dir, "missing", O_RDONLY, 0));
        assertEquals(-ENOENT, Host.openat(dir, "", O_RDONLY, 0));
        assertEquals(-EEXIST, Host.openat(dir, "file", O_CREAT | O_EXCL | O_WRONLY, 0600));
        assertEquals(-ENOTDIR, Host.openat(dir, "file/x", O_RDONLY, 0));
        assertEquals(-ENOTDIR, Host.openat(dir, "file/", O_RDONLY, 0));
        assertEquals(-EISDIR, Host.openat(dir, "dir", O_WRONLY, 0));
        assertEquals(-ELOOP, Host.openat(dir, "loop", O_RDONLY, 0));
        Files.createSymbolicLink(tmp.resolve("lf"), Path.of("file"));
        assertEquals(-ELOOP, Host.openat(dir, "lf", O_RDONLY | O_NOFOLLOW, 0));
        assertEquals(-ENAMETOOLONG, Host.openat(dir, "n".repeat(NAME_MAX + 1), O_RDONLY, 0));
        assertEquals(-ENAMETOOLONG, Host.openat(dir, "a/".repeat(PATH_MAX / 2 + 1), O_RDONLY, 0));
        assertEquals(-EBADF, Host.openat(12345, "x", O_RDONLY, 0));
        assertEquals(-EINVAL, Host.openat2(dir, "file", O_RDONLY, 0644, 0));
    }

    @Test void fcntlAndDup() {
        int fd = Host.openat(dir, "f", O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        assertEquals(FD_CLOEXEC, Host.fcntl(fd, F_GETFD, 0));
        assertEquals(O_RDWR | O_APPEND | O_LARGEFILE, Host.fcntl(fd, F_GETFL, 0));
        int d = Host.dup(fd);
        assertTrue(d > fd);
        assertEquals(0, Host.fcntl(d, F_GETFD, 0));
        int d2 = Host.fcntl(fd, F_DUPFD_CLOEXEC, 100);
        assertTrue(d2 >= 100);
        byte[] lock = new byte[SIZEOF_FLOCK]; // {short type, short whence, long start, long len, int pid}
        lock[0] = 1; // F_WRLCK
        assertEquals(0, Host.fcntl(fd, F_OFD_GETLK, lock));
        assertEquals(2, lock[0], "F_UNLCK: nothing holds a lock");
        assertEquals(-EBADF, Host.dup(-1));
        for (int x : new int[] {fd, d, d2}) assertEquals(0, Host.close(x));
    }

    @Test void statfsSameThroughPathAndFd() {
        byte[] a = new byte[SIZEOF_STATFS], b = new byte[SIZEOF_STATFS];
        assertEquals(0, Host.statfs(tmp.toString(), a));
        assertEquals(0, Host.fstatfs(dir, b));
        long type = Statx.u64(a, 0), bsize = Statx.u64(a, 8), namelen = Statx.u64(a, 64);
        assertNotEquals(0, type);
        assertTrue(bsize > 0);
        assertEquals(NAME_MAX, namelen);
        assertEquals(type, Statx.u64(b, 0));
        assertEquals(-ENOENT, Host.statfs(tmp.resolve("missing").toString(), a));
    }
}
