package io.costlevel.samples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs every sample at 1 thread, threads = cores and 4x cores and prints ns/op as a table: the
 * cost hierarchy in one screen, the demo until the agent and analyzer report it per line.
 */
final class Ladder {
    private static final String ROW = "%-20s %14s %14s %14s%n";
    /** Lets the JIT compile a sample's hot loop before its first measured cell. */
    private static final double WARMUP_SECONDS = 0.2;

    private Ladder() {}

    /** Prints the table to {@code out}; returns false if any cell was not ok (marked with '!'). */
    static boolean run(double secondsPerCell, int cores, PrintStream out) throws InterruptedException {
        int[] threadCounts = {1, cores, 4 * cores};
        out.printf(Locale.ROOT, "# ns per op (wall time x threads / ops), %s s per cell, %d cores, Java %s%n",
                secondsPerCell, cores, Runtime.version());
        out.printf(Locale.ROOT, ROW, "sample", "1 thread", cores + " threads", 4 * cores + " threads");
        boolean allOk = true;
        for (Sample sample : Sample.values()) {
            CounterRun.run(sample, RunPlan.forSeconds(1, Math.min(WARMUP_SECONDS, secondsPerCell)));
            String[] cells = new String[threadCounts.length];
            for (int i = 0; i < threadCounts.length; i++) {
                RunResult result = CounterRun.run(sample, RunPlan.forSeconds(threadCounts[i], secondsPerCell));
                cells[i] = RunResult.formatNanos(result.nsPerOp()) + (result.ok() ? "" : " !");
                allOk &= result.ok();
            }
            out.printf(Locale.ROOT, ROW, sample.id(), cells[0], cells[1], cells[2]);
        }
        if (!allOk) {
            out.println("# ! = the count did not match the ops done, or a thread did not end");
        }
        return allOk;
    }
}
