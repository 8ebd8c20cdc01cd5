package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.input.InputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recording's bytes, one chunk at a time: the chunk is checked in them and parsed from them, so the file is read
 * once. They go into one direct buffer reused from chunk to chunk (a JDK chunk is about 12 MB), where the kernel
 * copies them straight; a chunk larger than {@link #MAX_COPIED} (async-profiler writes up to 100 MB by default) is
 * mapped instead, so that no chunk size asks for that much memory at once.
 */
final class ChunkBytes implements Closeable {
    static final int MAX_COPIED = 64 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final int maxCopied;
    private ByteBuffer copy;

    private ChunkBytes(Path file, FileChannel channel, int maxCopied) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
        this.maxCopied = maxCopied;
    }

    static ChunkBytes open(Path file) throws InputException {
        return open(file, MAX_COPIED);
    }

    /** @param maxCopied chunks larger than this are mapped (tests lower it to map small chunks) */
    static ChunkBytes open(Path file, int maxCopied) throws InputException {
        try {
            return new ChunkBytes(file, FileChannel.open(file, StandardOpenOption.READ), maxCopied);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /**
     * The {@code length} bytes at {@code start} (fewer when the file ends first), big-endian as JFR, index 0 at
     * {@code start}. Valid until the next call, which may reuse the memory.
     */
    ByteBuffer read(long start, int length) throws IOException {
        int available = (int) Math.max(0, Math.min(length, size - start));
        if (available > maxCopied || !copyFits(available)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, start, available);
        }
        copy.clear().limit(available);
        while (copy.hasRemaining() && channel.read(copy, start + copy.position()) > 0) {
            // fill
        }
        copy.flip();
        return copy.slice();
    }

    /** Grows the copy to hold {@code length} bytes; false when direct memory (as much as -Xmx by default) is short. */
    private boolean copyFits(int length) {
        if (copy == null || copy.capacity() < length) {
            copy = null; // the old buffer may go before the new one is reserved
            try {
                // Grown to the largest chunk met, with room to spare so that slightly larger chunks reuse it.
                copy = ByteBuffer.allocateDirect(Math.min(maxCopied, Math.max(length + (length >> 3), 1 << 16)));
            } catch (OutOfMemoryError e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
