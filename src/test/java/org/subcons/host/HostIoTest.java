package org.subcons.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.subcons.host.Errno.*;
import static org.subcons.host.Linux.*;

/** Pipes, poll, eventfd, terminals, clocks and process identity. */
class HostIoTest {
    @Test void pollOnPipe() {
        int[] p = new int[2];
        assertEquals(0, Host.pipe2(p, O_CLOEXEC));
        int[] fds = {p[0], p[1]};
        short[] ev = {POLLIN, POLLOUT}, rev = new short[2];
        assertEquals(1, Host.poll(fds, ev, rev, 0), "only the write end is ready");
        assertEquals(0, rev[0]);
        assertEquals(POLLOUT, rev[1]);
        assertEquals(3, Host.write(p[1], new byte[] {1, 2, 3}, 0, 3));
        assertEquals(2, Host.poll(fds, ev, rev, 0));
        assertEquals(POLLIN, rev[0]);
        byte[] n = new byte[4];
        assertEquals(0, Host.ioctl(p[0], FIONREAD, n));
        assertEquals(3, n[0]);
        Host.close(p[1]);
        assertEquals(1, Host.poll(new int[] {p[0]}, new short[] {POLLIN}, rev, 0));
        assertEquals(POLLIN | POLLHUP, rev[0]);
        assertEquals(1, Host.poll(new int[] {999}, new short[] {POLLIN}, rev, 0));
        assertEquals(POLLNVAL, rev[0]);
        Host.close(p[0]);
    }

    @Test void readOnEmptyNonBlockingPipe() {
        int[] p = new int[2];
        assertEquals(0, Host.pipe2(p, O_NONBLOCK));
        assertEquals(-EAGAIN, Host.read(p[0], new byte[1], 0, 1));
        Host.close(p[1]);
        assertEquals(0, Host.read(p[0], new byte[1], 0, 1), "EOF");
        Host.close(p[0]);
    }

