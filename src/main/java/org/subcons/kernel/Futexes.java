package org.subcons.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.subcons.host.Errno;
import org.subcons.mem.Frame;
import org.subcons.subcon.Context;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Vma;
import org.subcons.subcon.Walk;

/**
 * The futex table: waiters keyed as Linux keys them, by (context, address) for private
 * memory and by (frame, offset) for shared mappings and pages of subcontexts shared between
 * processes (SC_SHARE_ON_FORK, or attached to several contexts), so processes sharing memory meet on
 * the same key. Checking the value and queueing happen under the table's lock, so a wake
 * can never slip between them.
 */
public final class Futexes {
    /** A waiting task. {@code woken} is set, under the lock, by whoever wakes it. */
    private static final class Waiter {
        final Task task;
        Object key;
        final int bitset;
        volatile boolean woken;

        Waiter(Task task, Object key, int bitset) {
            this.task = task;
            this.key = key;
            this.bitset = bitset;
        }
    }

    private record PrivateKey(Context context, long addr) {
    }

    private record SharedKey(Frame frame, int offset) {
    }

    private final Map<Object, List<Waiter>> queues = new HashMap<>();

    /** The key of the futex word at {@code addr}, or null if it is not a readable aligned word. */
    Object key(Task t, long addr, boolean privateFlag) {
        if ((addr & 3) != 0) return null;
        Context ctx = t.proc.ctx;
        Walk w = new Walk();
        if (!ctx.translate(t.mem.principal(), addr, Prot.R, w)) return null;
        Vma v = ctx.vmaAt(addr);
        if (!privateFlag && v != null && (v.shared || v.owner.sharedAcrossProcesses())) {
            return new SharedKey(w.frame, (int) (addr & Frame.MASK));
        }
        return new PrivateKey(ctx, addr);
    }

    /**
     * FUTEX_WAIT: sleeps while *addr == val until woken (0), the deadline passes (-ETIMEDOUT),
     * or a signal comes (-ERESTARTSYS); -EAGAIN if the value differs.
     *
     * @param deadline System.nanoTime deadline, or Long.MAX_VALUE
     */
    public long await(Task t, long addr, int val, int bitset, long deadline, boolean privateFlag) {
        if (bitset == 0) return -Errno.EINVAL;
        Object key = key(t, addr, privateFlag);
        if (key == null) return (addr & 3) != 0 ? -Errno.EINVAL : -Errno.EFAULT;
        Waiter me = new Waiter(t, key, bitset);
        synchronized (this) {
            byte[] b = t.mem.read(addr, 4);
            if (b == null) return -Errno.EFAULT;
            if (UserMemory.getInt(b, 0) != val) return -Errno.EAGAIN;
            queues.computeIfAbsent(key, k -> new ArrayList<>()).add(me);
        }
        while (!me.woken) {
            if (t.signalPending()) break;
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            LockSupport.parkNanos(this, deadline == Long.MAX_VALUE ? Long.MAX_VALUE : left);
            Thread.interrupted();
        }
        synchronized (this) {
            if (me.woken) return 0;
            List<Waiter> q = queues.get(me.key);
            if (q != null) {
                q.remove(me);
                if (q.isEmpty()) queues.remove(me.key);
            }
        }
        return t.signalPending() ? -Errno.ERESTARTSYS : -Errno.ETIMEDOUT;
    }

    /** FUTEX_WAKE: wakes up to {@code n} waiters whose bitset meets {@code bitset}. */
    public long wake(Task t, long addr, int n, int bitset, boolean privateFlag) {
        if (bitset == 0) return -Errno.EINVAL;
        Object key = key(t, addr, privateFlag);
        if (key == null) return (addr & 3) != 0 ? -Errno.EINVAL : -Errno.EFAULT;
        synchronized (this) {
            return wakeLocked(key, n, bitset);
        }
    }

    private int wakeLocked(Object key, int n, int bitset) {
        List<Waiter> q = queues.get(key);
        if (q == null) return 0;
        int woken = 0;
        for (Iterator<Waiter> it = q.iterator(); it.hasNext() && woken < n; ) {
            Waiter w = it.next();
            if ((w.bitset & bitset) == 0) continue;
            it.remove();
            w.woken = true;
            LockSupport.unpark(w.task.host);
            woken++;
        }
        if (q.isEmpty()) queues.remove(key);
        return woken;
    }

    /** FUTEX_REQUEUE / CMP_REQUEUE: wake {@code n}, move up to {@code moveMax} others to addr2. */
    public long requeue(Task t, long addr, int n, int moveMax, long addr2, boolean compare, int expect, boolean privateFlag) {
        if (n < 0 || moveMax < 0) return -Errno.EINVAL;
        Object from = key(t, addr, privateFlag), to = key(t, addr2, privateFlag);
        if (from == null || to == null) return -Errno.EFAULT;
        synchronized (this) {
            if (compare) {
                byte[] b = t.mem.read(addr, 4);
                if (b == null) return -Errno.EFAULT;
                if (UserMemory.getInt(b, 0) != expect) return -Errno.EAGAIN;
            }
            int done = wakeLocked(from, n, -1);
            List<Waiter> q = queues.get(from);
            int moved = 0;
            if (q != null && !from.equals(to)) {
                List<Waiter> dst = queues.computeIfAbsent(to, k -> new ArrayList<>());
                for (Iterator<Waiter> it = q.iterator(); it.hasNext() && moved < moveMax; moved++) {
                    Waiter w = it.next();
                    it.remove();
                    w.key = to;
                    dst.add(w);
                }
                if (q.isEmpty()) queues.remove(from);
            }
            return done + moved;
        }
    }

    /**
     * FUTEX_WAKE_OP: *addr2 = op(*addr2, oparg), wake {@code n} on addr, and {@code n2} on
     * addr2 if the old value passes the comparison (Linux's encoding of {@code val3}).
     */
    public long wakeOp(Task t, long addr, int n, int n2, long addr2, int val3, boolean privateFlag) {
        Object k1 = key(t, addr, privateFlag), k2 = key(t, addr2, privateFlag);
        if (k1 == null || k2 == null) return -Errno.EFAULT;
        int op = (val3 >>> 28) & 7, cmp = (val3 >>> 24) & 15;
        int oparg = (val3 << 8) >> 20, cmparg = (val3 << 20) >> 20;
        if ((val3 >>> 31) != 0) oparg = 1 << (oparg & 31);      // FUTEX_OP_OPARG_SHIFT
        synchronized (this) {
            byte[] b = t.mem.read(addr2, 4);
            if (b == null) return -Errno.EFAULT;
            int old = UserMemory.getInt(b, 0);
            int nv = switch (op) {
                case 0 -> oparg;
                case 1 -> old + oparg;
                case 2 -> old | oparg;
                case 3 -> old & ~oparg;
                case 4 -> old ^ oparg;
                default -> Integer.MIN_VALUE;
            };
            if (op > 4) return -Errno.ENOSYS;
            UserMemory.putInt(b, 0, nv);
            if (!t.mem.write(addr2, b)) return -Errno.EFAULT;
            int r = wakeLocked(k1, n, -1);
            boolean pass = switch (cmp) {
                case 0 -> old == cmparg;
                case 1 -> old != cmparg;
                case 2 -> old < cmparg;
                case 3 -> old <= cmparg;
                case 4 -> old > cmparg;
                case 5 -> old >= cmparg;
                default -> false;
            };
            if (pass) r += wakeLocked(k2, n2, -1);
            return r;
        }
    }
}
