package io.costlevel.analyzer.input.jfr;

import one.jfr.JfrReader;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * Where JfrReader (async-profiler 4.2) is in its file, and moving it: the reader keeps both private, so they are
 * reached through its fields {@code filePosition} + {@code buf.position()} and its method {@code seek(long)}. Used
 * only to put the reader back on a checked record boundary (see {@link RecordLayout#boundaryAtOrAfter}). Pinned to
 * the jfr-converter version in the pom; JfrScannerTest fails if a new version renames them.
 */
final class ReaderPosition {
    private static final VarHandle FILE_POSITION;
    private static final VarHandle BUFFER;
    private static final MethodHandle SEEK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(JfrReader.class, MethodHandles.lookup());
            FILE_POSITION = lookup.findVarHandle(JfrReader.class, "filePosition", long.class);
            BUFFER = lookup.findVarHandle(JfrReader.class, "buf", ByteBuffer.class);
            SEEK = lookup.findVirtual(JfrReader.class, "seek", MethodType.methodType(void.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ReaderPosition() {}

    static long of(JfrReader reader) {
        return (long) FILE_POSITION.get(reader) + ((ByteBuffer) BUFFER.get(reader)).position();
    }

    static void seek(JfrReader reader, long position) {
        try {
            SEEK.invokeExact(reader, position);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // seek throws IOException when it has to read; the caller turns it into one line like any read error
            throw new java.io.UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }
}
