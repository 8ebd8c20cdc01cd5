package io.costlevel.analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When the analysed JVMs ran, to turn ops into rates of the run's wall time. JVMs of one service that ran side by
 * side cover the same wall time, so their rates add up; JVMs that ran one after another (the demo's samples, a
 * test suite's runs) cover the sum of their times, so a rate over the whole is an average. Both are one formula:
 * ops over the union of the JVMs' wall intervals.
 */
final class RunSpan {
    /** How the JVMs' wall intervals lie against each other, in the report's words. */
    static final String ONE_JVM = "one JVM";
    static final String SIDE_BY_SIDE = "side by side";
    static final String ONE_AFTER_ANOTHER = "one after another";
    static final String PARTLY_OVERLAPPING = "partly overlapping";

    private record Interval(double start, double end) {
        double length() {
            return end - start;
        }
    }

    private final List<Interval> known = new ArrayList<>();
    /** Seconds of JVMs whose start is not known (no agent snapshot time, no recording header): laid end to end. */
    private double unplaced;
    private int unplacedJvms;

    /**
     * @param startEpochSeconds when the JVM's counting or recording began, 0 when unknown
     * @param seconds           how long it lasted
     */
    void addJvm(double startEpochSeconds, double seconds) {
        if (startEpochSeconds > 0) {
            known.add(new Interval(startEpochSeconds, startEpochSeconds + seconds));
        } else {
            unplaced += seconds;
            unplacedJvms++;
        }
    }

    int jvms() {
        return known.size() + unplacedJvms;
    }

    /** Seconds of wall time at least one JVM ran. */
    double wallSeconds() {
        List<Interval> sorted = new ArrayList<>(known);
        sorted.sort(Comparator.comparingDouble(Interval::start));
        double total = unplaced;
        double coveredUntil = Double.NEGATIVE_INFINITY;
        for (Interval i : sorted) {
            double from = Math.max(i.start(), coveredUntil);
            if (i.end() > from) {
                total += i.end() - from;
            }
            coveredUntil = Math.max(coveredUntil, i.end());
        }
        return total;
    }

    /**
     * {@link #SIDE_BY_SIDE} when the union is no longer than the longest JVM (within 10 %: JVMs of one service
     * start a moment apart), {@link #ONE_AFTER_ANOTHER} when it is the sum of them (within 10 %).
     */
    String arrangement() {
        if (jvms() <= 1) {
            return ONE_JVM;
        }
        double sum = unplaced + known.stream().mapToDouble(Interval::length).sum();
        double longest = Math.max(unplaced, known.stream().mapToDouble(Interval::length).max().orElse(0));
        double wall = wallSeconds();
        if (unplacedJvms == 0 && wall <= longest * 1.1) {
            return SIDE_BY_SIDE;
        }
        return wall >= sum * 0.9 ? ONE_AFTER_ANOTHER : PARTLY_OVERLAPPING;
    }
}
