package io.costlevel.analyzer;

import io.costlevel.analyzer.attach.Attach;
import io.costlevel.analyzer.attach.AttachException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code costlevel attach PID}: records a running JVM for a while and leaves it as it was. */
@Command(name = "attach", mixinStandardHelpOptions = true, versionProvider = AnalyzerVersion.class,
        description = {"Load the agent into a running JVM, record for N seconds, write DIR, then remove the agent's"
                + " instrumentation and stop its recording; the application runs on. Analyze DIR afterwards."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:DIR written", "1:could not attach, or the recording did not finish", "2:wrong usage"})
final class AttachCommand implements Callable<Integer> {
    private static final int FAILED = 1;

    @Parameters(paramLabel = "PID", description = "Process id of the running JVM (jps lists them).")
    long pid;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "30", description = "How long to record (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "costlevel-out",
            description = "Directory the agent writes, as its out option (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--include", paramLabel = "PREFIXES",
            description = "Class-name prefixes of application code, separated by ';' (default: every class outside the JDK).")
    String include;

    @Option(names = "--agent-options", paramLabel = "OPTIONS",
            description = "More agent options, key=value separated by ',' (see docs/agent.md), e.g. interval=5,sampling=16.")
    String agentOptions;

    @Option(names = "--agent-jar", paramLabel = "JAR", description = "Load this agent jar instead of the one inside costlevel.jar.")
    Path agentJar;

    @Option(names = "--verbose", description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds < 1) {
            System.err.println("costlevel: --seconds must be at least 1");
            return 2;
        }
        try {
            Path written = new Attach(pid, seconds, out, include, agentOptions).run(agentJar);
            System.out.println("costlevel: recorded PID " + pid + " for " + seconds + " s into " + written
                    + "; the agent gives the classes it instrumented their code back as soon as no thread is inside them."
                    + " Next: java -jar costlevel.jar analyze " + written);
            return 0;
        } catch (AttachException e) {
            System.err.println("costlevel: " + e.getMessage());
            if (verbose) {
                e.printStackTrace();
            }
            return FAILED;
        }
    }
}
