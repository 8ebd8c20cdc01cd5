package io.costlevel.analyzer;

import io.costlevel.analyzer.forecast.Forecast;
import io.costlevel.analyzer.forecast.ForecastHtml;
import io.costlevel.analyzer.forecast.ForecastInputs;
import io.costlevel.analyzer.forecast.ForecastJson;
import io.costlevel.analyzer.forecast.ForecastText;
import io.costlevel.analyzer.forecast.Forecaster;
import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.input.jfr.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code costlevel forecast INPUT... --threads N [--cores M]}: the tier each site reaches at N threads on M cores. */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = AnalyzerVersion.class,
        description = "Per site, the tier expected at N threads on M cores, the mechanism behind the move and a confidence; "
                + "with runs at 2+ thread counts, a Universal Scalability Law fit for ns/op.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:forecast written", "1:unreadable or invalid input (also: inputs at one thread count, --cores beyond the inputs')", "2:wrong usage"})
final class ForecastCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "What analyze accepts (agent out directory, recording, costlevel-sites.json), one input per run at one thread count.")
    List<Path> inputs;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that will run each site (default: 4x the inputs' most).")
    Integer threads;

    @Option(names = "--cores", paramLabel = "M", description = "Cores they will share (default: the inputs'; not more).")
    Integer cores;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the forecast as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the forecast as one self-contained HTML page.")
    Path html;

    @Option(names = "--include", paramLabel = "PREFIXES", description = "Class-name prefixes of application code, as for analyze.")
    String include;

    @Mixin
    ErrorReport errors;

    @Override
    public Integer call() {
        if (threads != null && threads <= 0 || cores != null && cores <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads and --cores must be 1 or more (was " + (threads != null && threads <= 0 ? threads : cores) + ")");
        }
        PrintStream err = System.err;
        try {
            Forecast forecast = Forecaster.forecast(ForecastInputs.load(new Analysis(include, new Progress(err)), inputs), threads, cores);
            if (json != null) {
                ForecastJson.write(forecast, json);
            }
            if (html != null) {
                ForecastHtml.write(forecast, html);
            }
            if (json == null && html == null) {
                ForecastText.print(forecast, System.out);
            }
            return 0;
        } catch (InputException e) {
            return errors.fail(err, e.getMessage(), e);
        } catch (IOException e) {
            return errors.fail(err, "cannot write the forecast: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return errors.fail(err, errors.unexpected("forecast", e), e);
        }
    }
}
