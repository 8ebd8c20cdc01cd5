package io.costlevel.samples;

import io.costlevel.samples.CommandLine.Command;
import io.costlevel.samples.CommandLine.RunLadder;
import io.costlevel.samples.CommandLine.RunSample;
import io.costlevel.samples.CommandLine.UsageException;
import java.io.PrintStream;

/**
 * The samples' command line, main class of {@code costlevel-samples.jar}:
 *
 * <pre>
 * java -jar samples/target/costlevel-samples.jar SAMPLE [--threads N] [--seconds S] [--ops M]
 * java -jar samples/target/costlevel-samples.jar --ladder [--seconds S]
 * </pre>
 *
 * A single run prints one line, {@code sample=atomic threads=2 ops=.. count=.. seconds=.. nsPerOp=..
 * ok=true}. Exit status: 0 ok, 1 when the count does not match the ops or a thread did not end,
 * 2 for bad arguments (one line on stderr).
 */
public final class SampleRunner {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private SampleRunner() {}

    public static void main(String[] args) {
        System.exit(execute(args, Runtime.getRuntime().availableProcessors(), System.out, System.err));
    }

    /** Each sample's own {@code main}: the same options, with the sample already chosen. */
    static void runAndExit(Sample sample, String[] options) {
        String[] args = new String[options.length + 1];
        args[0] = sample.id();
        System.arraycopy(options, 0, args, 1, options.length);
        main(args);
    }

    /** Runs the command and returns the exit status; the streams are parameters so tests can read them. */
    static int execute(String[] args, int cores, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = CommandLine.parse(args, cores);
        } catch (UsageException e) {
            err.println("costlevel-samples: " + e.getMessage() + " (" + CommandLine.USAGE + ")");
            return EXIT_USAGE;
        }
        try {
            if (command instanceof RunSample run) {
                RunResult result = CounterRun.run(run.sample(), run.plan());
                out.println(result.line());
                return result.ok() ? EXIT_OK : EXIT_FAILED;
            }
            if (command instanceof RunLadder ladder) {
                return Ladder.run(ladder.secondsPerCell(), cores, out) ? EXIT_OK : EXIT_FAILED;
            }
            out.println(CommandLine.USAGE);
            out.println("samples: " + Sample.ids());
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("costlevel-samples: interrupted");
            return EXIT_FAILED;
        }
    }
}
