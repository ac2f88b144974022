package org.subcons.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.subcons.host.Errno;
import org.subcons.host.Linux;
import org.subcons.subcon.Prot;
import org.subcons.subcon.Subcontext;
import org.subcons.subcon.Vma;

/**
 * The parts of /proc that describe the calling process and so cannot come from the host
 * (whose /proc describes the JVM): /proc/self (and /proc/PID, /proc/thread-self) exe,
 * maps, cmdline, auxv, environ-less stat, fd/N and cwd. Other /proc paths go to the host.
 */
public final class ProcFs {
    private ProcFs() {
    }

    /** The file under the process directory that {@code path} names, or null if it is not ours. */
    static String ownEntry(Task t, String path) {
        String rest;
        if (path.startsWith("/proc/self/")) rest = path.substring(11);
        else if (path.startsWith("/proc/thread-self/")) rest = path.substring(18);
        else if (path.startsWith("/proc/" + t.proc.pid + "/")) rest = path.substring(7 + Integer.toString(t.proc.pid).length());
        else return null;
        while (rest.endsWith("/") && rest.length() > 1) rest = rest.substring(0, rest.length() - 1);
        return switch (rest) {
            case "exe", "maps", "cmdline", "auxv", "stat", "cwd", "subcons" -> rest;
            default -> rest.startsWith("fd/") ? rest : null;
        };
    }

    /** readlink of one of our entries: the target, or null if it is not a link. */
    static String link(Task t, String entry) {
        Process p = t.proc;
        if (entry.equals("exe")) return p.exe;
        if (entry.equals("cwd")) return t.kernel.fs.guestPathOf(p.cwdFd);
        if (entry.startsWith("fd/")) {
            OpenFile f = fdEntry(p, entry);
            return f == null ? null : f.path();
        }
        return null;
    }

    /**
     * Opens {@code path} if it is one of our entries: an OpenFile, an Integer -errno, or null
     * when the path is not ours (the caller then opens it on the host).
     */
    public static Object open(Task t, String path, int flags) {
        String entry = ownEntry(t, path);
        if (entry == null) return null;
        Process p = t.proc;
        String target = link(t, entry);
        if (target != null && !entry.startsWith("fd/")) {
            int fd = t.kernel.fs.open(t.kernel.fs.rootFd(), target, flags, 0);
            return fd < 0 ? (Object) fd : new HostFile(fd, flags & ~Linux.O_CLOEXEC, null, t.kernel.fs, true);
        }
        if (entry.startsWith("fd/")) {
            OpenFile f = fdEntry(p, entry);
            return f == null ? (Object) (-Errno.ENOENT) : f.retain();
        }
        if ((flags & Linux.O_ACCMODE) != Linux.O_RDONLY) return -Errno.EACCES;
        String base = "/proc/" + p.pid + "/" + entry;
        return switch (entry) {
            case "maps" -> new SyntheticFile(maps(t).getBytes(StandardCharsets.ISO_8859_1), base);
            case "cmdline" -> new SyntheticFile(cmdline(p.cmdline), base);
            case "auxv" -> new SyntheticFile(p.auxv, base);
            case "subcons" -> new SyntheticFile(subcons(t).getBytes(StandardCharsets.ISO_8859_1), base);
            default -> new SyntheticFile(stat(p).getBytes(StandardCharsets.ISO_8859_1), base);
        };
    }

    /** stat of one of our entries into {@code sx}: 0, -errno, or null when the path is not ours. */
    public static Integer stat(Task t, String path, boolean follow, byte[] sx) {
        String entry = ownEntry(t, path);
        if (entry == null) return null;
        String target = link(t, entry);
        if (target != null && !follow) {
            StatBuf.synth(sx, Linux.S_IFLNK | 0777, path.hashCode() & 0x7fffffff, target.length(), 22);
            return 0;
        }
        if (entry.startsWith("fd/")) {
            OpenFile f = fdEntry(t.proc, entry);
            return f == null ? -Errno.ENOENT : f.stat(sx);
        }
        if (target != null) return t.kernel.fs.stat(t.kernel.fs.rootFd(), target, 0, Linux.STATX_BASIC_STATS, sx);
        StatBuf.synth(sx, Linux.S_IFREG | 0444, path.hashCode() & 0x7fffffff, 0, 22);
        return 0;
    }

    /** readlink of {@code path} if it is one of our links, else null. */
    public static String readlink(Task t, String path) {
        String entry = ownEntry(t, path);
        return entry == null ? null : link(t, entry);
    }

    private static OpenFile fdEntry(Process p, String entry) {
        try {
            return p.fds.get(Integer.parseInt(entry.substring(3)));
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

    private static byte[] cmdline(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) sb.append(a).append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A plausible /proc/PID/stat: the fields programs read (pid, comm, state, ppid, pgrp, session). */
    private static String stat(Process p) {
        String comm = p.exe == null ? "?" : p.exe.substring(p.exe.lastIndexOf('/') + 1);
        if (comm.length() > 15) comm = comm.substring(0, 15);
        StringBuilder sb = new StringBuilder();
        sb.append(p.pid).append(" (").append(comm).append(") R ").append(p.ppid()).append(' ').append(p.pgid)
                .append(' ').append(p.sid);
        for (int i = 0; i < 44; i++) sb.append(" 0");
        return sb.append('\n').toString();
    }
}
