package org.subcons.kernel;

import java.nio.charset.StandardCharsets;

import org.subcons.mem.Frame;
import org.subcons.subcon.Context;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.Walk;

/**
 * The kernel's access to a task's memory for system-call arguments (Linux's uaccess). Every
 * access is checked as if made by the call's principal subcontext (SPEC section 4.5): a
 * buffer the principal could not touch itself gives EFAULT.
 */
public final class UserMemory {
    private final Walk walk = new Walk();
    private final byte[] word = new byte[8];
    private Context ctx;
    private Subcontext principal;

    public void bind(Context ctx, Subcontext principal) {
        this.ctx = ctx;
        this.principal = principal;
    }

    public Subcontext principal() {
        return principal;
    }

    public Context context() {
        return ctx;
    }

    /** Copies guest memory into {@code dst}; false if any byte is not readable by the principal. */
    public boolean read(long va, byte[] dst, int off, int len) {
        while (len > 0) {
            if (!ctx.translate(principal, va, Prot.R, walk)) return false;
            int o = (int) (va & Frame.MASK), n = Math.min(len, Frame.SIZE - o);
            System.arraycopy(walk.frame.data, o, dst, off, n);
            va += n;
            off += n;
            len -= n;
        }
        return true;
    }

    /** Copies {@code src} into guest memory; false if any byte is not writable by the principal. */
    public boolean write(long va, byte[] src, int off, int len) {
        if (len > 0 && !writable(va, len)) return false;
        while (len > 0) {
            if (!ctx.translate(principal, va, Prot.W, walk)) return false;
            Frame f = walk.frame;
            f.decoded = null;
            int o = (int) (va & Frame.MASK), n = Math.min(len, Frame.SIZE - o);
            System.arraycopy(src, off, f.data, o, n);
            va += n;
            off += n;
            len -= n;
        }
        return true;
    }

    /** Whether every page of [va, va+len) is writable by the principal (checked before writing anything). */
    public boolean writable(long va, long len) {
        long end = va + len;
        if (len < 0 || end < va) return false;
        for (long p = va & ~Frame.MASK; p < end; p += Frame.SIZE) {
            if (!ctx.translate(principal, Math.max(p, va), Prot.W, walk)) return false;
        }
        return true;
    }

    public byte[] read(long va, int len) {
        byte[] b = new byte[len];
        return read(va, b, 0, len) ? b : null;
    }

    public boolean write(long va, byte[] src) {
        return write(va, src, 0, src.length);
    }

    /** A NUL-terminated string of at most {@code max} bytes, one char per byte (paths are byte strings), or null on fault or if too long. */
    public String readString(long va, int max) {
        byte[] buf = new byte[Math.min(max, 256)];
        int n = 0;
        while (true) {
            if (!ctx.translate(principal, va + n, Prot.R, walk)) return null;
            byte[] page = walk.frame.data;
            for (int o = (int) ((va + n) & Frame.MASK); o < Frame.SIZE; o++) {
                byte c = page[o];
                if (c == 0) return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                if (n == max) return null;
                if (n == buf.length) buf = java.util.Arrays.copyOf(buf, Math.min(max, buf.length * 2));
                buf[n++] = c;
            }
        }
    }

    /**
     * Reads a path argument: 0 with {@code out[0]} set, -EFAULT, or -ENAMETOOLONG when it is
     * longer than {@code max} bytes.
     */
    public int readPath(long va, int max, String[] out) {
        String s = readString(va, max);
        if (s != null) {
            out[0] = s;
            return 0;
        }
        return readString(va, 1 << 20) == null ? -org.subcons.host.Errno.EFAULT : -org.subcons.host.Errno.ENAMETOOLONG;
    }

    public long readLong(long va, long[] ok) {
        if (!read(va, word, 0, 8)) {
            ok[0] = 0;
            return 0;
        }
        ok[0] = 1;
        return getLong(word, 0);
    }

    public boolean writeLong(long va, long v) {
        putLong(word, 0, v);
        return write(va, word, 0, 8);
    }

    public boolean writeInt(long va, int v) {
        putLong(word, 0, v);
        return write(va, word, 0, 4);
    }

    public static long getLong(byte[] b, int o) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[o + i] & 0xff);
        return v;
    }

    public static int getInt(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }

    public static void putLong(byte[] b, int o, long v) {
        for (int i = 0; i < 8; i++) b[o + i] = (byte) (v >>> (8 * i));
    }

    public static void putInt(byte[] b, int o, int v) {
        for (int i = 0; i < 4; i++) b[o + i] = (byte) (v >>> (8 * i));
    }

    public static void putShort(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }
}
