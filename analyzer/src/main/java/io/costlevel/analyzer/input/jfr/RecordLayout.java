package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.input.InputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the skeleton of a recording before async-profiler's JfrReader (4.2) parses it, because that parser trusts
 * every size it reads: a record of size 0 (a zeroed range, a file cut by a crash and padded) makes it seek to the
 * same record forever (async-profiler issue #1584), and a constant-pool chain whose offsets point back at each other
 * loops as well.
 *
 * <p>One chunk at a time: the scanner runs the reader with {@code stopAtNewChunk}, so no call leaves the chunk it is
 * in, and checks each chunk with {@link #checkChunk} right before the reader opens it. The walk follows the record
 * sizes exactly as JfrReader does (records back to back, a new chunk where "FLR\0" starts a record, nothing read in
 * the last header-size bytes of the file) but refuses sizes that are not positive or that leave their chunk, so every
 * step goes forward and it always ends. It keeps each record's size (a varint, one byte for most records), so that
 * {@link #boundaryAtOrAfter} finds the boundaries again from memory: the file is read once here and once by the reader.
 */
final class RecordLayout implements Closeable {
    private static final int CHUNK_HEADER_SIZE = 68;
    private static final int CHUNK_SIGNATURE = 0x464c5200; // "FLR\0"
    private static final int CHUNK_TYPE = 'L'; // the second varint of a chunk header read as a record
    private static final int WINDOW = 1 << 20;
    /** Size and type varints; writers pad sizes to up to 9 bytes so they can patch them in place. */
    private static final int MAX_RECORD_HEAD = 2 * 9;
    /** What {@link #recordAt} returns where the reader stops: a chunk header, or the last bytes of the file. */
    private static final int STOP = 0;
    /**
     * The most bytes of sizes kept for one chunk (about 16 M records, a chunk of half a gigabyte of park events).
     * Past it the cursor reads the rest of the chunk's sizes from the file again, so memory stays bounded.
     */
    static final int DEFAULT_MAX_KEPT = 16 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final int maxKept;
    /** The records walked in order, read a megabyte at a time. */
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    /**
     * A chunk's header, metadata and constant pools, read where they are: each probe reads a few bytes, where a
     * window refill would read a megabyte, and the walk's window stays where the walk is.
     */
    private final ByteBuffer probe = ByteBuffer.allocate(CHUNK_HEADER_SIZE + MAX_RECORD_HEAD);
    /** The bytes {@link #varint} reads, where it reads next and where the bytes fetched for it end. */
    private ByteBuffer source = window;
    private byte[] sourceBytes = window.array();
    private int at;
    private int end;

    /** The chunk checked last: where it ends, and where the reader stops in it (its end, or a header before that). */
    private long chunkEnd;
    private long stop;
    /** Its records' sizes as varints, all of them unless longer than {@link #maxKept}. */
    private byte[] kept = new byte[1 << 16];
    private int keptLength;
    /** The boundary {@link #boundaryAtOrAfter} is at, and its place in {@link #kept}. */
    private long cursor;
    private int cursorIndex;

    private RecordLayout(Path file, FileChannel channel, int maxKept) throws IOException {
        this.file = file;
        this.channel = channel;
        this.fileSize = channel.size();
        this.maxKept = maxKept;
    }

    /** Opens {@code file} for {@link #checkChunk} and {@link #boundaryAtOrAfter}; close it after the scan. */
    static RecordLayout open(Path file) throws InputException {
        return open(file, DEFAULT_MAX_KEPT);
    }

    static RecordLayout open(Path file, int maxKept) throws InputException {
        try {
            return new RecordLayout(file, FileChannel.open(file, StandardOpenOption.READ), maxKept);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Checks the chunk whose header is at {@code start} before the reader opens it: the header, the metadata, the
     * constant-pool chain, and every record up to where the reader will stop next.
     *
     * @return how many records the reader can meet before it stops (an upper bound for the events it returns); 0 for a
     *     chunk the writer had not finished, where the reader stops as truncated
     */
    long checkChunk(long start) throws InputException {
        try {
            long records = 0;
            keptLength = 0;
            cursorIndex = 0;
            cursor = start + CHUNK_HEADER_SIZE;
            chunkEnd = chunk(start);
            if (chunkEnd < 0) {
                stop = cursor = start;
                return 0;
            }
            long pos = cursor;
            for (int size; (size = recordAt(pos, chunkEnd)) != STOP; pos += size) {
                keep(size);
                records++;
            }
            stop = pos;
            return records;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * The first record boundary at or after {@code pos} in the chunk checked last, or where the reader stops if
     * {@code pos} is past it. The walk checked sizes along the boundaries only: JfrReader leaves an event it returns
     * where its fields end, and a damaged field leaves it inside a record, where the next size it reads may be 0 again.
     * Called with the reader's position after each event, in increasing order; moving the reader here keeps it on
     * checked ground.
     */
    long boundaryAtOrAfter(long pos) throws InputException {
        try {
            while (cursor < pos && cursor < stop) {
                int size = cursorIndex < keptLength ? nextKept() : recordAt(cursor, chunkEnd);
                if (size == STOP) {
                    break; // the check met no stop before this chunk's; a file changed under us must not loop
                }
                cursor += size;
            }
            return cursor;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void keep(int size) {
        if (keptLength > maxKept - 5) {
            return; // the cursor reads the rest from the file
        }
        if (keptLength + 5 > kept.length) {
            kept = Arrays.copyOf(kept, Math.min(Math.max(kept.length * 2, keptLength + 5), maxKept));
        }
        while ((size & ~0x7f) != 0) {
            kept[keptLength++] = (byte) (size | 0x80);
            size >>>= 7;
        }
        kept[keptLength++] = (byte) size;
    }

    private int nextKept() {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = kept[cursorIndex++];
            result |= (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
    }

    /** The size of the record at {@code pos}, or {@link #STOP} where the reader stops instead of reading one. */
    private int recordAt(long pos, long chunkEnd) throws IOException, InputException {
        if (pos + CHUNK_HEADER_SIZE > fileSize) {
            return STOP; // JfrReader reads no record in the last header-size bytes
        }
        int start = fetch(pos, MAX_RECORD_HEAD);
        int size = varint();
        int type = varint();
        if (type == CHUNK_TYPE && end - start >= 4 && intAt(start) == CHUNK_SIGNATURE) {
            return STOP; // a chunk header: the reader stops here for the scanner to check it
        }
        if (size <= 0 || pos + size > chunkEnd) {
            throw corrupt("a record at byte " + pos + " has size " + size);
        }
        return size;
    }

    /** Checks the chunk header at {@code start}; returns its end, or -1 when the chunk is incomplete. */
    private long chunk(long start) throws IOException, InputException {
        probe(start, CHUNK_HEADER_SIZE);
        if (end < CHUNK_HEADER_SIZE || intAt(0) != CHUNK_SIGNATURE) {
            return -1;
        }
        long size = probe.getLong(8);
        long constantPool = probe.getLong(16);
        long metadata = probe.getLong(24);
        if (constantPool == 0 || metadata == 0 || (size > 0 && start + size > fileSize)) {
            return -1; // as JfrReader: a chunk still being written, or cut short
        }
        if (size < CHUNK_HEADER_SIZE || !inside(constantPool, size) || !inside(metadata, size)) {
            throw corrupt("the chunk at byte " + start + " points outside itself");
        }
        checkRecordAt(start + metadata, start + size);
        checkConstantPools(start, start + size, start + constantPool);
        return start + size;
    }

    /** The reader follows each pool's delta to the previous one until a delta of 0: it must not cycle nor leave the chunk. */
    private void checkConstantPools(long chunkStart, long chunkEnd, long first) throws IOException, InputException {
        Set<Long> seen = new HashSet<>();
        for (long pool = first; ; ) {
            if (pool < chunkStart + CHUNK_HEADER_SIZE || pool >= chunkEnd || !seen.add(pool)) {
                throw corrupt("the constant pools of the chunk at byte " + chunkStart + " do not chain");
            }
            checkRecordAt(pool, chunkEnd);
            varint(); // type
            varlong(); // start time
            varlong(); // duration
            long delta = varlong();
            if (delta == 0) {
                return;
            }
            pool += delta;
        }
    }

    /** Checks the size of the record at {@code pos} and leaves {@link #at} after the size, for reading on. */
    private void checkRecordAt(long pos, long chunkEnd) throws IOException, InputException {
        probe(pos, MAX_RECORD_HEAD + 3 * 9);
        int size = varint();
        if (size <= 0 || pos + size > chunkEnd) {
            throw corrupt("a record at byte " + pos + " has size " + size);
        }
    }

    private static boolean inside(long offset, long chunkSize) {
        return offset >= CHUNK_HEADER_SIZE && offset < chunkSize;
    }

    private InputException corrupt(String what) {
        return new InputException(file + ": corrupt JFR recording (" + what + ")");
    }

    private static InputException cannotRead(Path file, IOException e) {
        return new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }

    /**
     * Makes at most {@code n} bytes at {@code pos} readable (fewer at the end of the file) and points {@link #at} and
     * {@link #end} at them; returns {@code pos}'s index in {@link #bytes}. Sequential walks refill the window once per
     * megabyte.
     */
    private int fetch(long pos, int n) throws IOException {
        if (windowStart < 0 || pos < windowStart || pos + n > windowStart + window.limit()) {
            window.clear();
            windowStart = pos;
            while (window.hasRemaining() && channel.read(window, pos + window.position()) > 0) {
                // fill the window
            }
            window.flip();
        }
        source = window;
        sourceBytes = window.array();
        at = (int) (pos - windowStart);
        end = at + (int) Math.min(n, window.limit() - at);
        return at;
    }

    /** Reads at most {@code n} bytes at {@code pos} into {@link #probe} (fewer at the end of the file) for {@link #varint}. */
    private void probe(long pos, int n) throws IOException {
        probe.clear().limit(n);
        while (probe.hasRemaining() && channel.read(probe, pos + probe.position()) > 0) {
            // fill the probe
        }
        probe.flip();
        source = probe;
        sourceBytes = probe.array();
        at = 0;
        end = probe.limit();
    }

    private int intAt(int index) {
        return source.getInt(index); // big-endian, as JFR
    }

    /**
     * JFR's LEB128 int, read exactly as JfrReader reads it: padded encodings longer than five bytes
     * are valid (the int shift wraps), and running off the fetched bytes is a record header that cannot be read.
     */
    private int varint() throws InputException {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = next();
            result |= (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
    }

    private long varlong() throws InputException {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = next();
            result |= (b & 0x7fL) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (next() & 0xffL) << 56;
    }

    private byte next() throws InputException {
        if (at >= end) {
            throw corrupt("it ends inside a record header");
        }
        return sourceBytes[at++];
    }
}
