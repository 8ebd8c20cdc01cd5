package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.input.InputException;

import java.util.Comparator;
import java.util.List;

/** What makes inputs unusable for a forecast, each said in one line. */
final class ForecastChecks {
    private ForecastChecks() {}

    /** The inputs sorted by threads; each thread count once, since one input is one point of the fit. */
    static List<ObservedRun> checked(List<ObservedRun> inputs) throws InputException {
        for (ObservedRun run : inputs) {
            if (run.threads() == 0) {
                throw new InputException(run.label() + ": no sites, nothing to forecast");
            }
        }
        List<ObservedRun> sorted = inputs.stream().sorted(Comparator.comparingInt(ObservedRun::threads)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).threads() == sorted.get(i - 1).threads()) {
                throw new InputException(String.format("%s and %s both ran at %d threads: a fit needs one input per thread "
                        + "count (two or more counts), and one point cannot make one", sorted.get(i - 1).label(),
                        sorted.get(i).label(), sorted.get(i).threads()));
            }
        }
        return sorted;
    }

    /**
     * More cores than the inputs had cannot be told: nothing recorded shows how the sites behave when that many
     * threads run at once (how many lines move, how long a lock is held while others spin).
     */
    static void checkCores(Target target, int inputCores) throws InputException {
        if (inputCores > 0 && target.cores() > inputCores) {
            throw new InputException(String.format("--cores %d: the inputs ran on %d cores and cannot tell how the sites "
                    + "behave with %d threads running at once; record on a machine with at least %d cores",
                    target.cores(), inputCores, target.cores(), target.cores()));
        }
        if (inputCores == 0 && target.cores() <= 0) {
            throw new InputException("the inputs do not say how many cores they ran on; give --cores");
        }
    }
}
