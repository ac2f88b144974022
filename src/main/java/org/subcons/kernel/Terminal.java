package org.subcons.kernel;

import org.subcons.host.Errno;
import org.subcons.host.Host;
import org.subcons.host.Linux;

/**
 * Terminal ioctls on host descriptors. The kernel structs (termios, winsize) have the same
 * layout on x86_64 and riscv64, so they are copied through unchanged.
 */
final class Terminal {
    private static final int TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCSWINSZ = 0x5414,
            FIONREAD = 0x541b;

    private Terminal() {
    }

    static long ioctl(Task t, int fd, int request, long arg) {
        switch (request) {
            case (int) Linux.TCGETS -> {
                return out(t, fd, request, arg, Linux.SIZEOF_TERMIOS);
            }
            case (int) Linux.TIOCGWINSZ -> {
                return out(t, fd, request, arg, Linux.SIZEOF_WINSIZE);
            }
            case (int) Linux.TIOCGPGRP, FIONREAD -> {
                return out(t, fd, request, arg, 4);
            }
            case TCSETS, TCSETSW, TCSETSF -> {
                return in(t, fd, request, arg, Linux.SIZEOF_TERMIOS);
            }
            case TIOCSWINSZ -> {
                return in(t, fd, request, arg, Linux.SIZEOF_WINSIZE);
            }
            case (int) Linux.TIOCSPGRP -> {
                // Guest process groups are not host ones: accept for a terminal, as a shell expects.
                return Host.isatty(fd) == 1 ? 0 : -Errno.ENOTTY;
            }
            default -> {
                return -Errno.ENOTTY;
            }
        }
    }

    private static long out(Task t, int fd, int request, long arg, int size) {
        byte[] b = new byte[size];
        int r = Host.ioctl(fd, request & 0xffffffffL, b);
        if (r < 0) return r;
        if (request == (int) Linux.TIOCGPGRP) UserMemory.putInt(b, 0, t.process().pgid());
        return t.mem().write(arg, b) ? r : -Errno.EFAULT;
    }

    private static long in(Task t, int fd, int request, long arg, int size) {
        byte[] b = t.mem().read(arg, size);
        if (b == null) return -Errno.EFAULT;
        return Host.ioctl(fd, request & 0xffffffffL, b);
    }
}
