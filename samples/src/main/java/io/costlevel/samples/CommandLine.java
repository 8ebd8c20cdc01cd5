package io.costlevel.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the runner's arguments into one of its commands; every mistake is a
 * {@link UsageException} with a message that fits on one line.
 */
final class CommandLine {
    static final String USAGE = "usage: java -jar costlevel-samples.jar SAMPLE [--threads N] [--seconds S] [--ops M]"
            + " | --ladder [--seconds S] | --help";
    static final double DEFAULT_SECONDS = 2;
    static final double DEFAULT_LADDER_SECONDS = 0.5;
    /** Far above any sensible oversubscription; keeps a typo from starting a million threads. */
    static final int MAX_THREADS = 4096;
    /** A day: a run is a measurement, not a service. */
    static final double MAX_SECONDS = 86_400;

    sealed interface Command permits RunSample, RunLadder, ShowHelp {}

    record RunSample(Sample sample, RunPlan plan) implements Command {}

    record RunLadder(double secondsPerCell) implements Command {}

    record ShowHelp() implements Command {}

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String problem) {
            super(problem);
        }
    }

    private CommandLine() {}

    static Command parse(String[] args, int cores) throws UsageException {
        List<String> positional = new ArrayList<>();
        Integer threads = null;
        Double seconds = null;
        Long ops = null;
        boolean ladder = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new ShowHelp();
                }
                case "--ladder" -> ladder = true;
                case "--threads" -> threads = parseThreads(valueOf(args, ++i, arg));
                case "--seconds" -> seconds = parseSeconds(valueOf(args, ++i, arg));
                case "--ops" -> ops = parseOps(valueOf(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    positional.add(arg);
                }
            }
        }
        if (ladder) {
            if (!positional.isEmpty() || threads != null || ops != null) {
                throw new UsageException("--ladder takes only --seconds: it runs every sample at 1, "
                        + cores + " and " + 4 * cores + " threads");
            }
            return new RunLadder(seconds == null ? DEFAULT_LADDER_SECONDS : seconds);
        }
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "no sample given; valid: " + Sample.ids()
                    : "one sample at a time, got " + positional);
        }
        Sample sample = Sample.byId(positional.get(0)).orElseThrow(() -> new UsageException(
                "unknown sample '" + positional.get(0) + "'; valid: " + Sample.ids()));
        RunPlan plan = RunPlan.forSeconds(threads == null ? cores : threads, seconds == null ? DEFAULT_SECONDS : seconds);
        return new RunSample(sample, ops == null ? plan : plan.withOpsPerThread(ops));
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseThreads(String text) throws UsageException {
        long threads = parseLong("--threads", text);
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UsageException("--threads must be between 1 and " + MAX_THREADS + ", got " + text);
        }
        return (int) threads;
    }

    private static long parseOps(String text) throws UsageException {
        long ops = parseLong("--ops", text);
        if (ops < 1) {
            throw new UsageException("--ops must be at least 1, got " + text);
        }
        return ops;
    }

    private static double parseSeconds(String text) throws UsageException {
        double seconds;
        try {
            seconds = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seconds needs a number, got '" + text + "'");
        }
        // The op bound is optional, so the time bound is what guarantees the run ends.
        if (!(seconds > 0 && seconds <= MAX_SECONDS) || RunPlan.secondsToNanos(seconds) <= 0) {
            throw new UsageException("--seconds must be above 0 and at most " + (long) MAX_SECONDS + ", got " + text);
        }
        return seconds;
    }

    private static long parseLong(String option, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + text + "'");
        }
    }
}
