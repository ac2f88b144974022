package org.subcons.kernel;

import java.util.Arrays;

import org.subcons.host.Errno;

/**
 * A process's file-descriptor table: descriptor numbers to open files, with close-on-exec
 * bits. Shared by threads; copied by fork. Synchronized: threads race on it.
 */
public final class FdTable {
    private OpenFile[] files = new OpenFile[64];
    private boolean[] cloexec = new boolean[64];
    private int limit = 1024;
    /** Processes using this table (CLONE_FILES without CLONE_THREAD shares it). */
    private int users = 1;

    /** The same table, for a process created with CLONE_FILES. */
    public synchronized FdTable share() {
        users++;
        return this;
    }

    public synchronized OpenFile get(int fd) {
        return fd >= 0 && fd < files.length ? files[fd] : null;
    }

    /** Installs {@code f} at the lowest free descriptor ≥ {@code min}; -EMFILE when full. */
    public synchronized int install(OpenFile f, boolean closeOnExec, int min) {
        for (int fd = Math.max(min, 0); fd < limit; fd++) {
            if (fd >= files.length) grow(fd);
            if (files[fd] == null) {
                files[fd] = f;
                cloexec[fd] = closeOnExec;
                return fd;
            }
        }
        return -Errno.EMFILE;
    }

    /** Puts {@code f} at exactly {@code fd}, closing what was there (dup2). */
    public synchronized int installAt(int fd, OpenFile f, boolean closeOnExec) {
        if (fd < 0 || fd >= limit) return -Errno.EBADF;
        if (fd >= files.length) grow(fd);
        OpenFile old = files[fd];
        files[fd] = f;
        cloexec[fd] = closeOnExec;
        if (old != null) old.release();
        return fd;
    }

    public synchronized int close(int fd) {
        OpenFile f = get(fd);
        if (f == null) return -Errno.EBADF;
        files[fd] = null;
        cloexec[fd] = false;
        f.release();
        return 0;
    }

    public synchronized boolean closeOnExec(int fd) {
        return get(fd) != null && cloexec[fd];
    }

    public synchronized int setCloseOnExec(int fd, boolean on) {
        if (get(fd) == null) return -Errno.EBADF;
        cloexec[fd] = on;
        return 0;
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized void setLimit(int n) {
        limit = n;
    }

    /** A copy for a forked child: same open files, one more reference each. */
    public synchronized FdTable copy() {
        FdTable t = new FdTable();
        t.files = files.clone();
        t.cloexec = cloexec.clone();
        t.limit = limit;
        for (OpenFile f : t.files) if (f != null) f.retain();
        return t;
    }

    /** Closes the close-on-exec descriptors (execve). */
    public synchronized void execClose() {
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null && cloexec[fd]) close(fd);
        }
    }

    /** A process using the table is gone: the last one closes everything. */
    public synchronized void closeAll() {
        if (--users > 0) return;
        for (int fd = 0; fd < files.length; fd++) if (files[fd] != null) close(fd);
    }

    /** Open descriptors in order, for /proc/self/fd. */
    public synchronized int[] open() {
        int n = 0;
        int[] out = new int[files.length];
        for (int fd = 0; fd < files.length; fd++) if (files[fd] != null) out[n++] = fd;
        return Arrays.copyOf(out, n);
    }

    private void grow(int fd) {
        int n = Math.max(files.length * 2, fd + 1);
        files = Arrays.copyOf(files, n);
        cloexec = Arrays.copyOf(cloexec, n);
    }
}
