package io.costlevel.agent.output;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import io.costlevel.agent.AgentErrors;
import io.costlevel.agent.bootstrap.BootstrapSettings;
import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.bootstrap.CounterRegistry;
import io.costlevel.agent.calibrate.ProbeCost;
import io.costlevel.agent.capture.Capture;
import io.costlevel.agent.instrument.Site;
import io.costlevel.agent.instrument.SiteTable;
import io.costlevel.agent.vthread.SchedulerSampler;

/**
 * Writes {@code costlevel-sites.json} and then has the capture write its recording: every interval from a daemon
 * thread, and a last time ({@code "final": true}) from a shutdown hook. Writes are serialized; each replaces the
 * previous file whole, so a killed JVM leaves the last complete snapshot.
 */
public final class Snapshotter {
    private final Path outDir;
    private final RunInfo run;
    private final SiteTable sites;
    private final Capture capture;
    private final SessionStart start;
    private final List<NotInstrumented> notInstrumented;
    private final StallWatchdog watchdog = new StallWatchdog();
    private long sequence;
    private boolean finished;
    /** The probes' cost measurement, started with the snapshots, or null (not started: tests; a full site table). */
    private ProbeCost probes;
    /** What it measured at the first snapshot (null before, or when it could not). */
    private ProbeCost.Figures probeCost;

    public Snapshotter(Path outDir, RunInfo run, SiteTable sites, Capture capture) {
        this(outDir, run, sites, capture, SessionStart.jvmStart());
    }

    /** @param start what counters and uptime were when this session began (a later attach to the same JVM) */
    public Snapshotter(Path outDir, RunInfo run, SiteTable sites, Capture capture, SessionStart start) {
        this(outDir, run, sites, capture, start, List.of());
    }

    /** @param notInstrumented the application classes an attach left out, written into every snapshot */
    public Snapshotter(Path outDir, RunInfo run, SiteTable sites, Capture capture, SessionStart start,
            List<NotInstrumented> notInstrumented) {
        this.notInstrumented = List.copyOf(notInstrumented);
        this.outDir = outDir;
        this.run = run;
        this.sites = sites;
        this.capture = capture;
        this.start = start;
    }

    /** Starts the interval thread and the stall watchdog, and registers the final snapshot at JVM exit. */
    public void start(int intervalSeconds) {
        watchdog.start();
        probes = ProbeCost.start(sites);
        Thread periodic = new Thread(() -> everyInterval(intervalSeconds * 1000L), "costlevel-snapshot");
        periodic.setDaemon(true);
        periodic.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::finish, "costlevel-final-snapshot"));
    }

    private void everyInterval(long millis) {
        try {
            while (true) {
                Thread.sleep(millis);
                if (!write(false)) {
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last snapshot: counters of every thread that has ended are exact in it. */
    public void finish() {
        write(true);
    }

    /** False once the final snapshot is written: nothing is written after it. */
    synchronized boolean write(boolean isFinal) {
        if (finished) {
            return false;
        }
        finished = isFinal;
        // The final sites file comes last: its "final": true then also says the recording beside it is complete,
        // which is what `costlevel attach` waits for.
        if (isFinal) {
            writeRecording(true);
        }
        measureProbeCost();
        watchdog.begin("writing " + SitesJson.FILE_NAME);
        try {
            List<Site> known = sites.snapshot();
            Snapshot snapshot = new Snapshot(++sequence, System.currentTimeMillis(),
                    start.uptimeSince(ManagementFactory.getRuntimeMXBean().getUptime()), isFinal, sites.droppedSites(),
                    AgentErrors.count(), watchdog.stalls(), watchdog.longestStallMillis(), known,
                    start.since(CounterRegistry.merge()), Callers.snapshot(), SchedulerSampler.load(),
                    BootstrapSettings.lastObjects(known.size()));
            AtomicFiles.write(outDir.resolve(SitesJson.FILE_NAME), SitesJson.render(run, snapshot, notInstrumented,
                    probeCost));
        } catch (Throwable t) {
            AgentErrors.report("could not write " + SitesJson.FILE_NAME + " into " + outDir, t);
        } finally {
            watchdog.end();
        }
        if (isFinal) {
            watchdog.stop();
        } else {
            writeRecording(false);
        }
        return !isFinal;
    }

    /**
     * Once, at the first snapshot: the final one of a short run comes after the recording stopped and the
     * application's threads ended, so the measurement and the application do not disturb each other.
     */
    private void measureProbeCost() {
        if (probes == null) {
            return;
        }
        ProbeCost measuring = probes;
        probes = null;
        watchdog.begin("measuring the probes' cost");
        try {
            probeCost = measuring.measure();
        } catch (Throwable t) {
            AgentErrors.report("could not measure the probes' cost", t);
        } finally {
            watchdog.end();
        }
    }

    private void writeRecording(boolean isFinal) {
        watchdog.begin(isFinal ? "writing the final recording" : "writing the recording");
        try {
            if (isFinal) {
                capture.stop(outDir);
            } else {
                capture.snapshot(outDir);
            }
        } catch (Throwable t) {
            AgentErrors.report("the recording's snapshot failed", t);
        } finally {
            watchdog.end();
        }
    }
}
