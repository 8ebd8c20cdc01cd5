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
    /** Every JVM in the order added: its interval, or null with its seconds in {@link #unplacedSeconds}. */
    private final List<Interval> byJvm = new ArrayList<>();
    private final List<Double> unplacedSeconds = new ArrayList<>();

    /**
     * @param startEpochSeconds when the JVM's counting or recording began, 0 when unknown
     * @param seconds           how long it lasted
     */
    void addJvm(double startEpochSeconds, double seconds) {
        if (startEpochSeconds > 0) {
            Interval interval = new Interval(startEpochSeconds, startEpochSeconds + seconds);
            known.add(interval);
            byJvm.add(interval);
            unplacedSeconds.add(0.0);
        } else {
            unplaced += seconds;
            unplacedJvms++;
            byJvm.add(null);
            unplacedSeconds.add(seconds);
        }
    }

    int jvms() {
        return known.size() + unplacedJvms;
    }

    /** Seconds of wall time at least one JVM ran. */
    double wallSeconds() {
        return union(known, unplaced);
    }

    /** Seconds of wall time at least one of these JVMs (indexes in the order added) ran. */
    double wallSeconds(java.util.BitSet jvms) {
        List<Interval> chosen = new ArrayList<>();
        double loose = 0;
        for (int i = jvms.nextSetBit(0); i >= 0 && i < byJvm.size(); i = jvms.nextSetBit(i + 1)) {
            if (byJvm.get(i) != null) {
                chosen.add(byJvm.get(i));
            }
            loose += unplacedSeconds.get(i);
        }
        return union(chosen, loose);
    }

    private static double union(List<Interval> intervals, double unplaced) {
        List<Interval> sorted = new ArrayList<>(intervals);
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
