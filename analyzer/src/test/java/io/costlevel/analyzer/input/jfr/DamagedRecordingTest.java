package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.InputException;
import one.jfr.JfrReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /** Chunks copied into the reused buffer, and chunks mapped (those larger than the copy limit, here all). */
    @ParameterizedTest
    @ValueSource(ints = {ChunkBytes.MAX_COPIED, 4096})
    void onAValidRecordingTheReaderStaysOnTheCheckedBoundariesOfEveryChunk(int maxCopied) throws Exception {
        Path twoChunks = twice(Files.readAllBytes(GOLDEN));
        try (ChunkBytes bytes = ChunkBytes.open(twoChunks, maxCopied)) {
            int chunks = 0;
            long events = 0;
            for (CheckedChunk chunk = CheckedChunk.at(bytes, 0); ; chunk = CheckedChunk.at(bytes, chunk.next())) {
                assertThat(chunk).as("chunk %d", chunks + 1).isNotNull();
                chunks++;
                JfrReader reader = new JfrReader(chunk.bytes());
                reader.stopAtNewChunk = true;
                long inChunk = 0;
                while (reader.readEvent() != null) {
                    inChunk++;
                    int at = chunk.bytes().position();
                    assertThat(chunk.boundaryAtOrAfter(at)).as("boundary after event %d", inChunk).isEqualTo(at);
                }
                assertThat(inChunk).as("events in chunk %d against its records", chunks).isPositive()
                        .isLessThanOrEqualTo(chunk.records());
                events += inChunk;
                if (chunk.next() < 0) {
                    break;
                }
                assertThat(chunk.next()).as("the second chunk starts where the first ends").isEqualTo(twoChunks.toFile().length() / 2);
            }
            assertThat(chunks).isEqualTo(2);
            assertThat(events).isGreaterThan(1000);
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
