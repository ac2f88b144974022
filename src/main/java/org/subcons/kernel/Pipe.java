package org.subcons.kernel;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.subcons.host.Errno;
import org.subcons.host.Linux;

/**
 * A kernel pipe: a ring buffer between a read end and a write end, with Linux semantics:
 * reads return what is there (0 at EOF once every writer is gone), writes of at most
 * PIPE_BUF bytes are atomic, a write with no reader left raises SIGPIPE and fails with
 * EPIPE, and O_NONBLOCK gives EAGAIN. Waits are interruptible by signals.
 */
public final class Pipe {
    public static final int CAPACITY = 65536;
    public static final int PIPE_BUF = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final byte[] buf = new byte[CAPACITY];
    private final long ino;
    private int head, size;
    private int readers, writers;

    public Pipe(long ino) {
        this.ino = ino;
    }

    /** Both ends of a new pipe: [read, write]. */
    public static OpenFile[] create(long ino, int flags) {
        Pipe p = new Pipe(ino);
        int nb = flags & Linux.O_NONBLOCK;
        return new OpenFile[] {p.new End(Linux.O_RDONLY | nb, true), p.new End(Linux.O_WRONLY | nb, false)};
    }

    /** One end of the pipe, as an open file. */
    public final class End extends OpenFile {
        private final boolean reader;

        End(int flags, boolean reader) {
            super(flags);
            this.reader = reader;
            lock.lock();
            try {
                if (reader) readers++;
                else writers++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long read(Task t, byte[] b, int off, int len) {
            if (!reader) return -Errno.EBADF;
            return Pipe.this.read(t, b, off, len, nonBlocking());
        }

        @Override
        public long write(Task t, byte[] b, int off, int len) {
            if (reader) return -Errno.EBADF;
            return Pipe.this.write(t, b, off, len, nonBlocking());
        }

        @Override
        public int stat(byte[] statx) {
            StatBuf.synth(statx, Linux.S_IFIFO | 0600, ino, 0, 13);
            return 0;
        }

        @Override
        public long ioctl(Task t, int request, long arg) {
            if (request == 0x541b) {            // FIONREAD
                return t.mem().writeInt(arg, available()) ? 0 : -Errno.EFAULT;
            }
            return -Errno.ENOTTY;
        }

        @Override
        public int poll(int events) {
            lock.lock();
            try {
                int r = 0;
                if (reader) {
                    if (size > 0) r |= Linux.POLLIN;
                    if (writers == 0) r |= Linux.POLLHUP;
                } else {
                    if (readers == 0) r |= Linux.POLLERR;
                    else if (CAPACITY - size >= PIPE_BUF) r |= Linux.POLLOUT;
                }
                return r & (events | Linux.POLLHUP | Linux.POLLERR);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String path() {
            return "pipe:[" + ino + "]";
        }

        @Override
        protected void closed() {
            lock.lock();
            try {
                if (reader) readers--;
                else writers--;
                changed.signalAll();
            Poller.changed();
            } finally {
                lock.unlock();
            }
        }
    }

    int available() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    long read(Task t, byte[] b, int off, int len, boolean nonBlocking) {
        if (len == 0) return 0;
        lock.lock();
        try {
            while (size == 0) {
                if (writers == 0) return 0;
                if (nonBlocking) return -Errno.EAGAIN;
                long r = await(t);
                if (r < 0) return r;
            }
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) b[off + i] = buf[(head + i) % CAPACITY];
            head = (head + n) % CAPACITY;
            size -= n;
            changed.signalAll();
            Poller.changed();
            return n;
        } finally {
            lock.unlock();
        }
    }

    long write(Task t, byte[] b, int off, int len, boolean nonBlocking) {
        lock.lock();
        try {
            int done = 0;
            while (done < len || len == 0) {
                if (readers == 0) {
                    t.kernel().signalBrokenPipe(t);
                    return done > 0 ? done : -Errno.EPIPE;
                }
                int room = CAPACITY - size;
                // Writes of at most PIPE_BUF bytes go in whole or not at all.
                boolean fits = len - done <= PIPE_BUF ? room >= len - done : room > 0;
                if (len == 0) return 0;
                if (!fits) {
                    if (nonBlocking) return done > 0 ? done : -Errno.EAGAIN;
                    long r = await(t);
                    if (r < 0) return done > 0 ? done : r;
                    continue;
                }
                int n = Math.min(room, len - done);
                int tail = (head + size) % CAPACITY;
                for (int i = 0; i < n; i++) buf[(tail + i) % CAPACITY] = b[off + done + i];
                size += n;
                done += n;
                changed.signalAll();
            Poller.changed();
            }
            return done;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a change; -EINTR (or restart) if a signal arrives for the task. */
    private long await(Task t) {
        if (t.signalPending()) return -Errno.ERESTARTSYS;
        try {
            changed.await();         // Task.wake interrupts the host thread
        } catch (InterruptedException e) {
            // fall through: the signal check below decides
        }
        return t.signalPending() ? -Errno.ERESTARTSYS : 0;
    }
}
