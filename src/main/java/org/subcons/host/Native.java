package org.subcons.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The FFM plumbing behind {@link Host}: libc downcall handles that capture errno, and a
 * per-thread call frame holding the errno capture slot and bump-allocated scratch memory.
 *
 * <p>A binding looks like:
 * <pre>{@code
 * try (Native f = Native.frame()) {
 *     return f.ret((int) CLOSE.invokeExact(f.errno, fd));
 * } catch (Throwable t) { throw Native.unexpected(t); }
 * }</pre>
 * Java arrays are copied through off-heap scratch memory rather than passed as heap segments,
 * so a call that blocks (read on a pipe, poll) never pins the GC.
 */
final class Native implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /**
     * A handle for libc's {@code name}. Its first parameter is the errno capture segment
     * ({@link #errno}); {@code variadicFrom} is the index of the first variadic C argument, or -1.
     */
    @SuppressWarnings("restricted") // native access is enabled for the whole program
    static MethodHandle function(String name, int variadicFrom, MemoryLayout result, MemoryLayout... args) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
        Linker.Option capture = Linker.Option.captureCallState("errno");
        Linker.Option[] options = variadicFrom < 0
                ? new Linker.Option[] {capture}
                : new Linker.Option[] {capture, Linker.Option.firstVariadicArg(variadicFrom)};
        return LINKER.downcallHandle(symbol, FunctionDescriptor.of(result, args), options);
    }

    static MethodHandle function(String name, MemoryLayout result, MemoryLayout... args) {
        return function(name, -1, result, args);
    }

    /** Turns what a downcall threw (only JVM errors, in practice) into an unchecked throwable. */
    static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    // ---- per-thread call frame ----

    private static final ThreadLocal<Native> FRAME = ThreadLocal.withInitial(Native::new);
    /** Scratch kept per thread between calls; bigger requests get memory freed when the call ends. */
    private static final long KEEP = 1 << 20;

    /** Where the downcall stores errno; pass as the first argument of every handle. */
    final MemorySegment errno = Arena.ofAuto().allocate(CAPTURE);
    private MemorySegment block = Arena.ofAuto().allocate(4096, 16);
    private long used;
    private Arena large;

    private Native() {}

    /** This thread's frame, with its scratch memory free again. Close it when the call is done. */
    static Native frame() {
        Native f = FRAME.get();
        f.used = 0;
        return f;
    }

    /** Scratch memory valid until the frame is closed (contents undefined). */
    MemorySegment alloc(long size) {
        long need = (size + 15) & ~15L;
        if (used + need > block.byteSize()) {
            if (need > KEEP) {
                if (large == null) large = Arena.ofConfined();
                return large.allocate(size, 16);
            }
            // Slices handed out earlier keep the old block alive until they are dropped.
            block = Arena.ofAuto().allocate(Math.min(KEEP, Math.max(2 * block.byteSize(), need)), 16);
            used = 0;
        }
        MemorySegment s = block.asSlice(used, size);
        used += need;
        return s;
    }

    /** A NUL-terminated copy of a byte string (one char per byte, ISO-8859-1); NULL for null. */
    MemorySegment cstr(String s) {
        if (s == null) return MemorySegment.NULL;
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        MemorySegment m = alloc(b.length + 1L);
        MemorySegment.copy(b, 0, m, JAVA_BYTE, 0, b.length);
        m.set(JAVA_BYTE, b.length, (byte) 0);
        return m;
    }

    /** Scratch memory holding a copy of {@code b[off, off+len)}; NULL for a null array. */
    MemorySegment copyIn(byte[] b, int off, int len) {
        if (b == null) return MemorySegment.NULL;
        MemorySegment m = alloc(len);
        MemorySegment.copy(b, off, m, JAVA_BYTE, 0, len);
        return m;
    }

    /** The C result, or -errno when it is -1 (the libc failure convention). */
    int ret(int r) {
        return r == -1 ? -(int) ERRNO.get(errno, 0L) : r;
    }

    long ret(long r) {
        return r == -1 ? -(int) ERRNO.get(errno, 0L) : r;
    }

    @Override
    public void close() {
        if (large != null) {
            large.close();
            large = null;
        }
    }
}
