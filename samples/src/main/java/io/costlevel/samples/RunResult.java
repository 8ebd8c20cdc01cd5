package io.costlevel.samples;

import java.util.Locale;

/**
 * What one run measured. {@code ops} are the increments the threads saw complete, {@code count} is
 * what the counter says at the end: a correct counter has them equal.
 *
 * @param elapsedNanos the whole run, from starting the first worker to the end of the last
 * @param allThreadsEnded false when a worker died or did not end within the grace period; then
 *     its ops are missing and the run is not ok
 * @param measuredOps the ops done in the measured window, once every worker had begun (see
 *     {@link AllContending}); all ops when the run ended before that
 * @param measuredNanos the length of that window
 * @param cpuNanos the workers' CPU time over the whole run (the JVM's thread CPU clock), -1 when not measured
 */
public record RunResult(Sample sample, int threads, long ops, long count, long elapsedNanos,
        boolean allThreadsEnded, long measuredOps, long measuredNanos, long cpuNanos) {

    /** A result without the workers' CPU time. */
    public RunResult(Sample sample, int threads, long ops, long count, long elapsedNanos, boolean allThreadsEnded,
                     long measuredOps, long measuredNanos) {
        this(sample, threads, ops, count, elapsedNanos, allThreadsEnded, measuredOps, measuredNanos, -1);
    }

    public boolean ok() {
        return allThreadsEnded && count == ops;
    }

    /**
     * Thread time per op in the measured window (wall time x threads / ops), as JMH reports average
     * time with N threads: like JMH, it leaves out the start, before every thread took part.
     */
    public double nsPerOp() {
        return measuredOps == 0 ? Double.NaN : (double) measuredNanos * threads / measuredOps;
    }

    /**
     * CPU time per op over the whole run: what an op costs on a core, without the time a thread waited for one
     * (which {@link #nsPerOp()} includes when threads outnumber cores). NaN when not measured.
     */
    public double cpuNsPerOp() {
        return cpuNanos < 0 || ops == 0 ? Double.NaN : (double) cpuNanos / ops;
    }

    /** The runner's one result line, e.g. {@code sample=atomic threads=2 ops=10 count=10 ...}. */
    public String line() {
        return String.format(Locale.ROOT, "sample=%s threads=%d ops=%d count=%d seconds=%.3f nsPerOp=%s cpuNsPerOp=%s ok=%s",
                sample.id(), threads, ops, count, elapsedNanos / 1e9, formatNanos(nsPerOp()),
                formatNanos(cpuNsPerOp()), ok());
    }

    /** Two decimals below 10 ns so the L0 figures keep a digit, one above. */
    static String formatNanos(double nanos) {
        if (Double.isNaN(nanos)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, nanos < 10 ? "%.2f" : "%.1f", nanos);
    }
}
