package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.input.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * One chunk of a recording, its skeleton checked before async-profiler's JfrReader (4.2) parses it, because that
 * parser trusts every size it reads: a record of size 0 (a zeroed range, a file cut by a crash and padded) makes it
 * seek to the same record forever (async-profiler issue #1584), and a constant-pool chain whose offsets point back at
 * each other loops as well.
 *
 * <p>The check follows the record sizes exactly as JfrReader does (records back to back, a new chunk where "FLR\0"
 * starts a record, nothing read in the last header-size bytes of the file) but refuses sizes that are not positive or
 * that leave their chunk, so every step goes forward and it always ends. The reader then gets the same bytes, cut
 * where it must stop (the next chunk's header, or the end of the file), and runs with {@code stopAtNewChunk}, so it
 * never passes bytes that were not checked. Positions here are relative to the chunk's start.
 */
final class CheckedChunk {
    private static final int HEADER_SIZE = 68;
    private static final int SIGNATURE = 0x464c5200; // "FLR\0"
    private static final int CHUNK_TYPE = 'L'; // the second varint of a chunk header read as a record
    /** What {@link Walk#recordAt} returns where the reader stops: a chunk header, or the last bytes of the file. */
    private static final int STOP = 0;

    /** The check, kept for its bytes and its reading of sizes. */
    private final Walk walk;
    private final long records;
    private final int stop;
    /** The boundary {@link #boundaryAtOrAfter} is at. */
    private int cursor = HEADER_SIZE;

    private CheckedChunk(Walk walk, long records, int stop) {
        this.walk = walk;
        this.records = records;
        this.stop = stop;
    }

    /**
     * Checks the chunk whose header is at {@code start}: the header, the metadata, the constant-pool chain, and every
     * record up to where the reader will stop.
     *
     * @return the chunk, or null when its writer had not finished it (JfrReader stops there, as truncated)
     */
    static CheckedChunk at(ChunkBytes file, long start) throws IOException, InputException {
        ByteBuffer header = file.read(start, HEADER_SIZE);
        if (header.limit() < HEADER_SIZE || header.getInt(0) != SIGNATURE) {
            return null; // only at the file's start, since a walk stops only at a whole header
        }
        long size = header.getLong(8);
        long constantPool = header.getLong(16);
        long metadata = header.getLong(24);
        if (constantPool == 0 || metadata == 0 || (size > 0 && start + size > file.size())) {
            return null; // as JfrReader: a chunk still being written, or cut short
        }
        Walk walk = new Walk(file, start);
        if (size < HEADER_SIZE || !inside(constantPool, size) || !inside(metadata, size)) {
            throw walk.corrupt("the chunk at byte " + start + " points outside itself");
        }
        if (size > Integer.MAX_VALUE - HEADER_SIZE) {
            throw new InputException(file.file() + ": a chunk of " + size + " bytes, larger than the analyzer reads (2 GB)");
        }
        // The chunk and the next one's header: the walk looks at what follows the chunk's last record.
        ByteBuffer bytes = file.read(start, (int) size + HEADER_SIZE);
        return walk.check(bytes, (int) size, (int) metadata, (int) constantPool);
    }

    /** The chunk's bytes for {@code new JfrReader(ByteBuffer)}, ending where the reader must stop; the reader moves its position. */
    ByteBuffer bytes() {
        return walk.bytes;
    }

    /** How many records the reader can meet in this chunk: an upper bound for the events it returns. */
    long records() {
        return records;
    }

    /** Where the next chunk starts in the file, or -1 when the reader stops at the end of the file after this one. */
    long next() {
        return walk.followed ? walk.start + stop : -1;
    }

    /**
     * The first record boundary at or after {@code pos}, or where the reader stops if {@code pos} is past it. The walk
     * checked sizes along the boundaries only: JfrReader leaves an event it returns where its fields end, and a
     * damaged field leaves it inside a record, where the next size it reads may be 0 again. Called with the reader's
     * position after each event, in increasing order; moving the reader here keeps it on checked ground.
     */
    int boundaryAtOrAfter(int pos) throws InputException {
        while (cursor < pos && cursor < stop) {
            cursor += walk.sizeAt(cursor); // positive: the walk checked every size on the way to the stop
        }
        return cursor;
    }

    private static boolean inside(long offset, long chunkSize) {
        return offset >= HEADER_SIZE && offset < chunkSize;
    }

    /** The check of one chunk's bytes. */
    private static final class Walk {
        private final ChunkBytes file;
        private final long start;
        private ByteBuffer bytes;
        private int end;
        /** Where {@link #varint} reads next. */
        private int at;
        private boolean followed;

        Walk(ChunkBytes file, long start) {
            this.file = file;
            this.start = start;
        }

        CheckedChunk check(ByteBuffer bytes, int size, int metadata, int constantPool) throws InputException {
            this.bytes = bytes;
            this.end = size;
            checkRecordAt(metadata);
            checkConstantPools(constantPool);
            long records = 0;
            int pos = HEADER_SIZE;
            for (int recordSize; (recordSize = recordAt(pos)) != STOP; pos += recordSize) {
                records++;
            }
            // The reader sees the chunk whole (JfrReader checks its size against the bytes it has) and, where it
            // stops at the next chunk, that chunk's header.
            long readerEnd = Math.min(Math.max(end, (long) pos + HEADER_SIZE), bytes.limit());
            bytes.limit((int) readerEnd).position(0);
            return new CheckedChunk(this, records, pos);
        }

        /** The size of the record at {@code pos}, read as the walk read it. */
        int sizeAt(int pos) throws InputException {
            at = pos;
            return varint();
        }

        /** The size of the record at {@code pos}, or {@link #STOP} where the reader stops instead of reading one. */
        private int recordAt(int pos) throws InputException {
            if (start + pos + HEADER_SIZE > file.size()) {
                return STOP; // JfrReader reads no record in the last header-size bytes of the file
            }
            at = pos;
            int size = varint();
            int type = varint();
            if (type == CHUNK_TYPE && pos + 4 <= bytes.limit() && bytes.getInt(pos) == SIGNATURE) {
                followed = true;
                return STOP; // a chunk header: the reader stops here, for the scanner to check that chunk
            }
            if (size <= 0 || (long) pos + size > end) {
                throw corrupt("a record at byte " + (start + pos) + " has size " + size);
            }
            return size;
        }

        /** The reader follows each pool's delta to the previous one until a delta of 0: it must not cycle nor leave the chunk. */
        private void checkConstantPools(int first) throws InputException {
            Set<Long> seen = new HashSet<>();
            for (long pool = first; ; ) {
                if (pool < HEADER_SIZE || pool >= end || !seen.add(pool)) {
                    throw corrupt("the constant pools of the chunk at byte " + start + " do not chain");
                }
                checkRecordAt((int) pool);
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

        /** Checks the size of the record at {@code pos} and leaves {@link #at} after it, for reading on. */
        private void checkRecordAt(int pos) throws InputException {
            at = pos;
            int size = varint();
            if (size <= 0 || (long) pos + size > end) {
                throw corrupt("a record at byte " + (start + pos) + " has size " + size);
            }
        }

        InputException corrupt(String what) {
            return new InputException(file.file() + ": corrupt JFR recording (" + what + ")");
        }

        /**
         * JFR's LEB128 int, read exactly as JfrReader reads it: padded encodings longer than five bytes are valid (the
         * int shift wraps), and running off the bytes is a record header that cannot be read.
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
            if (at >= bytes.limit()) {
                throw corrupt("it ends inside a record header");
            }
            return bytes.get(at++);
        }
    }
}
