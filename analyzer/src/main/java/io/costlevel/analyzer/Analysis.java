package io.costlevel.analyzer;

import io.costlevel.analyzer.attribution.AgentCharges;
import io.costlevel.analyzer.attribution.ApplicationCode;
import io.costlevel.analyzer.attribution.PoolQueues;
import io.costlevel.analyzer.attribution.ProbeSamples;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.attribution.StackAttributor;
import io.costlevel.analyzer.attribution.UncountedSynchronization;
import io.costlevel.analyzer.classify.Evidence;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.classify.ThreadTime;
import io.costlevel.analyzer.findings.CarrierStarvationFinder;
import io.costlevel.analyzer.input.AgentRun;
import io.costlevel.analyzer.input.AgentSitesReader;
import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.input.InputResolver;
import io.costlevel.analyzer.input.NotInstrumented;
import io.costlevel.analyzer.input.RunInput;
import io.costlevel.analyzer.input.SchedulerLoad;
import io.costlevel.analyzer.input.jfr.JfrScanner;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.input.jfr.RecordingFacts;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.ReportBuilder;
import io.costlevel.analyzer.report.RunInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data path for one {@code analyze}: resolve inputs, read each JVM's agent counters and
 * recordings into one site table, classify, build the report.
 */
public final class Analysis {
    private final String includeOverride;
    private final Progress progress;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param includeOverride application class prefixes from --include, or null to use the agent's
     *                        recorded include option (and the default rule without one)
     */
    public Analysis(String includeOverride, Progress progress) {
        this.includeOverride = includeOverride;
        this.progress = progress;
    }

    /**
     * Lines for stderr after {@link #run}: what makes the report mostly blind, and recordings read in part; those
     * of every run so far (diff runs one analysis per side).
     */
    public List<String> warnings() {
        return warnings;
    }

