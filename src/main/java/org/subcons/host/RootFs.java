package org.subcons.host;

import java.nio.charset.StandardCharsets;
import java.util.function.IntUnaryOperator;

import static org.subcons.host.Errno.*;
import static org.subcons.host.Linux.*;

/**
 * Guest path operations confined to a host directory that is the guest's "/", with chroot
 * semantics: ".." at the root stays at the root and absolute symlinks restart at the root, so
 * no path, symlink or ".." chain reaches outside it.
 *
 * <p>Every method takes a {@code dirFd}: a host descriptor of a directory inside the root (the
 * guest's cwd, or a guest directory descriptor), from which relative paths start; absolute
 * paths start at the root whatever {@code dirFd} is. {@code AT_FDCWD} is not accepted: the guest
 * kernel passes its cwd descriptor instead. Results are as from the Linux system call of the
 * same name: a value &ge; 0, or -errno. Paths are byte strings (one char per byte).
 *
 * <p>How: the kernel's openat2 does the confined walk. From the root, RESOLVE_IN_ROOT is exactly
 * chroot. From another directory, RESOLVE_BENEATH gives the right answer for every walk that
 * stays below it, and fails with EXDEV otherwise; such a walk is redone from the root with
 * RESOLVE_IN_ROOT, prefixed by the directory's guest path. Operations then act on an O_PATH
 * descriptor of the object (with AT_EMPTY_PATH, or its /proc/self/fd link) or on the parent
 * descriptor plus a last component that the kernel does not follow, so a symlink swapped in
 * concurrently cannot lead out either.
 */
public final class RootFs implements AutoCloseable {
    private static final long IN_ROOT = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    private static final long BENEATH = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    private static final int O_TMPFILE_BIT = O_TMPFILE & ~O_DIRECTORY;
    /** open(2) ignores other flag bits, where openat2 would fail with EINVAL. */
    private static final int VALID_OPEN_FLAGS = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC
            | O_APPEND | O_NONBLOCK | O_SYNC | O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY
            | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH | O_TMPFILE;
    /** With O_PATH, open(2) drops every other flag but these. */
    private static final int O_PATH_FLAGS = O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
    /** openat2 fails with EAGAIN when a rename races a ".." step; it is safe to retry. */
    private static final int EAGAIN_RETRIES = 8;

    private final int root;
    private final String hostRoot;

