package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Each INPUT analysed on its own by the same {@link Analysis} as {@code analyze}: one input is one run, one thread count. */
public final class ForecastInputs {
    private ForecastInputs() {}

    public static List<ObservedRun> load(Analysis analysis, List<Path> inputs) throws InputException {
        List<ObservedRun> runs = new ArrayList<>();
        for (Path input : inputs) {
            runs.add(ObservedRun.of(input.toString(), analysis.run(List.of(input))));
        }
        return runs;
    }
}
