package org.subcons.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.subcons.host.Errno;
import org.subcons.host.Linux;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.Vma;

/**
 * The process directories of /proc, made by the kernel: the host's /proc describes the JVM,
 * so nothing under /proc/self, /proc/thread-self or /proc/PID may come from it. For the
 * calling process: exe, cwd, fd/N (links), fd (a directory), maps, subcons, cmdline,
 * environ, auxv, stat, status; for another guest process the same except maps, subcons and
 * auxv. Anything else there is ENOENT. A listing of /proc itself shows the guest's
 * processes, not the host's. Other /proc paths (/proc/cpuinfo, ...) go to the host.
 */
public final class ProcFs {
    private ProcFs() {
    }

    /** A path inside a process directory: whose, and the entry ("" for the directory itself). */
    record Ref(Process p, String entry) {
        boolean self(Task t) {
            return p == t.proc;
        }
    }

    /** Sentinel: a path under /proc/PID of no guest process, or an entry we do not have. */
    private static final Ref ABSENT = new Ref(null, null);

    private static final List<String> ENTRIES = List.of("exe", "cwd", "fd", "maps", "subcons", "cmdline", "environ", "auxv",
            "stat", "status");
    private static final List<String> OTHERS_ENTRIES = List.of("exe", "cwd", "fd", "cmdline", "environ", "stat", "status");