    @Test void eventfdWakesABlockedPoll() throws Exception {
        int[] p = new int[2];
        assertEquals(0, Host.pipe2(p, 0));
        int efd = Host.eventfd(0, EFD_CLOEXEC);
        assertTrue(efd >= 0, Errno.name(efd));
        short[] rev = new short[2];
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() ->
                Host.poll(new int[] {p[0], efd}, new short[] {POLLIN, POLLIN}, rev, 10_000));
        Thread.sleep(100);
        assertFalse(waiter.isDone(), "poll blocks while nothing is ready");
        assertEquals(0, Host.eventfd_write(efd, 1));
        assertEquals(1, waiter.get(5, TimeUnit.SECONDS));
        assertEquals(0, rev[0]);
        assertEquals(POLLIN, rev[1]);
        long[] v = new long[1];
        assertEquals(0, Host.eventfd_read(efd, v));
        assertEquals(1, v[0]);
        for (int fd : new int[] {efd, p[0], p[1]}) Host.close(fd);
    }

    @Test void blockedReadIsWokenByWriterFromAnotherThread() throws Exception {
        int[] p = new int[2];
        Host.pipe2(p, 0);
        byte[] b = new byte[8];
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> Host.read(p[0], b, 0, 8));
        Thread.sleep(50);
        assertEquals(2, Host.write(p[1], "hi".getBytes(StandardCharsets.US_ASCII), 0, 2));
        assertEquals(2, reader.get(5, TimeUnit.SECONDS));
        assertEquals('h', b[0]);
        Host.close(p[0]);
        Host.close(p[1]);
    }

    @Test void terminalIoctlsOnANonTerminal(@TempDir Path tmp) {
        int fd = Host.openat(AT_FDCWD, tmp.resolve("f").toString(), O_RDWR | O_CREAT, 0600);
        byte[] termios = new byte[SIZEOF_TERMIOS];
        assertEquals(-ENOTTY, Host.ioctl(fd, TCGETS, termios));
        assertEquals(-ENOTTY, Host.ioctl(fd, TIOCGWINSZ, new byte[SIZEOF_WINSIZE]));
        assertEquals(-ENOTTY, Host.isatty(fd));
        assertEquals(-EBADF, Host.isatty(-1));
        Host.close(fd);
    }

    @Test void terminalIoctlsOnAPseudoTerminal() {
        int master = Host.openat(AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC, 0);
        assumeTrue(master >= 0, "no /dev/ptmx: " + Errno.name(master));
        byte[] num = new byte[4];
        assertEquals(0, Host.ioctl(master, TIOCSPTLCK, num)); // unlock (value 0)
        assertEquals(0, Host.ioctl(master, TIOCGPTN, num));
        int slave = Host.openat(AT_FDCWD, "/dev/pts/" + Statx.u32(num, 0), O_RDWR | O_NOCTTY, 0);
        assertTrue(slave >= 0, Errno.name(slave));
        assertEquals(1, Host.isatty(slave));

        byte[] t = new byte[SIZEOF_TERMIOS];
        assertEquals(0, Host.ioctl(slave, TCGETS, t));
        int lflag = Statx.u32(t, 12);
        final int ECHO = 010;
        assertNotEquals(0, lflag & ECHO, "a fresh pty echoes");
        byte[] raw = t.clone();
        int off = lflag & ~ECHO;
        raw[12] = (byte) off; raw[13] = (byte) (off >> 8); raw[14] = (byte) (off >> 16); raw[15] = (byte) (off >> 24);
        assertEquals(0, Host.ioctl(slave, TCSETS, raw));
        byte[] again = new byte[SIZEOF_TERMIOS];
        assertEquals(0, Host.ioctl(slave, TCGETS, again));
        assertEquals(0, Statx.u32(again, 12) & ECHO);
        assertEquals(t[17 + 0], again[17 + 0], "c_cc[VINTR] at offset 17 unchanged");
        assertEquals(3, t[17], "VINTR is ^C");

        byte[] ws = {24, 0, 80, 0, 0, 0, 0, 0}; // rows, cols, xpixel, ypixel
        assertEquals(0, Host.ioctl(master, TIOCSWINSZ, ws));
        byte[] got = new byte[SIZEOF_WINSIZE];
        assertEquals(0, Host.ioctl(slave, TIOCGWINSZ, got));
        assertArrayEquals(ws, got);
        assertEquals(-ENOTTY, Host.ioctl(slave, TIOCGPGRP, new byte[4]), "not our controlling terminal");
        Host.close(slave);
        Host.close(master);
    }

    @Test void clocks() throws Exception {
        long[] a = new long[2], b = new long[2];
        assertEquals(0, Host.clock_gettime(CLOCK_MONOTONIC, a));
        Thread.sleep(20);
        assertEquals(0, Host.clock_gettime(CLOCK_MONOTONIC, b));
        assertTrue(b[0] * 1_000_000_000L + b[1] - (a[0] * 1_000_000_000L + a[1]) >= 20_000_000L);
        assertTrue(a[1] >= 0 && a[1] < 1_000_000_000L);
        assertEquals(0, Host.clock_gettime(CLOCK_REALTIME, a));
        assertTrue(Math.abs(a[0] - System.currentTimeMillis() / 1000) <= 2);
        assertEquals(0, Host.clock_getres(CLOCK_MONOTONIC, a));
        assertEquals(0, a[0]);
        assertTrue(a[1] > 0);
        assertEquals(-EINVAL, Host.clock_gettime(12345, a));
    }

    @Test void identityAndSystem() {
        assertEquals(ProcessHandle.current().pid(), Host.getpid());
        assertTrue(Host.getuid() >= 0 && Host.geteuid() >= 0 && Host.getgid() >= 0 && Host.getegid() >= 0);
        int old = Host.umask(027);
        assertEquals(027, Host.umask(old));

        byte[] u = new byte[SIZEOF_UTSNAME];
        assertEquals(0, Host.uname(u));
        assertEquals("Linux", field(u, 0));
        assertEquals(System.getProperty("os.version"), field(u, 2));
        assertEquals("x86_64", field(u, 4));

        byte[] r = new byte[64];
        assertEquals(64, Host.getrandom(r, 64, 0));
        assertFalse(java.util.Arrays.equals(r, new byte[64]));
        assertEquals(-EINVAL, Host.getrandom(r, 8, 0x80));
    }

    /** Field {@code i} of struct utsname. */
    private static String field(byte[] u, int i) {
        int end = 65 * i;
        while (u[end] != 0) end++;
        return new String(u, 65 * i, end - 65 * i, StandardCharsets.ISO_8859_1);
    }

    @Test void errnoNames() {
        assertEquals("ENOENT", Errno.name(ENOENT));
        assertEquals("ENOENT", Errno.name(-ENOENT));
        assertEquals("EOPNOTSUPP", Errno.name(ENOTSUP));
        assertEquals("EAGAIN", Errno.name(EWOULDBLOCK));
        assertEquals("ENOSYS", Errno.name(38));
        assertEquals("ETIMEDOUT", Errno.name(110));
        assertEquals("EHWPOISON", Errno.name(133));
        assertEquals("E999", Errno.name(999));
    }
}
