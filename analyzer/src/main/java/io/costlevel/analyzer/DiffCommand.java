package io.costlevel.analyzer;

import io.costlevel.analyzer.diff.Diff;
import io.costlevel.analyzer.diff.DiffHtml;
import io.costlevel.analyzer.diff.DiffInputs;
import io.costlevel.analyzer.diff.DiffJson;
import io.costlevel.analyzer.diff.DiffText;
import io.costlevel.analyzer.diff.Differ;
import io.costlevel.analyzer.diff.FailRule;
import io.costlevel.analyzer.diff.FailRules;
import io.costlevel.analyzer.diff.ReportSide;
import io.costlevel.analyzer.diff.RuleOutcome;
import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.input.jfr.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code costlevel diff BASE NEW}: what changed per site between two runs, and a CI gate on it. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = AnalyzerVersion.class,
        description = {"Compare two runs site by site: tier moves, new sites, costlier and improved sites, each change"
                + " tested against the noise of its own evidence. BASE and NEW are report JSON files or anything analyze reads."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared, no --fail-on rule fired", "1:unreadable, invalid or mismatched input",
                "2:wrong usage", "3:a --fail-on rule fired (one line per rule on stderr)"})
final class DiffCommand implements Callable<Integer> {
    static final int USAGE = 2;
    static final int RULE_FIRED = 3;

    @Parameters(index = "0", paramLabel = "BASE", description = "The run before: a report JSON, an agent out directory, a .jfr or a costlevel-sites.json.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The run after, in any of the same forms.")
    Path now;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the diff as JSON (docs/diff.md).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the diff as one self-contained HTML page.")
    Path html;

    @Option(names = "--fail-on", paramLabel = "RULES",
            description = "Exit 3 when one of these comma-separated rules fires: tier-increase, new-tier>=N, tier>=N, nsPerOp+P%%.")
    String failOn;

    @Option(names = "--min-share", paramLabel = "X", defaultValue = "0",
            description = "Hide sites below this share of time in both runs, as a fraction (0.01) or percent (1%%); default: show all.")
    String minShare;

    @Option(names = "--include", paramLabel = "PREFIXES",
            description = "For inputs that are analysed first: class-name prefixes of application code, as analyze --include.")
    String include;

    @Mixin
    ErrorReport errors;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        List<FailRule> rules;
        double share;
        try {
            rules = failOn == null ? List.of() : FailRules.parse(failOn);
            share = parseShare(minShare);
        } catch (IllegalArgumentException e) {
            err.println("costlevel: " + e.getMessage());
            return USAGE;
        }
        try {
            Analysis analysis = new Analysis(include, new Progress(err));
            DiffInputs inputs = new DiffInputs(analysis);
            ReportSide before = inputs.load(base);
            ReportSide after = inputs.load(now);
            analysis.warnings().forEach(warning -> err.println("costlevel: warning: " + warning));
            DiffInputs.checkComparable(before, after);
            Diff diff = new Differ(share).compare(before, after);
            List<RuleOutcome> outcomes = RuleOutcome.check(rules, diff);
            if (json != null) {
                DiffJson.write(diff, outcomes, json);
            }
            if (html != null) {
                DiffHtml.write(diff, outcomes, html);
            }
            if (json == null && html == null) {
                DiffText.print(diff, System.out);
            }
            outcomes.stream().filter(RuleOutcome::fired).forEach(r -> err.println("costlevel: " + r.message()));
            return outcomes.stream().anyMatch(RuleOutcome::fired) ? RULE_FIRED : 0;
        } catch (InputException e) {
            return errors.fail(err, e.getMessage(), e);
        } catch (IOException e) {
            return errors.fail(err, "cannot write the diff: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return errors.fail(err, errors.unexpected("diff", e), e);
        }
    }

    /** "0.01" or "1%": a share of time, 0 up to (not including) 1. */
    static double parseShare(String text) {
        String t = text.strip();
        double value;
        try {
            value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--min-share " + text + ": not a number (a fraction like 0.01, or 1%)");
        }
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("--min-share " + text + ": must be at least 0 and below 1 (100%)");
        }
        return value;
    }
}
