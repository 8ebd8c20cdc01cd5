package io.costlevel.agent.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies the finished chunks of a JFR file. A JFR file is a sequence of self-contained chunks, so
 * chunks from two recorders appended one after the other are still one valid recording: this is how
 * async-profiler's jfrsync merges its data into the JDK's file, and how every snapshot does it here.
 * A chunk still being written has a size in its header that runs past the end of the file; it is left out.
 */
final class JfrChunks {
    private static final int MAGIC = 0x464C5200; // "FLR\0"
    /** Chunk header: magic, version, chunk size, then offsets and times: 68 bytes in JFR 2.x. */
    private static final int HEADER_SIZE = 68;

    private JfrChunks() {}

    /** Bytes at the start of {@code file} that are finished chunks (0 if none or no file). */
    static long completeLength(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos + HEADER_SIZE <= length) {
                header.clear();
                if (ch.read(header, pos) < 16) {
                    break;
                }
                header.flip();
                int magic = header.getInt();
                header.getInt(); // major and minor version
                long size = header.getLong();
                if (magic != MAGIC || size < HEADER_SIZE || pos + size > length) {
                    break;
                }
                pos += size;
            }
            return pos;
        }
    }

    /** Appends the finished chunks of {@code file} to {@code target}; returns the bytes copied. */
    static long appendComplete(Path file, WritableByteChannel target) throws IOException {
        long length = completeLength(file);
        if (length == 0) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            while (pos < length) {
                pos += ch.transferTo(pos, length - pos, target);
            }
        }
        return length;
    }
}
