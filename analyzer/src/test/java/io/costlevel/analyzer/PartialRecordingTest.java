package io.costlevel.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 5: an out directory whose recording was cut short inside its last chunk (a JVM that died while
 * writing) is analyzed from the whole chunks before it and the agent's counters, with one warning line; cut inside
 * its first chunk, with nothing else to read, it is still an error.
 */
class PartialRecordingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRecordingCutInsideItsLastChunkIsReadFromTheWholeOnesWithAWarning() throws Exception {
        Path out = copyOfGolden("agent-cas-2t");
        byte[] whole = Files.readAllBytes(out.resolve("costlevel.jfr"));
        long firstChunk = ByteBuffer.wrap(whole, 8, 8).getLong(); // the chunk header's size field
        assertThat(firstChunk).as("the golden recording has a second chunk").isLessThan(whole.length);
        int cut = (int) (firstChunk + (whole.length - firstChunk) / 2);
        Files.write(out.resolve("costlevel.jfr"), Arrays.copyOf(whole, cut));

        Path report = dir.resolve("report.json");
        CommandLineRun run = CommandLineRun.of("analyze", out.toString(), "--json", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(line -> line.startsWith("costlevel: warning: ")))
                .as(run.err()).singleElement().asString()
                .contains("costlevel.jfr: truncated: read its first 1 whole chunk(s)")
                .contains((cut - firstChunk) + " bytes after them");
        JsonNode json = MAPPER.readTree(report.toFile());
        assertThat(json.path("blindSpots").toString()).contains("truncated");
        assertThat(json.path("sites").size()).as("the agent's counters still make sites").isPositive();
        assertThat(json.path("run").path("sources").toString()).contains("agent");
    }

    @Test
    void aRecordingCutInsideItsFirstChunkIsStillAnError() throws Exception {
        byte[] whole = Files.readAllBytes(BadInputTest.golden("jfr-synchronized-8t.jfr"));
        Path half = Files.write(dir.resolve("half.jfr"), Arrays.copyOf(whole, whole.length / 2));
        CommandLineRun run = CommandLineRun.of("analyze", half.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).as(run.err()).singleElement().asString().contains("truncated");
    }

    private Path copyOfGolden(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(BadInputTest.golden(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
