package org.subcons.syscall;

import org.subcons.host.Errno;
import org.subcons.kernel.Kernel;
import org.subcons.kernel.OpenFile;
import org.subcons.kernel.Poller;
import org.subcons.kernel.Task;
import org.subcons.kernel.UserMemory;

/** ppoll and pselect6: waiting for several descriptors, with a signal mask for the wait. */
final class PollCalls {
    private static final short POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4;

    private PollCalls() {
    }

    static void register(Syscalls s, Kernel k) {
        s.add(73, "ppoll", "pdppu", (t, a, b, c, d, e, f) -> ppoll(t, a, (int) b, c, d, e));
        s.add(72, "pselect6", "dppppp", (t, a, b, c, d, e, f) -> pselect(t, (int) a, b, c, d, e, f));
    }

    /** A timespec argument as a System.nanoTime deadline; Long.MAX_VALUE for NULL, -1 if invalid, -2 on fault. */
    private static long deadline(Task t, long ts) {
        if (ts == 0) return Long.MAX_VALUE;
        byte[] b = t.mem().read(ts, 16);
        if (b == null) return -2;
        long sec = UserMemory.getLong(b, 0), nsec = UserMemory.getLong(b, 8);
        if (sec < 0 || nsec < 0 || nsec > 999_999_999L) return -1;
        return System.nanoTime() + Math.min(sec, 1L << 32) * 1_000_000_000L + nsec;
    }

    /** Runs a poll with an optional temporary signal mask. */
    private static long withMask(Task t, long maskPtr, long maskSize, java.util.function.LongSupplier body) {
        if (maskPtr != 0) {
            if (maskSize != 8) return -Errno.EINVAL;
            long[] ok = new long[1];
            long mask = t.mem().readLong(maskPtr, ok);
            if (ok[0] == 0) return -Errno.EFAULT;
            t.useMaskDuringWait(mask);
        }
        long r = body.getAsLong();
        if (maskPtr != 0) t.endWaitMask(r == -Errno.ERESTARTNOHAND);
        return r;
    }

    private static long ppoll(Task t, long fdsPtr, int nfds, long tsPtr, long maskPtr, long maskSize) {
        if (nfds < 0 || nfds > t.process().fds().limit()) return -Errno.EINVAL;
        long deadline = deadline(t, tsPtr);
        if (deadline == -1) return -Errno.EINVAL;
        if (deadline == -2) return -Errno.EFAULT;
        byte[] raw = t.mem().read(fdsPtr, nfds * 8);
        if (raw == null) return -Errno.EFAULT;
        OpenFile[] files = new OpenFile[nfds];
        short[] events = new short[nfds], revents = new short[nfds];
        boolean[] skip = new boolean[nfds];
        for (int i = 0; i < nfds; i++) {
            int fd = UserMemory.getInt(raw, i * 8);
            events[i] = (short) ((raw[i * 8 + 4] & 0xff) | (raw[i * 8 + 5] & 0xff) << 8);
            skip[i] = fd < 0;
            files[i] = fd < 0 ? null : t.process().fds().get(fd);
        }
        long r = withMask(t, maskPtr, maskSize, () -> {
            OpenFile[] live = files.clone();
            short[] ev = events.clone();
            for (int i = 0; i < nfds; i++) if (skip[i]) ev[i] = 0;
            long n = Poller.poll(t, live, ev, revents, deadline);
            if (n >= 0) for (int i = 0; i < nfds; i++) if (skip[i]) revents[i] = 0;
            return n < 0 ? n : count(revents);
        });
        if (r < 0) return r;
        for (int i = 0; i < nfds; i++) UserMemory.putShort(raw, i * 8 + 6, revents[i]);
        return t.mem().write(fdsPtr, raw) ? r : -Errno.EFAULT;
    }

    private static int count(short[] revents) {
        int n = 0;
        for (short r : revents) if (r != 0) n++;
        return n;
    }

    private static long pselect(Task t, int nfds, long rPtr, long wPtr, long ePtr, long tsPtr, long sigPtr) {
        if (nfds < 0 || nfds > t.process().fds().limit()) return -Errno.EINVAL;
        long deadline = deadline(t, tsPtr);
        if (deadline == -1) return -Errno.EINVAL;
        if (deadline == -2) return -Errno.EFAULT;
        int bytes = (nfds + 63) / 64 * 8;
        byte[][] sets = new byte[3][];
        long[] ptrs = {rPtr, wPtr, ePtr};
        for (int s = 0; s < 3; s++) {
            if (ptrs[s] == 0) continue;
            sets[s] = t.mem().read(ptrs[s], bytes);
            if (sets[s] == null) return -Errno.EFAULT;
        }
        long maskPtr = 0, maskSize = 0;
        if (sigPtr != 0) {
            byte[] b = t.mem().read(sigPtr, 16);
            if (b == null) return -Errno.EFAULT;
            maskPtr = UserMemory.getLong(b, 0);
            maskSize = UserMemory.getLong(b, 8);
        }
        // One poll entry per descriptor named in any set.
        int n = 0;
        int[] fdOf = new int[nfds];
        short[] events = new short[nfds];
        for (int fd = 0; fd < nfds; fd++) {
            short ev = 0;
            if (isSet(sets[0], fd)) ev |= POLLIN;
            if (isSet(sets[1], fd)) ev |= POLLOUT;
            if (isSet(sets[2], fd)) ev |= POLLPRI;
            if (ev == 0) continue;
            fdOf[n] = fd;
            events[n++] = ev;
        }
        OpenFile[] files = new OpenFile[n];
        for (int i = 0; i < n; i++) {
            files[i] = t.process().fds().get(fdOf[i]);
            if (files[i] == null) return -Errno.EBADF;
        }
        short[] revents = new short[n];
        int count = n;
        long r = withMask(t, maskPtr, maskSize, () -> Poller.poll(t, files, java.util.Arrays.copyOf(events, count), revents, deadline));
        if (r < 0) return r;
        byte[][] out = {sets[0] == null ? null : new byte[bytes], sets[1] == null ? null : new byte[bytes],
            sets[2] == null ? null : new byte[bytes]};
        int ready = 0;
        for (int i = 0; i < n; i++) {
            int fd = fdOf[i], rv = revents[i];
            if (out[0] != null && (events[i] & POLLIN) != 0 && (rv & (POLLIN | 0x18)) != 0) ready += mark(out[0], fd);
            if (out[1] != null && (events[i] & POLLOUT) != 0 && (rv & (POLLOUT | 0x8)) != 0) ready += mark(out[1], fd);
            if (out[2] != null && (events[i] & POLLPRI) != 0 && (rv & POLLPRI) != 0) ready += mark(out[2], fd);
        }
        for (int s = 0; s < 3; s++) if (out[s] != null && !t.mem().write(ptrs[s], out[s])) return -Errno.EFAULT;
        return ready;
    }

    private static boolean isSet(byte[] set, int fd) {
        return set != null && (set[fd >>> 3] & (1 << (fd & 7))) != 0;
    }

    private static int mark(byte[] set, int fd) {
        set[fd >>> 3] |= (byte) (1 << (fd & 7));
        return 1;
    }
}
