package io.costlevel.analyzer.accuracy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A seed sample run without the agent in a forked JVM, and the result line it prints. */
final class NativeRun {
    private static final Pattern LINE = Pattern.compile(
            "sample=\\S+ threads=(\\d+) ops=(\\d+) count=\\d+ seconds=(\\S+) nsPerOp=\\S+ cpuNsPerOp=(\\S+)");

    private NativeRun() {}

    /**
     * The sample's result line. {@link #threadNanosPerOp} is over the whole run (its printed nsPerOp leaves out the
     * start, before every thread took part, while the report covers every op): seconds x threads / ops.
     */
    record Printed(int threads, long ops, double seconds, double cpuNanosPerOp) {
        static Printed parse(String log) {
            Matcher m = LINE.matcher(log);
            if (!m.find()) {
                throw new AssertionError("no result line in: " + log);
            }
            return new Printed(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)));
        }

        double threadNanosPerOp() {
            return seconds * 1e9 * threads / ops;
        }
    }

    /** Runs the sample without the agent, bounded to 60 s; its output goes to {@code log}. */
    static Printed run(Path java, String sample, int threads, double seconds, Path log) throws Exception {
        List<String> command = List.of(java.toString(), "-jar", SampleUnderAgent.jar("costlevel.samplesJar").toString(),
                sample, "--threads", Integer.toString(threads), "--seconds", Double.toString(seconds));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(sample + " x" + threads + " did not end within 60 s: " + command);
        }
        return Printed.parse(SampleUnderAgent.read(log));
    }
}
