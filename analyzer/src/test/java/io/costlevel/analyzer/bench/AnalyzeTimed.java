package io.costlevel.analyzer.bench;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.report.Report;

import java.nio.file.Path;
import java.util.List;

/** The whole analysis of one input, timed, for scripts/bench-analyzer.sh. */
public final class AnalyzeTimed {
    private AnalyzeTimed() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Report report = new Analysis(null, Progress.silent()).run(List.of(Path.of(args[0])));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("costlevel analysis: %d sites in %.2f s%n", report.sites().size(), seconds);
    }
}
