package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.input.InputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the skeleton of a recording before async-profiler's JfrReader (4.2) parses it, because that
 * parser trusts every size it reads: a record of size 0 (a zeroed range, a file cut by a crash and
 * padded) makes it seek to the same record forever (async-profiler issue #1584), and a constant-pool
 * chain whose offsets point back at each other loops as well. This walk follows the record sizes
 * exactly as JfrReader does (records back to back, a new chunk where "FLR\0" starts a record, nothing
 * read in the last header-size bytes), but refuses sizes that are not positive or that leave their
 * chunk, so every step goes forward and it always ends. It reads only sizes and types, buffered, so
 * it costs one sequential read of the file, and a second one as {@link #boundaryAtOrAfter} keeps the
 * reader on the checked boundaries.
 */
final class RecordLayout implements Closeable {
    private static final int CHUNK_HEADER_SIZE = 68;
    private static final int CHUNK_SIGNATURE = 0x464c5200; // "FLR\0"
    private static final int CHUNK_TYPE = 'L'; // the second varint of a chunk header read as a record
    private static final int WINDOW = 1 << 20;
    /** Size and type varints; writers pad sizes to up to 9 bytes so they can patch them in place. */
    private static final int MAX_RECORD_HEAD = 2 * 9;

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    /** The bytes handed out by {@link #bytesAt}: one reused view of the window, so a record costs no allocation. */
    private final ByteBuffer view = window.duplicate();
    private long windowStart = -1;
    private Walk cursor;

    private RecordLayout(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** Opens {@code file} for {@link #countRecords} and {@link #boundaryAtOrAfter}; close it after the scan. */
    static RecordLayout open(Path file) throws InputException {
        try {
            return new RecordLayout(file, FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Walks the whole file before the reader starts, so every size and every chunk the reader can meet is checked.
     *
     * @return how many records the reader can meet at most (an upper bound for the events it returns)
     */
    long countRecords() throws InputException {
        try {
            Walk walk = new Walk();
            long records = 0;
            while (walk.step()) {
                records++;
            }
            return records;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The first record boundary at or after {@code pos}, or where the reader stops if {@code pos} is past it. The
     * walk checked sizes along the boundaries only: JfrReader leaves an event it returns where its fields end,
     * and a damaged field leaves it inside a record, where the next size it reads may be 0 again. Called with the
     * reader's position after each event, in increasing order; moving the reader here keeps it on checked ground.
     */
    long boundaryAtOrAfter(long pos) throws InputException {
        try {
            if (cursor == null) {
                cursor = new Walk();
            }
            while (cursor.pos < pos && cursor.step()) {
                // forward to the first boundary at or after pos
            }
            return cursor.pos;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Record boundaries in the order JfrReader meets them. */
    private final class Walk {
        /** The next record's start, or where the reader stops once {@link #ended}. */
        long pos = CHUNK_HEADER_SIZE;
        private long chunkEnd;
        private boolean ended;

        Walk() throws IOException, InputException {
            chunkEnd = chunk(0);
            ended = chunkEnd < 0; // an incomplete first chunk: JfrReader itself reports that
        }

        /** Moves to the next boundary; false where the reader stops (end of file, a chunk not finished). */
        boolean step() throws IOException, InputException {
            if (ended || pos + CHUNK_HEADER_SIZE > fileSize) {
                ended = true;
                return false;
            }
            ByteBuffer head = bytesAt(pos, MAX_RECORD_HEAD);
            int start = head.position();
            int size = varint(head);
            int type = varint(head);
            if (type == CHUNK_TYPE && head.limit() - start >= 4 && head.getInt(start) == CHUNK_SIGNATURE) {
                long end = chunk(pos);
                if (end < 0) {
                    ended = true; // a chunk the writer had not finished: the reader stops there, as truncated
                    return false;
                }
                chunkEnd = end;
                pos += CHUNK_HEADER_SIZE;
                return true;
            }
            if (size <= 0 || pos + size > chunkEnd) {
                throw corrupt("a record at byte " + pos + " has size " + size);
            }
            pos += size;
            return true;
        }
    }

    /** Checks the chunk header at {@code start}; returns its end, or -1 when the chunk is incomplete. */
    private long chunk(long start) throws IOException, InputException {
        ByteBuffer header = bytesAt(start, CHUNK_HEADER_SIZE);
        int at = header.position();
        if (header.remaining() < CHUNK_HEADER_SIZE || header.getInt(at) != CHUNK_SIGNATURE) {
            return -1;
        }
        long size = header.getLong(at + 8);
        long constantPool = header.getLong(at + 16);
        long metadata = header.getLong(at + 24);
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
            ByteBuffer head = checkRecordAt(pool, chunkEnd);
            varint(head); // type
            varlong(head); // start time
            varlong(head); // duration
            long delta = varlong(head);
            if (delta == 0) {
                return;
            }
            pool += delta;
        }
    }

    /** Checks the size of the record at {@code pos} and returns its bytes after the size, for reading on. */
    private ByteBuffer checkRecordAt(long pos, long chunkEnd) throws IOException, InputException {
        ByteBuffer head = bytesAt(pos, MAX_RECORD_HEAD + 3 * 9);
        int size = varint(head);
        if (size <= 0 || pos + size > chunkEnd) {
            throw corrupt("a record at byte " + pos + " has size " + size);
        }
        return head;
    }

    private static boolean inside(long offset, long chunkSize) {
        return offset >= CHUNK_HEADER_SIZE && offset < chunkSize;
    }

    private InputException corrupt(String what) {
        return new InputException(file + ": corrupt JFR recording (" + what + ")");
    }

    /**
     * A view of at most {@code n} bytes at {@code pos} (fewer at the end of the file), big-endian as JFR,
     * positioned at {@code pos}'s byte. Valid until the next call: the view is reused.
     */
    private ByteBuffer bytesAt(long pos, int n) throws IOException {
        if (windowStart < 0 || pos < windowStart || pos + n > windowStart + window.limit()) {
            window.clear();
            windowStart = pos;
            while (window.hasRemaining() && channel.read(window, pos + window.position()) > 0) {
                // fill the window
            }
            window.flip();
        }
        int offset = (int) (pos - windowStart);
        view.limit(offset + Math.min(n, window.limit() - offset)).position(offset);
        return view;
    }

    /**
     * JFR's LEB128 int, read exactly as JfrReader reads it: padded encodings longer than five bytes
     * are valid (the int shift wraps), and running off the view is a record header that cannot be read.
     */
    private int varint(ByteBuffer in) throws InputException {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = next(in);
            result |= (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
    }

    private long varlong(ByteBuffer in) throws InputException {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = next(in);
            result |= (b & 0x7fL) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (next(in) & 0xffL) << 56;
    }

    private byte next(ByteBuffer in) throws InputException {
        if (!in.hasRemaining()) {
            throw corrupt("it ends inside a record header");
        }
        return in.get();
    }
}
