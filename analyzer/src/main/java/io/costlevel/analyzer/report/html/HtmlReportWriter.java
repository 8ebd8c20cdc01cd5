package io.costlevel.analyzer.report.html;

import io.costlevel.analyzer.report.JsonReportWriter;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.RunInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the report as one self-contained HTML page: the template resource with the page's CSS and
 * JS inlined and the report embedded as JSON, which the script renders with createElement and
 * textContent only. The embedded JSON is exactly what {@code --json} writes ({@link JsonReportWriter}),
 * so the two views cannot drift apart.
 *
 * <p>The run summary and the tiers' cost ranges ({@link TierRanges}, from the classifier's own
 * bounds) are filled in server-side (text and attribute placeholders), so the essentials read even
 * without JavaScript; everything per site is rendered by the script from the embedded data, and the
 * ladder's bands from the ranges in the tier guide.
 */
public final class HtmlReportWriter {
    private static final String TEMPLATE = "report.html";
    /** The page's only executable script; its hash goes into the page's Content-Security-Policy. */
    private static final String SCRIPT = "report.js";
    private static final String UNKNOWN = "unknown";

    private HtmlReportWriter() {}

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    static String render(Report report) throws IOException {
        RunInfo run = report.run() != null
                ? report.run()
                : new RunInfo(null, null, 0, 0, List.of(), List.of(), null, null, 0, 0, null);
        Map<String, String> values = new LinkedHashMap<>(TierRanges.placeholders());
        values.putAll(Map.ofEntries(
                Map.entry("scriptSha256", HtmlTemplate.scriptHash(SCRIPT)),
                Map.entry("analyzerVersion", orUnknown(run.analyzerVersion())),
                Map.entry("generatedAt", orUnknown(run.generatedAt())),
                Map.entry("jvm", orUnknown(run.jvm())),
                Map.entry("javaVersion", orUnknown(run.javaVersion())),
                Map.entry("cores", run.cores() > 0 ? Integer.toString(run.cores()) : UNKNOWN),
                Map.entry("duration", String.format(Locale.ROOT, "%.1f s", run.durationSeconds())),
                Map.entry("sources", joined(run.sources(), ", ")),
                // one input per line; the page shows them with white-space: pre-line
                Map.entry("inputs", joined(run.inputs(), "\n")),
                Map.entry("reportJson", JsonReportWriter.toJson(report))));
        return HtmlTemplate.fromResource(TEMPLATE).render(values);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    private static String joined(List<String> values, String separator) {
        return values == null || values.isEmpty() ? "none" : String.join(separator, values);
    }
}