    public Report run(List<Path> inputs) throws InputException {
        List<RunInput> runs = InputResolver.resolve(inputs);
        SiteTable table = new SiteTable();
        Set<String> sources = new LinkedHashSet<>();
        List<String> blindSpots = new ArrayList<>();
        String jvm = null;
        String javaVersion = null;
        int cores = 0;
        double duration = 0;
        boolean anyAgent = false;
        boolean anyRecording = false;
        SchedulerLoad scheduler = null;
        int recordingIndex = 0;
        RunSpan span = new RunSpan();
        List<NotInstrumented> notInstrumented = new ArrayList<>();
        Set<String> includes = new LinkedHashSet<>();
        // The threads' time of every JVM, while each had a recording to see its threads by (else unknown: 0).
        double threadNanos = 0;
        boolean threadTimeKnown = true;
        ThreadTime threads = ThreadTime.NONE;

        for (RunInput run : runs) {
            AgentRun agent = run.agentSites() == null ? null : AgentSitesReader.read(run.agentSites());
            // The agent's own rules, unless --include says what the application is.
            ApplicationCode application = includeOverride != null ? ApplicationCode.fromPrefixes(includeOverride)
                    : agent != null ? ApplicationCode.fromOptions(agent.include(), agent.exclude())
                    : ApplicationCode.everythingButRuntime();
            includes.add(includeOverride != null ? includeOverride : agent != null ? agent.include() : "");
            StackAttributor attributor = new StackAttributor(application);
            JfrScanner scanner = new JfrScanner(attributor, table, progress);

            double runDuration = 0;
            double runStart = 0;
            int runCores = 0;
            double runThreadNanos = 0;
            ThreadTime runThreads = ThreadTime.NONE;
            boolean runDamaged = false;
            for (Path recording : run.recordings()) {
                RecordingFacts facts = scanner.scan(recording, recordingIndex++, agent == null ? 0 : agent.cpuSamplePeriodNanos());
                table.endRecording();
                if (facts.startEpochNanos() > 0) {
                    double start = facts.startEpochNanos() / 1e9;
                    runStart = runStart == 0 ? start : Math.min(runStart, start);
                }
                anyRecording = true;
                if (facts.damage() != null) {
                    String partial = recording + ": " + facts.damage() + "; the report uses those chunks and the agent's"
                            + " counters, so what the lost chunk recorded (the last seconds before the JVM stopped) is"
                            + " missing from CPU and wait figures";
                    warnings.add(partial);
                    blindSpots.add(partial);
                }
                sources.add(facts.asyncProfiler() ? "async-profiler" : "jfr");
                runDuration = Math.max(runDuration, facts.durationSeconds());
                // A JDK recording and async-profiler's of one JVM see the same threads: the one that saw more.
                runThreadNanos = Math.max(runThreadNanos, facts.threadNanos());
                runThreads = runThreads.plus(facts.threads()); // keys differ between recordings
                runDamaged |= facts.damage() != null;
                runCores = Math.max(runCores, facts.hardwareThreads());
                jvm = jvm != null ? jvm : facts.jvmName();
                javaVersion = javaVersion != null ? javaVersion : facts.javaVersion();
            }
            if (agent != null) {
                anyAgent = true;
                sources.add("agent");
                scheduler = longerWaits(scheduler, agent.scheduler());
                notInstrumented.addAll(agent.notInstrumented());
                AgentCharges.charge(agent, application, table);
                PoolQueues.mark(agent, table);
                if (agent.wallMillis() > 0) {
                    // The agent counted over the uptime before its snapshot; its start is the JVM's when no recording says.
                    double start = agent.wallMillis() / 1000.0 - agent.uptimeSeconds();
                    runStart = runStart == 0 ? start : Math.min(runStart, start);
                }
                // The agent knows the JVM's available processors, which a container may cap below the hardware's.
                runCores = agent.cores() > 0 ? agent.cores() : runCores;
                runDuration = Math.max(runDuration, agent.uptimeSeconds());
                jvm = agent.jvmName() != null ? agent.jvmName() : jvm;
                javaVersion = agent.javaVersion() != null ? agent.javaVersion() : javaVersion;
                if (!agent.finalSnapshot()) {
                    blindSpots.add(run.label() + ": the JVM did not exit normally; this is its last periodic snapshot, "
                            + "the last interval before it ended is missing");
                }
            }
            table.endJvm(agent == null ? null : agent.probeCost());
            // The recording starts with the agent's counting (at launch or attach, before any probe runs) and ends at
            // its final snapshot; one whose last chunk was lost (a JVM that died) saw less than the agent counted.
            threadNanos += runThreadNanos;
            threadTimeKnown &= runThreadNanos > 0 && !runDamaged;
            if (!runDamaged) {
                threads = threads.plus(runThreads);
            }
            cores = Math.max(cores, runCores);
            duration += runDuration;
            span.addJvm(runStart, runDuration);
        }
        if (!anyAgent) {
            blindSpots.add("No agent data: atomics, CAS failures, cache-line handoffs and spin waits leave no trace in a JFR "
                    + "recording, so hot lines that use them appear as plain CPU (L0, low confidence) and ops per second "
                    + "and ns per op are unknown. Run with -javaagent:costlevel-agent.jar to see them.");
            blindSpots.add("A JFR recording keeps park, monitor and wait events only above its threshold (10-20 ms by "
                    + "default): shorter blocking is not seen.");
        }
        if (!anyRecording) {
            blindSpots.add("No recording: hot code without synchronization (L0) and where blocked threads wait "
                    + "inside the JDK are not seen.");
        }
        blindSpots.addAll(UncountedSynchronization.blindSpots(table.all()));
        blindSpots.addAll(ProbeSamples.blindSpots(table));
        Coverage coverage = new Coverage(table, notInstrumented, anyRecording, String.join(" ", includes).trim());
        blindSpots.addAll(coverage.blindSpots());
        warnings.addAll(coverage.warnings());
        Set<String> leftOut = new LinkedHashSet<>();
        notInstrumented.forEach(c -> leftOut.add(c.className()));
        double wall = span.wallSeconds();
        for (SiteTally t : table.all()) {
            t.wallSeconds(span.wallSeconds(t.jvms()));
        }
        RunInfo info = new RunInfo(jvm, javaVersion, cores, duration, inputs.stream().map(Path::toString).toList(),
                List.copyOf(sources), AnalyzerVersion.current(), Instant.now().toString(),
                Evidence.round(wall), span.jvms(), span.arrangement(),
                threadTimeKnown && threadNanos > 0 ? Evidence.round(threadNanos / 1e9) : null);
        return new ReportBuilder().build(table.all(), new RunContext(cores, anyAgent, wall, leftOut)
                        .withThreadTime(threadTimeKnown ? threadNanos : 0, threads), info, blindSpots)
                .withCarrierStarvation(CarrierStarvationFinder.find(scheduler, table.all()));
    }

    /** Of several JVMs' schedulers, the one whose virtual threads waited longest to mount (each has its own carriers). */
    private static SchedulerLoad longerWaits(SchedulerLoad a, SchedulerLoad b) {
        return a == null || b != null && b.mountWaitNanos() > a.mountWaitNanos() ? b : a;
    }
}
