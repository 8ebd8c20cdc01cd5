package io.costlevel.analyzer;

import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.report.JsonReportWriter;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.TextSummary;
import io.costlevel.analyzer.report.html.HtmlReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code costlevel analyze INPUT...}: reads recordings and agent data, writes the report. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = AnalyzerVersion.class,
        description = "Charge every event to an application line and classify each line L0-L5.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:unreadable or invalid input, or the report could not be written", "2:wrong usage"})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Agent out directory, or .jfr recording (agent, -XX:StartFlightRecording, async-profiler), or costlevel-sites.json. Several inputs (JVMs of one service) are merged.")
    List<Path> inputs;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one self-contained HTML page.")
    Path html;

    @Option(names = "--include", paramLabel = "PREFIXES",
            description = "Class-name prefixes of application code, separated by ';' (default: the agent's include and exclude options, else every class outside the JDK).")
    String include;

    @Mixin
    ErrorReport errors;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        try {
            Analysis analysis = new Analysis(include, new Progress(err));
            Report report = analysis.run(inputs);
            analysis.warnings().forEach(warning -> err.println("costlevel: warning: " + warning));
            if (json != null) {
                JsonReportWriter.write(report, json);
            }
            if (html != null) {
                HtmlReportWriter.write(report, html);
            }
            if (json == null && html == null) {
                TextSummary.print(report, System.out);
            }
            return 0;
        } catch (InputException e) {
            return errors.fail(err, e.getMessage(), e);
        } catch (IOException e) {
            return errors.fail(err, "cannot write the report: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A bug of ours, or input damaged in a way no check foresaw: still one line, details on request.
            return errors.fail(err, errors.unexpected("analysis", e), e);
        }
    }
}
