package io.costlevel.analyzer.diff;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.report.JsonReportWriter;
import io.costlevel.analyzer.report.Report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns BASE and NEW into reports: a report JSON is read as it is; anything else {@code analyze}
 * accepts (an agent out directory, a recording, a costlevel-sites.json) is analysed first, by the
 * same {@link Analysis} as {@code analyze}, and read back through its JSON, so both kinds of input
 * reach the comparison through the one reader.
 */
public final class DiffInputs {
    /** The agent's own JSON says what it is in its first field (docs/agent-data-format.md). */
    private static final Pattern AGENT_DATA = Pattern.compile("\"format\"\\s*:\\s*\"costlevel-agent\"");
    private static final int SNIFF_CHARS = 200;

    private final Analysis analysis;

    public DiffInputs(Analysis analysis) {
        this.analysis = analysis;
    }

    public ReportSide load(Path input) throws InputException {
        String label = input.toString();
        if (Files.isRegularFile(input)) {
            String text = readIfJson(input);
            if (text != null && !AGENT_DATA.matcher(text.substring(0, Math.min(text.length(), SNIFF_CHARS))).find()) {
                return ReportReader.read(text, label);
            }
        }
        Report report = analysis.run(List.of(input));
        try {
            return ReportReader.read(JsonReportWriter.toJson(report), label);
        } catch (IOException e) {
            throw new InputException(label + ": cannot render the analysed report (" + e.getMessage() + ")", e);
        }
    }

    /** The file's text when it starts like JSON (first non-blank byte a brace), else null; a recording is never read whole here. */
    private static String readIfJson(Path file) throws InputException {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_CHARS);
            }
            String start = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
            return start.startsWith("{") ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text, so not a report JSON", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Two reports whose tiers cannot be compared are bad input: one with the agent's counters and one
     * without would show every atomic and lock moving tier for want of evidence, not for a change.
     */
    public static void checkComparable(ReportSide base, ReportSide now) throws InputException {
        if (base.hasAgent() != now.hasAgent()) {
            ReportSide with = base.hasAgent() ? base : now;
            ReportSide without = base.hasAgent() ? now : base;
            throw new InputException(String.format("%s has the agent's counters and %s does not: their tiers are not "
                    + "comparable; record both runs the same way", with.label(), without.label()));
        }
        boolean shareAClass = base.sites().stream().map(SiteView::className)
                .anyMatch(c -> now.sites().stream().anyMatch(s -> s.className().equals(c)));
        if (!base.sites().isEmpty() && !now.sites().isEmpty() && !shareAClass) {
            throw new InputException(String.format("%s and %s have no class in common: they are not runs of the same program",
                    base.label(), now.label()));
        }
    }
}
