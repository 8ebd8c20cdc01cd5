package io.costlevel.analyzer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The report as JSON: the record components are the field names (docs/report.md, report.schema.json). */
public final class JsonReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {}

    public static void write(Report report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), report);
    }

    public static String toJson(Report report) throws IOException {
        return MAPPER.writeValueAsString(report);
    }

    /**
     * Builds Jackson's serializers for the report types by writing a small report to nowhere. Jackson
     * loads and introspects several hundred classes on first use (~0.3 s of CPU); the analyze command
     * does this on another core while the recordings are read, so writing the real report is quick.
     */
    public static void warmUp() {
        Advice advice = new Advice(1, "", "", 1.0, 1.0);
        Site site = new Site("C", "m", 1, "atomic", 2, "high", 1.0, 1.0, 1.0, 1, List.of("p"), Map.of("ops", 1L),
                List.of("r"), advice);
        RunInfo run = new RunInfo("jvm", "17", 1, 1.0, List.of("in"), List.of("jfr"), "v", "t");
        try {
            MAPPER.writeValueAsString(new Report(Report.SCHEMA_VERSION, run, List.of(new TierSummary(0, "L0", 1, 1.0)),
                    List.of(site), List.of()));
        } catch (IOException e) {
            // Only a warm-up: the real write reports its own errors.
        }
    }
}
