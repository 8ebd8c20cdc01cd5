package io.costlevel.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs every sample at 1 thread, threads = cores and 4x cores and prints ns/op as a table: the
 * cost hierarchy in one screen, the demo until the agent and analyzer report it per line.
 *
 * <p>Each sample's row runs in a JVM of its own ({@link LadderRow}), as JMH forks: in one shared
 * JVM the workers' {@code increment()} call would see all eleven counter classes, the JIT would
 * stop inlining it, and that virtual call alone would cost more than the L0 sample's whole op.
 */
final class Ladder {
    /** Startup and JIT warm-up of a row's JVM, on top of its cells' own bounds. */
    private static final long ROW_OVERHEAD_NANOS = TimeUnit.SECONDS.toNanos(20);

    private Ladder() {}

    /** Prints the table to {@code out}; returns false if any cell or row failed. */
    static boolean run(double secondsPerCell, int cores, PrintStream out) throws InterruptedException {
        int[] threadCounts = {1, cores, 4 * cores};
        out.printf(Locale.ROOT, "# ns per op (wall time x threads / ops), %s s per cell, %d cores, Java %s%n",
                secondsPerCell, cores, Runtime.version());
        out.println(row("sample", "1 thread", cores + " threads", 4 * cores + " threads"));
        boolean allOk = true;
        for (Sample sample : Sample.values()) {
            allOk &= runRow(sample, secondsPerCell, threadCounts, out);
        }
        if (!allOk) {
            out.println("# ! = the count did not match the ops done, or a thread did not end");
        }
        return allOk;
    }

    /** A table row: the sample column, then one right-aligned column per cell. */
    static String row(String first, String... cells) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s", first));
        for (String cell : cells) {
            row.append(String.format(Locale.ROOT, " %14s", cell));
        }
        return row.toString();
    }

    private static boolean runRow(Sample sample, double secondsPerCell, int[] threadCounts, PrintStream out)
            throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LadderRow.class.getName(), sample.id(), Double.toString(secondsPerCell)));
        for (int threads : threadCounts) {
            command.add(Integer.toString(threads));
        }
        long bound = ROW_OVERHEAD_NANOS
                + threadCounts.length * (RunPlan.secondsToNanos(secondsPerCell) + CounterRun.GRACE_NANOS);
        try {
            Process row = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            // The row is one short line, so the child never blocks on a full pipe before it exits.
            if (!row.waitFor(bound, TimeUnit.NANOSECONDS)) {
                row.destroyForcibly();
                out.println(row(sample.id(), "timed out !"));
                return false;
            }
            out.print(new String(row.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            return row.exitValue() == SampleRunner.EXIT_OK;
        } catch (IOException e) {
            out.println(row(sample.id(), "no JVM: " + e.getMessage() + " !"));
            return false;
        }
    }
}
