package org.subcons.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.subcons.host.Errno;
import org.subcons.host.Linux;

/**
 * A guest stdin, stdout or stderr connected to Java streams instead of host descriptors:
 * how tests and embedders run a guest in-process. It behaves like a pipe (not a terminal).
 */
public final class StreamFile extends OpenFile {
    private final InputStream in;
    private final OutputStream out;
    private final String name;

    public StreamFile(InputStream in, OutputStream out, String name) {
        super(in != null ? Linux.O_RDONLY : Linux.O_WRONLY);
        this.in = in;
        this.out = out;
        this.name = name;
    }

    @Override
    public long read(Task t, byte[] b, int off, int len) {
        if (in == null) return -Errno.EBADF;
        try {
            int n = in.read(b, off, len);
            return n < 0 ? 0 : n;
        } catch (IOException e) {
            return -Errno.EIO;
        }
    }

    @Override
    public long write(Task t, byte[] b, int off, int len) {
        if (out == null) return -Errno.EBADF;
        try {
            out.write(b, off, len);
            out.flush();
            return len;
        } catch (IOException e) {
            return -Errno.EPIPE;
        }
    }

    @Override
    public int stat(byte[] statx) {
        StatBuf.synth(statx, Linux.S_IFIFO | 0600, System.identityHashCode(this), 0, 12);
        return 0;
    }

    @Override
    public String path() {
        return "pipe:[" + name + "]";
    }
}
