package org.subcons.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.subcons.elf.ElfException;
import org.subcons.elf.ElfFile;
import org.subcons.hart.Hart;
import org.subcons.host.Errno;
import org.subcons.subcon.Context;
import org.subcons.subcon.Subcontext;

/**
 * execve: a new program image for the calling process. The new image is built completely
 * before anything of the old one is given up, so a failing execve returns an error to an
 * intact caller. #! scripts run their interpreter, as Linux's binfmt_script.
 */
final class Execve {
    private static final int MAX_ARG_STRLEN = 128 * 1024, MAX_ARGS_TOTAL = 2 * 1024 * 1024, MAX_INTERP_DEPTH = 4;

    private Execve() {
    }

    /** Reads a NULL-terminated array of strings; null with err[0] set on failure. */
    static List<String> strings(Task t, long ptr, long[] err, int[] total) {
        List<String> out = new ArrayList<>();
        if (ptr == 0) return out;
        long[] ok = new long[1];
        for (int i = 0; ; i++) {
            long p = t.mem.readLong(ptr + 8L * i, ok);
            if (ok[0] == 0) {
                err[0] = -Errno.EFAULT;
                return null;
            }
            if (p == 0) return out;
            String s = t.mem.readString(p, MAX_ARG_STRLEN);
            if (s == null) {
                err[0] = t.mem.readString(p, 1 << 22) == null ? -Errno.EFAULT : -Errno.E2BIG;
                return null;
            }
            total[0] += s.length() + 1 + 8;
            if (total[0] > MAX_ARGS_TOTAL) {
                err[0] = -Errno.E2BIG;
                return null;
            }
            out.add(s);
        }
    }

    /** Runs execve for {@code t}; returns -errno, or NO_RETURN when the new image is in place. */
    static long exec(Kernel k, Task t, String path, List<String> argv, List<String> envp) {
        return exec(k, t, path, path, argv, envp, 0);
    }

    private static long exec(Kernel k, Task t, String path, String execFn, List<String> argv, List<String> envp, int depth) {
        Process p = t.proc;
        Object proc = ProcFs.execTarget(t, path);
        if (proc instanceof Integer err) return err;
        if (proc != null) path = (String) proc;
        int dir = path.startsWith("/") ? k.fs.rootFd() : p.cwdFd;
        int acc = k.fs.access(dir, path, 1 /* X_OK */, 0);
        if (acc < 0) return acc;
        Kernel.Executable exe;
        try {
            exe = k.readExecutable(p.cwdFd, path);
        } catch (ElfException e) {
            return e.exitStatus == 127 ? -Errno.ENOENT : -Errno.EACCES;
        }
        byte[] data = exe.data();
        if (data.length > 2 && data[0] == '#' && data[1] == '!') {
            if (depth >= MAX_INTERP_DEPTH) return -Errno.ELOOP;
            List<String> script = shebang(data);
            if (script == null) return -Errno.ENOEXEC;
            List<String> args = new ArrayList<>(script);
            args.add(path);
            if (argv.size() > 1) args.addAll(argv.subList(1, argv.size()));
            return exec(k, t, script.get(0), execFn, args, envp, depth + 1);
        }
        ElfFile elf;
        try {
            elf = ElfFile.parse(data, path);
        } catch (ElfException e) {
            return -Errno.ENOEXEC;
        }
        if (!k.stopOtherThreads(t)) return -Errno.EINTR;
        Context old = p.ctx;
        List<Subcontext> keep = new ArrayList<>();
        for (Subcontext s : old.attached()) {
            if (s != old.root() && (s.flags & Subcontext.KEEP_ON_EXEC) != 0) keep.add(s);
        }
        Exec.Image img;
        try {
            img = Exec.load(k.mm, elf, execFn, argv.isEmpty() ? List.of() : argv, envp, Kernel.baseName(exe.path()), keep);
        } catch (ElfException e) {
            return -Errno.ENOMEM;
        }
        // The point of no return: the new image replaces the old one; the new root takes the
        // old root's roles (grantee, target, controlled subcontexts) for the kept subcontexts.
        if (!keep.isEmpty()) k.mm.replaceRoot(old.root(), img.context().root(), keep);
        p.ctx = img.context();
        p.exe = exe.path();
        p.cmdline = List.copyOf(argv);
        p.environ = List.copyOf(envp);
        p.auxv = img.auxv();
        p.sigreturnTrampoline = img.sigreturn();
        p.fds.execClose();
        p.actions.resetForExec();
        t.setAltStack(0, 2, 0);
        t.clearChildTid = 0;
        org.subcons.hart.Upcalls.unwindAll(t.hart);       // an execve passed by a server ends its upcalls
        t.passFrame = null;
        t.hart.mmu.switchTo(p.ctx, p.ctx.root());
        if (old.removeUser()) k.mm.dispose(old);
        p.releaseVfork();
        Hart h = t.hart;
        java.util.Arrays.fill(h.x, 0);
        java.util.Arrays.fill(h.f, 0);
        h.frm = 0;
        h.fpu.flags = 0;
        h.x[2] = img.sp();
        h.pc = img.entry();
        h.mmu.clearReservation();
        return org.subcons.syscall.Syscalls.NO_RETURN;
    }

    /** The interpreter and optional argument of a #! line, or null if malformed. */
    private static List<String> shebang(byte[] data) {
        int end = 2;
        while (end < data.length && end < 256 && data[end] != '\n') end++;
        String line = new String(data, 2, end - 2, StandardCharsets.ISO_8859_1).strip();
        if (line.isEmpty()) return null;
        int sp = line.indexOf(' ');
        int tab = line.indexOf('\t');
        if (sp < 0 || (tab >= 0 && tab < sp)) sp = tab;
        List<String> out = new ArrayList<>();
        if (sp < 0) {
            out.add(line);
        } else {
            out.add(line.substring(0, sp));
            String arg = line.substring(sp + 1).strip();
            if (!arg.isEmpty()) out.add(arg);
        }
        return out;
    }
}
