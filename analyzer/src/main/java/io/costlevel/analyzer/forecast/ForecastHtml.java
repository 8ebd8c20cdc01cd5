package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.AnalyzerVersion;
import io.costlevel.analyzer.report.html.HtmlTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forecast as one self-contained HTML page of the report page's family (as the diff's): its template sits
 * beside report.html, values are escaped by the same template, and the page embeds exactly what {@code --json}
 * writes ({@link ForecastJson}), which its script renders with createElement and textContent only.
 */
public final class ForecastHtml {
    private static final String TEMPLATE = "forecast.html";
    private static final String KIT = "page-kit.js";
    private static final String SCRIPT = "forecast.js";

    private ForecastHtml() {}

    public static void write(Forecast forecast, Path file) throws IOException {
        Files.writeString(file, render(forecast), StandardCharsets.UTF_8);
    }

    static String render(Forecast f) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kitSha256", HtmlTemplate.scriptHash(KIT));
        values.put("scriptSha256", HtmlTemplate.scriptHash(SCRIPT));
        values.put("analyzerVersion", AnalyzerVersion.current());
        values.put("target", f.target().threads() + " threads on " + f.target().cores() + " cores");
        values.put("headline", ForecastText.headline(f));
        values.put("runs", String.join("\n", f.runs().stream().map(ForecastText::describe).toList()));
        values.put("runFit", f.fit() == null ? "none: one input" : ForecastText.describe(f.fit(), f.target().threads()));
        values.put("forecastJson", ForecastJson.toJson(f));
        return HtmlTemplate.fromResource(TEMPLATE).render(values);
    }
}