    /**
     * Opens {@code hostDir} as the guest root ("/" for no confinement at all).
     *
     * @throws IllegalArgumentException if it cannot be opened as a directory, or /proc is
     *         missing: configuration errors, the only OS errors of this layer not returned as -errno
     */
    public RootFs(String hostDir) {
        root = Host.openat(AT_FDCWD, hostDir, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        if (root < 0) throw new IllegalArgumentException(hostDir + ": " + Errno.name(root));
        hostRoot = hostPath(root);
        if (hostRoot == null) {
            Host.close(root);
            throw new IllegalArgumentException("cannot read /proc/self/fd: is /proc mounted?");
        }
    }

    /** The O_PATH descriptor of the root; the guest's initial cwd may share it. */
    public int rootFd() {
        return root;
    }

    /** The root's canonical host path. */
    public String hostRoot() {
        return hostRoot;
    }

    @Override
    public void close() {
        Host.close(root);
    }

    // ---- lookup ----

    /**
     * open(2) of a guest path: the host descriptor or -errno. Flags and mode are treated as
     * open(2) does (unknown bits ignored, mode used only when creating). The host descriptor is
     * always close-on-exec and never makes a terminal the JVM's controlling one: close-on-exec
     * and controlling terminals of the guest are the guest kernel's business.
     */
    public int open(int dirFd, String path, int flags, int mode) {
        flags &= VALID_OPEN_FLAGS;
        flags = (flags & O_PATH) != 0 ? flags & O_PATH_FLAGS : flags | O_NOCTTY;
        mode = (flags & (O_CREAT | O_TMPFILE_BIT)) != 0 ? mode & 07777 : 0;
        return resolve(dirFd, path, flags | O_CLOEXEC, mode);
    }

    /**
     * A new O_PATH descriptor of the directory {@code path}, to become the guest's cwd, after
     * checking search permission as chdir(2) does.
     */
    public int chdir(int dirFd, String path) {
        int fd = resolve(dirFd, path, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        if (fd < 0) return fd;
        int r = Host.faccessat(fd, "", X_OK, AT_EMPTY_PATH | AT_EACCESS);
        if (r == 0) return fd;
        Host.close(fd);
        return r;
    }

    /**
     * The guest's absolute path of an open descriptor (its host path from /proc/self/fd less
     * the root prefix; "/" for the root), or null when it is not a path inside the root (a pipe,
     * a socket, a file outside). A deleted file keeps the kernel's " (deleted)" suffix.
     */
    public String guestPathOf(int fd) {
        String p = hostPath(fd);
        if (p == null || !p.startsWith("/")) return null;
        if (hostRoot.equals("/")) return p;
        if (p.equals(hostRoot)) return "/";
        return p.startsWith(hostRoot) && p.charAt(hostRoot.length()) == '/' ? p.substring(hostRoot.length()) : null;
    }

    /**
     * The directory holding the last component of {@code path} (an O_PATH descriptor to close)
     * and that component, or a failure with {@code fd} = -errno.
     *
     * <p>{@code name} is what the kernel's create/remove calls (mkdirat, mknodat, unlinkat,
     * renameat2, symlinkat, linkat's new path) take as their last component: one component,
     * kept with its trailing slashes so those calls apply Linux's rules for them, or "." / ".."
     * / "/" (for a path that is the root), which those calls refuse without walking. Such calls
     * never follow {@code name}, so they stay confined. Other calls must not be given it.
     *
     * @param followLastSymlink follow the last component while it is a symlink (confined, with
     *        ELOOP after {@link Linux#MAXSYMLINKS}), so that {@code name} is what it leads to
     */
    public Parent resolveParent(int dirFd, String path, boolean followLastSymlink) {
        Parent p = parentOf(dirFd, path);
        byte[] target = new byte[PATH_MAX];
        for (int hops = 0; followLastSymlink && p.ok() && !special(p.name()); hops++) {
            String last = stripTrailingSlashes(p.name());
            int n = Host.readlinkat(p.fd(), last, target);
            if (n == -EINVAL || n == -ENOENT) break; // not a symlink, or nothing there yet
            if (n >= 0 && hops == MAXSYMLINKS) n = -ELOOP;
            if (n < 0) {
                p.close();
                return new Parent(n, null);
            }
            String next = new String(target, 0, n, StandardCharsets.ISO_8859_1) + p.name().substring(last.length());
            Parent q = parentOf(p.fd(), next);
            p.close();
            p = q;
        }
        return p;
    }

    /** A parent directory descriptor and last component, see {@link #resolveParent}. */
    public record Parent(int fd, String name) implements AutoCloseable {
        public boolean ok() {
            return fd >= 0;
        }

        @Override
        public void close() {
            if (fd >= 0) Host.close(fd);
        }
    }

    // ---- create, remove, rename ----

    public int mkdir(int dirFd, String path, int mode) {
        try (Parent p = parentOf(dirFd, path)) {
            return p.ok() ? Host.mkdirat(p.fd(), p.name(), mode) : p.fd();
        }
    }

    public int mknod(int dirFd, String path, int mode, long dev) {
        try (Parent p = parentOf(dirFd, path)) {
            return p.ok() ? Host.mknodat(p.fd(), p.name(), mode, dev) : p.fd();
        }
    }

    /** unlinkat(2): flags 0 (unlink) or {@link Linux#AT_REMOVEDIR} (rmdir). */
    public int unlink(int dirFd, String path, int flags) {
        try (Parent p = parentOf(dirFd, path)) {
            return p.ok() ? Host.unlinkat(p.fd(), p.name(), flags) : p.fd();
        }
    }

    /** renameat2(2). */
    public int rename(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags) {
        try (Parent from = parentOf(oldDirFd, oldPath); Parent to = parentOf(newDirFd, newPath)) {
            if (!from.ok()) return from.fd();
            if (!to.ok()) return to.fd();
            return Host.renameat2(from.fd(), from.name(), to.fd(), to.name(), flags);
        }
    }

    /** symlinkat(2): stores {@code target} verbatim; an absolute one will resolve inside the root. */
    public int symlink(String target, int dirFd, String path) {
        try (Parent p = parentOf(dirFd, path)) {
            return p.ok() ? Host.symlinkat(target, p.fd(), p.name()) : p.fd();
        }
    }

    /** linkat(2): flags AT_SYMLINK_FOLLOW, AT_EMPTY_PATH. */
    public int link(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags) {
        if ((flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
        if (oldPath.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            // The kernel decides whether linking a descriptor is allowed (capability checks).
            try (Parent to = parentOf(newDirFd, newPath)) {
                return to.ok() ? Host.linkat(oldDirFd, "", to.fd(), to.name(), AT_EMPTY_PATH) : to.fd();
            }
        }
        int lookup = (flags & AT_SYMLINK_FOLLOW) != 0 ? 0 : AT_SYMLINK_NOFOLLOW;
        return onObject(oldDirFd, oldPath, lookup, fd -> {
            try (Parent to = parentOf(newDirFd, newPath)) {
                // The /proc link names exactly the object already found, whatever it is.
                return to.ok() ? Host.linkat(AT_FDCWD, procPath(fd), to.fd(), to.name(), AT_SYMLINK_FOLLOW) : to.fd();
            }
        });
    }

    // ---- inspect and change an object ----

    /** statx(2): flags AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT, AT_STATX_*. */
    public int stat(int dirFd, String path, int flags, int mask, byte[] statx) {
        int allowed = AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE;
        if ((flags & ~allowed) != 0 || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE) return -EINVAL;
        return onObject(dirFd, path, flags,
                fd -> Host.statx(fd, "", AT_EMPTY_PATH | (flags & AT_STATX_SYNC_TYPE), mask, statx));
    }

    /** faccessat2(2): flags AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
    public int access(int dirFd, String path, int mode, int flags) {
        if ((mode & ~(R_OK | W_OK | X_OK)) != 0) return -EINVAL;
        if ((flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
        return onObject(dirFd, path, flags,
                fd -> Host.faccessat(fd, "", mode, AT_EMPTY_PATH | (flags & AT_EACCESS)));
    }

    /** readlinkat(2) into {@code buf}: the byte count, EINVAL when the object is no symlink. */
    public int readlink(int dirFd, String path, byte[] buf) {
        if (buf.length == 0) return -EINVAL;
        if (path.isEmpty()) return Host.readlinkat(dirFd, "", buf);
        return onObject(dirFd, path, AT_SYMLINK_NOFOLLOW, fd -> {
            int n = Host.readlinkat(fd, "", buf);
            return n == -ENOENT ? -EINVAL : n; // with an empty path the kernel says ENOENT for "no symlink"
        });
    }

    /** fchmodat2(2): flags AT_SYMLINK_NOFOLLOW (EOPNOTSUPP on a symlink), AT_EMPTY_PATH. */
    public int chmod(int dirFd, String path, int mode, int flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
        return onObject(dirFd, path, flags,
                fd -> isSymlink(fd) ? -EOPNOTSUPP : Host.fchmodat(AT_FDCWD, procPath(fd), mode, 0));
    }

    /** fchownat(2): -1 keeps an id; flags AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
    public int chown(int dirFd, String path, int uid, int gid, int flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
        return onObject(dirFd, path, flags, fd -> Host.fchownat(fd, "", uid, gid, AT_EMPTY_PATH));
    }

    /**
     * utimensat(2), times as in {@link Host#utimensat}; a null {@code path} sets the times of
     * {@code dirFd} itself (futimens).
     */
    public int utimens(int dirFd, String path, long[] times, int flags) {
        if (path == null) return Host.utimensat(dirFd, null, times, flags);
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
        return onObject(dirFd, path, flags, fd -> Host.utimensat(fd, "", times, AT_EMPTY_PATH));
    }

    /** statfs(2) of a guest path; {@code out} receives struct statfs (same layout on riscv64). */
    public int statfs(int dirFd, String path, byte[] out) {
        return onObject(dirFd, path, 0, fd -> Host.fstatfs(fd, out));
    }

    // ---- internals ----

    /**
     * Runs {@code op} on an O_PATH descriptor of the object {@code path} names, following a
     * last symlink unless AT_SYMLINK_NOFOLLOW (a trailing slash still follows, as in Linux);
     * an empty path means {@code dirFd} itself with AT_EMPTY_PATH, and ENOENT without.
     */
    private int onObject(int dirFd, String path, int atFlags, IntUnaryOperator op) {
        if (path.isEmpty()) return (atFlags & AT_EMPTY_PATH) != 0 ? op.applyAsInt(dirFd) : -ENOENT;
        int nofollow = (atFlags & AT_SYMLINK_NOFOLLOW) != 0 ? O_NOFOLLOW : 0;
        int fd = resolve(dirFd, path, O_PATH | O_CLOEXEC | nofollow, 0);
        if (fd < 0) return fd;
        try {
            return op.applyAsInt(fd);
        } finally {
            Host.close(fd);
        }
    }

    /** The confined openat2 walk described in the class comment. */
    private int resolve(int dirFd, String path, int flags, int mode) {
        if (path.isEmpty()) return -ENOENT;
        if (path.length() >= PATH_MAX) return -ENAMETOOLONG;
        if (path.charAt(0) == '/' || dirFd == root) return openat2(root, path, flags, mode, IN_ROOT);
        int fd = openat2(dirFd, path, flags, mode, BENEATH);
        if (fd != -EXDEV) return fd;
        // The walk left dirFd (".." above it, or an absolute symlink): redo it from the root.
        String dir = guestPathOf(dirFd);
        if (dir == null) return -ENOENT;
        String full = dir.equals("/") ? "/" + path : dir + "/" + path;
        return full.length() >= PATH_MAX ? -ENAMETOOLONG : openat2(root, full, flags, mode, IN_ROOT);
    }

    private static int openat2(int dirFd, String path, int flags, int mode, long resolve) {
        int fd = Host.openat2(dirFd, path, flags, mode, resolve);
        for (int i = 0; fd == -EAGAIN && i < EAGAIN_RETRIES; i++) fd = Host.openat2(dirFd, path, flags, mode, resolve);
        return fd;
    }

    /** Splits {@code path} into an O_PATH descriptor of its directory and its last component. */
    private Parent parentOf(int dirFd, String path) {
        if (path.isEmpty()) return new Parent(-ENOENT, null);
        if (path.length() >= PATH_MAX) return new Parent(-ENAMETOOLONG, null);
        String last = stripTrailingSlashes(path);
        if (last.isEmpty()) return new Parent(dupCloexec(root), "/");
        int slash = last.lastIndexOf('/');
        String name = path.substring(slash + 1);
        int fd = slash < 0 ? dupCloexec(dirFd)
                : resolve(dirFd, path.substring(0, slash + 1), O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        return new Parent(fd, fd < 0 ? null : name);
    }

    private static int dupCloexec(int fd) {
        return Host.fcntl(fd, F_DUPFD_CLOEXEC, 0);
    }

    private static boolean special(String name) {
        String s = stripTrailingSlashes(name);
        return s.isEmpty() || s.equals(".") || s.equals("..");
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') end--;
        return s.substring(0, end);
    }

    private static boolean isSymlink(int fd) {
        byte[] st = new byte[SIZEOF_STATX];
        return Host.statx(fd, "", AT_EMPTY_PATH, STATX_TYPE, st) == 0 && (Statx.mode(st) & S_IFMT) == S_IFLNK;
    }

    private static String procPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    /** The host path the kernel records for {@code fd}, or null. */
    private static String hostPath(int fd) {
        byte[] buf = new byte[PATH_MAX];
        int n = Host.readlinkat(AT_FDCWD, procPath(fd), buf);
        return n < 0 ? null : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
}
