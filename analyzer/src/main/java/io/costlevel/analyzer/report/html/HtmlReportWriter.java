package io.costlevel.analyzer.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.report.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the report as one self-contained HTML page: the template resource (inline CSS and JS) with
 * the report embedded as JSON, which the page's script renders with createElement/textContent only.
 * The JSON is the same Jackson view of the same {@link Report} object as {@code --json}.
 */
public final class HtmlReportWriter {
    private static final String TEMPLATE = "report.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReportWriter() {}

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    static String render(Report report) throws IOException {
        return HtmlTemplate.fromResource(TEMPLATE).render(Map.of(
                "reportJson", JSON.writeValueAsString(report)));
    }
}
