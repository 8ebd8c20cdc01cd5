package io.costlevel.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.report.JsonReportWriter;
import io.costlevel.analyzer.report.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Small real recordings of the samples (src/test/resources/golden: a .jfr each, or a directory the
 * agent wrote), analysed and compared with a reviewed baseline ({@code NAME.expected.json}). The
 * analysis of a fixed input is deterministic, so everything but the run's time stamp, input paths
 * and analyzer version is compared. On a mismatch the new output is written beside the baseline as
 * {@code NAME.actual.json}: review it, and if the change is right, rename it over the baseline.
 */
class GoldenRecordingsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<Path> inputs = files
                    .filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jfr"))
                    .sorted()
                    .toList();
            return inputs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analysisMatchesTheReviewedBaseline(Path input) throws Exception {
        Report report = new Analysis(null, Progress.silent()).run(List.of(input));
        JsonNode actual = stablePart(MAPPER.readTree(JsonReportWriter.toJson(report)));
        String name = input.getFileName().toString().replaceFirst("\\.jfr$", "");
        Path expectedFile = GOLDEN.resolve(name + ".expected.json");
        Path actualFile = GOLDEN.resolve(name + ".actual.json");
        if (!Files.exists(expectedFile)) {
            MAPPER.writeValue(actualFile.toFile(), actual);
            fail("no baseline for " + input + ": wrote " + actualFile + ", review it and rename it to " + expectedFile);
        }
        JsonNode expected = MAPPER.readTree(expectedFile.toFile());
        if (!expected.equals(actual)) {
            MAPPER.writeValue(actualFile.toFile(), actual);
            fail("analysis of " + input + " differs from " + expectedFile + ": new output in " + actualFile
                    + " (diff them; if the change is right, rename it over the baseline)");
        }
        Files.deleteIfExists(actualFile);
        assertThat(actual.path("sites").size()).isPositive();
    }

    /** Drops what changes from run to run of the analyzer, not with the analysis. */
    static JsonNode stablePart(JsonNode report) {
        ObjectNode run = (ObjectNode) report.path("run");
        run.remove(List.of("generatedAt", "inputs", "analyzerVersion"));
        return report;
    }
}
