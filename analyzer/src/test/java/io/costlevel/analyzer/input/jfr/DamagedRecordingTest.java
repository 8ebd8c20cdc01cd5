package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.InputException;
import one.jfr.JfrReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Damage that made JfrReader 4.2 loop forever ends now, and the reader's internals this relies on are there. */
class DamagedRecordingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/jfr-blocking-ticket-8t.jfr");

    @TempDir
    Path dir;

    @Test
    void onAValidRecordingTheReaderStaysOnTheCheckedBoundariesOfEveryChunk() throws Exception {
        Path twoChunks = twice(Files.readAllBytes(GOLDEN));
        // The sizes kept in memory, and the walk of the file again once they run out (a cap of 64 bytes).
        for (int maxKept : new int[] {RecordLayout.DEFAULT_MAX_KEPT, 64}) {
            try (RecordLayout layout = RecordLayout.open(twoChunks, maxKept);
                 JfrReader reader = new JfrReader(twoChunks.toString())) {
                reader.stopAtNewChunk = true;
                long records = layout.checkChunk(0);
                int chunks = 0;
                long events = 0;
                do {
                    chunks++;
                    long inChunk = 0;
                    while (reader.readEvent() != null) {
                        inChunk++;
                        long at = ReaderPosition.of(reader);
                        assertThat(layout.boundaryAtOrAfter(at)).as("boundary after event %d", inChunk).isEqualTo(at);
                    }
                    assertThat(inChunk).as("events in chunk %d against its records", chunks).isPositive()
                            .isLessThanOrEqualTo(records);
                    events += inChunk;
                    if (!reader.eof()) {
                        records = layout.checkChunk(ReaderPosition.of(reader));
                    }
                } while (reader.hasMoreChunks());
                assertThat(chunks).as("cap %d", maxKept).isEqualTo(2);
                assertThat(reader.incomplete()).isFalse();
                assertThat(events).isGreaterThan(1000);
            }
        }
    }

    /**
     * Found by AnalyzerFuzzTest (seed 5): the recording twice, one byte of an event's varint in the copy losing its
     * continuation bit. The reader then parsed the event short, read on inside it, met a size of 0 and spun.
     */
    @Test
    void anEventShorterThanItsSizeNoLongerHangsTheReader() throws Exception {
        byte[] original = Files.readAllBytes(GOLDEN);
        byte[] twice = twiceOver(original);
        twice[original.length + 200851] = 28;
        twice[original.length + 207363] = (byte) 181;
        Path damaged = Files.write(dir.resolve("damaged.jfr"), twice);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                new Analysis(null, Progress.silent()).run(List.of(damaged));
            } catch (InputException rejected) {
                assertThat(rejected.getMessage()).contains(damaged.toString());
            }
        });
    }

    /** The recording twice over: a valid file of two chunks (a JFR file is a sequence of self-contained chunks). */
    private static byte[] twiceOver(byte[] original) {
        byte[] twice = Arrays.copyOf(original, 2 * original.length);
        System.arraycopy(original, 0, twice, original.length, original.length);
        return twice;
    }

    private Path twice(byte[] original) throws java.io.IOException {
        return Files.write(dir.resolve("two-chunks.jfr"), twiceOver(original));
    }
}