    /** What {@code path} names under a process directory; null if it is not under one (the host's). */
    static Ref resolve(Task t, String path) {
        String rest;
        Process p;
        if (path.equals("/proc/self") || path.startsWith("/proc/self/")) {
            p = t.proc;
            rest = path.substring(10);
        } else if (path.equals("/proc/thread-self") || path.startsWith("/proc/thread-self/")) {
            p = t.proc;
            rest = path.substring(17);
        } else if (path.startsWith("/proc/") && path.length() > 6 && Character.isDigit(path.charAt(6))) {
            int slash = path.indexOf('/', 6);
            String num = slash < 0 ? path.substring(6) : path.substring(6, slash);
            rest = slash < 0 ? "" : path.substring(slash);
            int pid;
            try {
                pid = Integer.parseInt(num);
            } catch (NumberFormatException e) {
                return null;
            }
            p = t.kernel.process(pid);
            if (p == null && t.kernel.task(pid) != null) p = t.kernel.task(pid).proc;     // a thread id
            if (p == null) return ABSENT;
        } else {
            return null;
        }
        while (rest.startsWith("/")) rest = rest.substring(1);
        while (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        List<String> allowed = p == t.proc ? ENTRIES : OTHERS_ENTRIES;
        if (rest.isEmpty() || allowed.contains(rest) || (rest.startsWith("fd/") && rest.indexOf('/', 3) < 0)) {
            return new Ref(p, rest);
        }
        return ABSENT;
    }

    /** readlink of one of our entries: the target, or null if it is not a link (or has none). */
    static String link(Task t, Ref r) {
        Process p = r.p();
        String entry = r.entry();
        if (entry.equals("exe")) return p.exe;
        if (entry.equals("cwd")) return p.cwdFd < 0 ? null : t.kernel.fs.guestPathOf(p.cwdFd);
        if (entry.startsWith("fd/")) {
            OpenFile f = fdEntry(p, entry);
            return f == null ? null : f.path();
        }
        return null;
    }

    /**
     * Opens {@code path} if it is ours: an OpenFile, an Integer -errno, or null when the
     * host's /proc should answer.
     */
    public static Object open(Task t, String path, int flags) {
        if (path.equals("/proc") || path.equals("/proc/")) return root(t, flags);
        Ref r = resolve(t, path);
        if (r == null) return null;
        if (r == ABSENT || r.p().fds == null) return -Errno.ENOENT;
        Process p = r.p();
        String entry = r.entry();
        if (entry.startsWith("fd/")) {
            OpenFile f = fdEntry(p, entry);
            return f == null ? (Object) (-Errno.ENOENT) : f.retain();
        }
        String target = link(t, r);
        if (target != null) {
            int fd = t.kernel.fs.open(t.kernel.fs.rootFd(), target, flags, 0);
            return fd < 0 ? (Object) fd : new HostFile(fd, flags & ~Linux.O_CLOEXEC, null, t.kernel.fs, true, t.kernel.sharedObjects());
        }
        if (entry.equals("exe") || entry.equals("cwd")) return -Errno.ENOENT;
        if ((flags & Linux.O_ACCMODE) != Linux.O_RDONLY) return -Errno.EACCES;
        String base = "/proc/" + p.pid + (entry.isEmpty() ? "" : "/" + entry);
        if (entry.isEmpty() || entry.equals("fd")) return new SyntheticDir(base, listing(t, r));
        if ((flags & Linux.O_DIRECTORY) != 0) return -Errno.ENOTDIR;
        byte[] content = switch (entry) {
            case "maps" -> maps(t).getBytes(StandardCharsets.ISO_8859_1);
            case "subcons" -> subcons(t).getBytes(StandardCharsets.ISO_8859_1);
            case "cmdline" -> nulSeparated(p.cmdline);
            case "environ" -> nulSeparated(p.environ);
            case "auxv" -> p.auxv;
            case "status" -> status(p).getBytes(StandardCharsets.ISO_8859_1);
            default -> stat(p).getBytes(StandardCharsets.ISO_8859_1);
        };
        return new SyntheticFile(content, base);
    }

    /** The names in a process directory or its fd directory, with their d_type. */
    /**
     * /proc itself: the guest's processes, self and thread-self, then what the host's /proc
     * has besides its own processes (cpuinfo, meminfo, ...: those paths go to the host).
     */
    private static Object root(Task t, int flags) {
        if ((flags & Linux.O_ACCMODE) != Linux.O_RDONLY) return -Errno.EISDIR;
        List<SyntheticDir.Entry> out = new java.util.ArrayList<>();
        out.add(new SyntheticDir.Entry("self", SyntheticDir.DT_LNK));
        out.add(new SyntheticDir.Entry("thread-self", SyntheticDir.DT_LNK));
        for (int pid : t.kernel.pids()) out.add(new SyntheticDir.Entry(Integer.toString(pid), SyntheticDir.DT_DIR));
        int fd = t.kernel.fs.open(t.kernel.fs.rootFd(), "/proc", Linux.O_RDONLY | Linux.O_DIRECTORY, 0);
        if (fd >= 0) {
            byte[] buf = new byte[16384];
            for (int n; (n = org.subcons.host.Host.getdents64(fd, buf, buf.length)) > 0; ) {
                for (int off = 0; off < n; ) {
                    int reclen = (buf[off + 16] & 0xff) | (buf[off + 17] & 0xff) << 8;
                    int end = off + 19;
                    while (buf[end] != 0) end++;
                    String name = new String(buf, off + 19, end - off - 19, StandardCharsets.UTF_8);
                    boolean process = !name.isEmpty() && name.chars().allMatch(Character::isDigit);
                    if (!process && !name.equals(".") && !name.equals("..") && !name.equals("self") && !name.equals("thread-self")) {
                        out.add(new SyntheticDir.Entry(name, buf[off + 18] & 0xff));
                    }
                    off += reclen;
                }
            }
            org.subcons.host.Host.close(fd);
        }
        return new SyntheticDir("/proc", out);
    }

    private static List<SyntheticDir.Entry> listing(Task t, Ref r) {
        List<SyntheticDir.Entry> out = new java.util.ArrayList<>();
        if (r.entry().isEmpty()) {
            for (String e : r.self(t) ? ENTRIES : OTHERS_ENTRIES) {
                int type = e.equals("fd") ? SyntheticDir.DT_DIR : e.equals("exe") || e.equals("cwd") ? SyntheticDir.DT_LNK
                        : SyntheticDir.DT_REG;
                out.add(new SyntheticDir.Entry(e, type));
            }
        } else {
            for (int fd : r.p().fds.open()) out.add(new SyntheticDir.Entry(Integer.toString(fd), SyntheticDir.DT_LNK));
        }
        return out;
    }

    /** stat of one of our entries into {@code sx}: 0, -errno, or null when the path is not ours. */
    public static Integer stat(Task t, String path, boolean follow, byte[] sx) {
        Ref r = resolve(t, path);
        if (r == null) return null;
        if (r == ABSENT || r.p().fds == null) return -Errno.ENOENT;
        String entry = r.entry();
        if (entry.startsWith("fd/") && fdEntry(r.p(), entry) == null) return -Errno.ENOENT;
        String target = link(t, r);
        if (target != null && !follow) {
            StatBuf.synth(sx, Linux.S_IFLNK | 0777, path.hashCode() & 0x7fffffff, target.length(), 22);
            return 0;
        }
        if (entry.startsWith("fd/")) return fdEntry(r.p(), entry).stat(sx);
        if (target != null) return t.kernel.fs.stat(t.kernel.fs.rootFd(), target, 0, Linux.STATX_BASIC_STATS, sx);
        if (entry.equals("exe") || entry.equals("cwd")) return -Errno.ENOENT;
        boolean dir = entry.isEmpty() || entry.equals("fd");
        StatBuf.synth(sx, dir ? Linux.S_IFDIR | 0555 : Linux.S_IFREG | 0444, path.hashCode() & 0x7fffffff, 0, 22);
        return 0;
    }

    /**
     * readlink of {@code path}: the target (a String), an Integer -errno for one of ours
     * that is missing or no link, or null when the path is the host's.
     */
    public static Object readlink(Task t, String path) {
        if (path.equals("/proc/self")) return Integer.toString(t.proc.pid);
        if (path.equals("/proc/thread-self")) return t.proc.pid + "/task/" + t.tid();
        Ref r = resolve(t, path);
        if (r == null) return null;
        if (r == ABSENT || r.p().fds == null) return -Errno.ENOENT;
        if (r.entry().startsWith("fd/") && fdEntry(r.p(), r.entry()) == null) return -Errno.ENOENT;
        String target = link(t, r);
        if (target != null) return target;
        return r.entry().equals("exe") || r.entry().equals("cwd") ? -Errno.ENOENT : -Errno.EINVAL;
    }

    /**
     * What execve of {@code path} runs when it names one of our links (/proc/self/exe,
     * /proc/PID/fd/N): the target, as Linux follows them; an Integer -errno for one of ours
     * that is missing or no link; null when the path is not ours.
     */
    static Object execTarget(Task t, String path) {
        Ref r = resolve(t, path);
        if (r == null) return null;
        if (r == ABSENT || r.p().fds == null || r.entry().isEmpty()) return -Errno.ENOENT;
        String target = link(t, r);
        return target != null ? target : (Object) (-Errno.EACCES);
    }

    private static OpenFile fdEntry(Process p, String entry) {
        try {
            return p.fds == null ? null : p.fds.get(Integer.parseInt(entry.substring(3)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether the reader {@code me} may know of {@code s} in /proc/self/subcons: its own, one
     * it has rights over, controls or is controlled by. (SPEC 2: a legacy program sees the
     * others only as holes; /proc/self/maps shows only the reader's own.)
     */
    private static boolean visible(Task t, Subcontext me, Subcontext s) {
        return s == me || me.controls(s) || s.controls(me) || t.kernel.mm.rightsOf(t.proc.ctx, me, s) != 0;
    }

    static String maps(Task t) {
        Process p = t.proc;
        Subcontext me = t.principal();
        StringBuilder sb = new StringBuilder();
        for (Vma v : p.ctx.mappings()) {
            if (v.owner != me) continue;        // SPEC 2: the others are holes (see /proc/self/subcons)
            long devIno = v.backing == null ? 0 : v.backing.mapsDevIno();
            String head = String.format("%08x-%08x %s%s %08x %02x:%02x %d ", v.start, v.end, Prot.text(v.prot),
                    v.shared ? "s" : "p", v.backing == null ? 0 : v.offset, (devIno >>> 40) & 0xfff,
                    (devIno >>> 32) & 0xff, devIno & 0xffffffffL);
            sb.append(head);
            String name = v.name;       // exactly as on Linux: programs parse this
            if (!name.isEmpty()) {
                for (int pad = head.length(); pad < 73; pad++) sb.append(' ');
                sb.append(name);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * /proc/self/subcons: the context as the caller may see it: each attached subcontext it
     * may know of (its own, those it has rights over or controls) with controller, flags and
     * the caller's rights, and their mappings with owners.
     */
    static String subcons(Task t) {
        Process p = t.proc;
        org.subcons.subcon.MemoryManager mm = t.kernel.mm;
        Subcontext me = t.principal();
        StringBuilder sb = new StringBuilder();
        sb.append("current ").append(me.name).append('#').append(me.sid).append('\n');
        for (Subcontext s : p.ctx.attached()) {
            if (!visible(t, me, s)) continue;
            sb.append(String.format("subcon %s#%d controller %s#%d flags %d%s rights %s mapped %d%n", s.name, s.sid,
                    s.controller().name, s.controller().sid, s.flags, s == p.ctx.root() ? " root" : "",
                    s == me ? "rwx" : Prot.text(mm.rightsOf(p.ctx, me, s)), mm.bytesMapped(s)));
        }
        for (Vma v : p.ctx.mappings()) {
            if (!visible(t, me, v.owner)) continue;
            sb.append(String.format("%08x-%08x %s %s#%d%s%n", v.start, v.end, Prot.text(v.prot), v.owner.name,
                    v.owner.sid, v.name.isEmpty() ? "" : " " + v.name));
        }
        return sb.toString();
    }

    private static byte[] nulSeparated(List<String> strings) {
        StringBuilder sb = new StringBuilder();
        for (String a : strings) sb.append(a).append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A plausible /proc/PID/status: the lines programs look for. */
    private static String status(Process p) {
        String comm = comm(p);
        int threads;
        synchronized (p) {
            threads = p.threads.size();
        }
        int uid = org.subcons.host.Host.getuid(), gid = org.subcons.host.Host.getgid();
        return "Name:\t" + comm + "\nUmask:\t" + String.format("%04o", p.umask) + "\nState:\t"
                + (p.zombie ? "Z (zombie)" : "R (running)") + "\nTgid:\t" + p.pid + "\nPid:\t" + p.pid + "\nPPid:\t" + p.ppid()
                + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t" + gid + "\t" + gid + "\t" + gid + "\t" + gid
                + "\nThreads:\t" + threads + "\n";
    }

    private static String comm(Process p) {
        String comm = p.exe == null ? "?" : p.exe.substring(p.exe.lastIndexOf('/') + 1);
        return comm.length() > 15 ? comm.substring(0, 15) : comm;
    }

    /** A plausible /proc/PID/stat: the fields programs read (pid, comm, state, ppid, pgrp, session). */
    private static String stat(Process p) {
        String comm = comm(p);
        StringBuilder sb = new StringBuilder();
        sb.append(p.pid).append(" (").append(comm).append(") R ").append(p.ppid()).append(' ').append(p.pgid)
                .append(' ').append(p.sid);
        for (int i = 0; i < 44; i++) sb.append(" 0");
        return sb.append('\n').toString();
    }
}
