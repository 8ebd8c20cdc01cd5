package io.costlevel.analyzer.bench;

import one.jfr.JfrReader;
import one.jfr.event.Event;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The baseline of the analyzer benchmark (scripts/bench-analyzer.sh): async-profiler's JfrReader reading every event
 * of a recording and touching its stack trace, with nothing else done. The analyzer's whole analysis is measured
 * against this.
 *
 * <p>{@code --chunks FILE} reads chunk by chunk instead, one reader per mapped chunk as the analyzer does, without its
 * checks: for files the one-reader scan cannot read (JfrReader 4.2 fails on some concatenations of async-profiler
 * recordings, "Invalid string encoding" in its profiler.ProcessSample).
 */
public final class RawScan {
    private static final int CHUNK_HEADER_SIZE = 68;

    private long events;
    private long stacks;

    private RawScan() {}

    public static void main(String[] args) throws Exception {
        boolean byChunk = args[0].equals("--chunks");
        Path file = Path.of(args[args.length - 1]);
        long start = System.nanoTime();
        RawScan scan = new RawScan();
        if (byChunk) {
            scan.byChunk(file);
        } else {
            try (JfrReader reader = new JfrReader(file.toString())) {
                scan.all(reader);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw JfrReader%s: %,d events (%,d with stacks) in %.2f s = %,.0f events/s%n",
                byChunk ? " by chunk" : "", scan.events, scan.stacks, seconds, scan.events / seconds);
    }

    private void all(JfrReader reader) throws Exception {
        for (Event e; (e = reader.readEvent()) != null; ) {
            events++;
            if (reader.stackTraces.get(e.stackTraceId) != null) {
                stacks++;
            }
        }
    }

    private void byChunk(Path file) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(CHUNK_HEADER_SIZE);
            for (long pos = 0; pos + CHUNK_HEADER_SIZE <= channel.size(); ) {
                channel.read(header.clear(), pos);
                long size = header.getLong(8);
                JfrReader reader = new JfrReader(channel.map(FileChannel.MapMode.READ_ONLY, pos, size));
                all(reader);
                pos += size;
            }
        }
    }
}
