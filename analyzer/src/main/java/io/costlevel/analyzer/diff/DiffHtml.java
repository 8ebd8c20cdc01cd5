package io.costlevel.analyzer.diff;

import io.costlevel.analyzer.AnalyzerVersion;
import io.costlevel.analyzer.report.html.HtmlTemplate;
import io.costlevel.analyzer.report.html.TierRanges;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diff as one self-contained HTML page, of the report page's family: its template sits beside
 * report.html and includes the report's stylesheet, values are escaped by the same template, and
 * the page embeds exactly what {@code --json} writes ({@link DiffJson}), which its script renders
 * (the changes, and both runs' ladders overlaid) with createElement and textContent only.
 */
public final class DiffHtml {
    private static final String TEMPLATE = "diff.html";
    /** The page's two scripts; each one's hash goes into the page's Content-Security-Policy. */
    private static final String KIT = "page-kit.js";
    private static final String SCRIPT = "diff.js";

    private DiffHtml() {}

    public static void write(Diff diff, List<RuleOutcome> rules, Path file) throws IOException {
        Files.writeString(file, render(diff, rules), StandardCharsets.UTF_8);
    }

    static String render(Diff diff, List<RuleOutcome> rules) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(TierRanges.placeholders());
        values.put("kitSha256", HtmlTemplate.scriptHash(KIT));
        values.put("scriptSha256", HtmlTemplate.scriptHash(SCRIPT));
        values.put("analyzerVersion", AnalyzerVersion.current());
        values.put("verdict", verdict(diff, rules));
        values.put("baseInput", diff.base().label());
        values.put("baseRun", run(diff.base()));
        values.put("newInput", diff.now().label());
        values.put("newRun", run(diff.now()));
        values.put("test", diff.test());
        values.put("diffJson", DiffJson.toJson(diff, rules));
        return HtmlTemplate.fromResource(TEMPLATE).render(values);
    }

    /** The headline, written server-side so it reads without JavaScript. */
    private static String verdict(Diff diff, List<RuleOutcome> rules) {
        long fired = rules.stream().filter(RuleOutcome::fired).count();
        int changes = diff.reported().size();
        String head = changes == 0 ? "No change beyond the noise" : changes + (changes == 1 ? " change" : " changes") + " beyond the noise";
        return fired == 0 ? head : head + "; " + fired + (fired == 1 ? " --fail-on rule fired" : " --fail-on rules fired");
    }

    private static String run(ReportSide s) {
        return String.format(Locale.ROOT, "%s cores, %.1f s, %s, %d sites", s.cores() > 0 ? s.cores() : "unknown",
                s.durationSeconds(), s.sources().isEmpty() ? "no evidence named" : String.join(", ", s.sources()), s.sites().size());
    }
}
