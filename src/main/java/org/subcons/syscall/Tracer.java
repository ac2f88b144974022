package org.subcons.syscall;

import java.io.PrintStream;

import org.subcons.host.Errno;
import org.subcons.host.Linux;
import org.subcons.kernel.Task;

/** Formats strace-like lines for {@code --trace=syscalls}: {@code [pid N] name(args) = result}. */
final class Tracer {
    private final PrintStream out;

    Tracer(PrintStream out) {
        this.out = out;
    }

    /** The call part, formatted before the call runs (arguments may be overwritten by it). */
    String call(Task t, long nr, Syscalls.Entry e, long[] x) {
        StringBuilder sb = new StringBuilder();
        sb.append("[pid ").append(t.tid()).append("] ");
        if (e == null) {
            sb.append("syscall_").append(nr).append('(');
            for (int i = 0; i < 6; i++) sb.append(i > 0 ? ", " : "").append("0x").append(Long.toHexString(x[10 + i]));
            return sb.append(')').toString();
        }
        sb.append(e.name()).append('(');
        String spec = e.args();
        for (int i = 0; i < spec.length(); i++) {
            if (i > 0) sb.append(", ");
            arg(sb, t, spec.charAt(i), x[10 + i]);
        }
        return sb.append(')').toString();
    }

    void result(Task t, String before, Syscalls.Entry e, long r) {
        String res;
        if (r == Syscalls.NO_RETURN) res = "?";
        else if (r < 0 && r >= -4095) res = "-1 " + Errno.name((int) -r);
        else if (e != null && e.hexResult()) res = "0x" + Long.toHexString(r);
        else res = Long.toString(r);
        synchronized (out) {
            out.println(before + " = " + res);
        }
    }

    private static void arg(StringBuilder sb, Task t, char kind, long v) {
        switch (kind) {
            case 'd' -> sb.append((int) v);
            case 'l' -> sb.append(v);
            case 'u' -> sb.append(Long.toUnsignedString(v));
            case 'x' -> sb.append("0x").append(Long.toHexString(v));
            case 'p' -> sb.append(v == 0 ? "NULL" : "0x" + Long.toHexString(v));
            case 'o' -> sb.append('0').append(Long.toOctalString(v & 07777));
            case 'f' -> sb.append((int) v == Linux.AT_FDCWD ? "AT_FDCWD" : Integer.toString((int) v));
            case 'O' -> sb.append(openFlags((int) v));
            case 's' -> {
                String s = v == 0 ? null : t.mem().readString(v, 256);
                sb.append(s == null ? "0x" + Long.toHexString(v) : quote(s));
            }
            default -> sb.append(v);
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c == '\n') q.append("\\n");
            else if (c < 32) q.append(String.format("\\x%02x", (int) c));
            else q.append(c);
        }
        return q.append('"').toString();
    }

    private static String openFlags(int f) {
        StringBuilder sb = new StringBuilder(switch (f & Linux.O_ACCMODE) {
            case Linux.O_WRONLY -> "O_WRONLY";
            case Linux.O_RDWR -> "O_RDWR";
            default -> "O_RDONLY";
        });
        int[] bits = {Linux.O_CREAT, Linux.O_EXCL, Linux.O_NOCTTY, Linux.O_TRUNC, Linux.O_APPEND, Linux.O_NONBLOCK,
            Linux.O_DIRECTORY, Linux.O_NOFOLLOW, Linux.O_CLOEXEC, Linux.O_PATH};
        String[] names = {"O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_DIRECTORY",
            "O_NOFOLLOW", "O_CLOEXEC", "O_PATH"};
        for (int i = 0; i < bits.length; i++) if ((f & bits[i]) == bits[i]) sb.append('|').append(names[i]);
        return sb.toString();
    }
}
