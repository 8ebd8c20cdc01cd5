package io.costlevel.agent.it;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample run under the agent (instrumenting the samples, JFR and profiler off: this tests the counters). */
public final class SampleRun {
    private static final Pattern OPS = Pattern.compile("\\bops=(\\d+)");

    public final ForkedJvm.Result result;
    public final Path outDir;

    private SampleRun(ForkedJvm.Result result, Path outDir) {
        this.result = result;
        this.outDir = outDir;
    }

    /** Runs {@code java -javaagent... -jar samples.jar SAMPLE ARGS} with its own out directory under target/it-runs. */
    public static SampleRun of(Jdk jdk, String runName, String extraOptions, String sample, String... args)
            throws IOException, InterruptedException {
        Path dir = Paths.get("target", "it-runs", runName, jdk.java().getParent().getParent().getFileName().toString())
                .toAbsolutePath();
        Path out = dir.resolve("out");
        String options = "out=" + out + ",include=io.costlevel.samples.,jfr=false,profiler=false"
                + (extraOptions.isEmpty() ? "" : "," + extraOptions);
        List<String> main = new ArrayList<>(List.of("-jar", ForkedJvm.samplesJar().toString(), sample));
        main.addAll(List.of(args));
        ForkedJvm.Result result = new ForkedJvm(jdk).agent(options).run(dir, main.toArray(new String[0]));
        if (result.exitCode() != 0 || !result.stdout().contains("ok=true")) {
            throw new AssertionError("sample run failed\n" + result);
        }
        return new SampleRun(result, out);
    }

    public SitesFile sites() throws IOException {
        return SitesFile.read(outDir);
    }

    /** The total operations the sample itself printed ({@code ops=N}). */
    public long printedOps() {
        Matcher matcher = OPS.matcher(result.stdout());
        if (!matcher.find()) {
            throw new AssertionError("no ops= in the sample's output\n" + result);
        }
        return Long.parseLong(matcher.group(1));
    }
}
