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
    void onAValidRecordingTheReaderStaysOnTheCheckedBoundaries() throws Exception {
        try (RecordLayout layout = RecordLayout.open(GOLDEN); JfrReader reader = new JfrReader(GOLDEN.toString())) {
            assertThat(layout.countRecords()).isPositive();
            int events = 0;
            while (reader.readEvent() != null && events++ < 1000) {
                long at = ReaderPosition.of(reader);
                assertThat(layout.boundaryAtOrAfter(at)).as("boundary after event %d", events).isEqualTo(at);
            }
            assertThat(events).isPositive();
        }
    }

    /**
     * Found by AnalyzerFuzzTest (seed 5): the recording twice, one byte of an event's varint in the copy losing its
     * continuation bit. The reader then parsed the event short, read on inside it, met a size of 0 and spun.
     */
    @Test
    void anEventShorterThanItsSizeNoLongerHangsTheReader() throws Exception {
        byte[] original = Files.readAllBytes(GOLDEN);
        byte[] twice = Arrays.copyOf(original, 2 * original.length);
        System.arraycopy(original, 0, twice, original.length, original.length);
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
}
