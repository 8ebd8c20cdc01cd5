package io.costlevel.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.costlevel.agent.attach.InstrumentedClasses;
import io.costlevel.agent.attach.StackSafeRetransformer;

import io.costlevel.agent.bootstrap.BootstrapSettings;
import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.bootstrap.NeverBlocking;
import io.costlevel.agent.bootstrap.Probes;
import io.costlevel.agent.capture.Capture;
import io.costlevel.agent.instrument.CallSiteTransformer;
import io.costlevel.agent.instrument.Selection;
import io.costlevel.agent.instrument.SiteTable;
import io.costlevel.agent.options.AgentOptions;
import io.costlevel.agent.output.NotInstrumented;
import io.costlevel.agent.output.RunInfo;
import io.costlevel.agent.output.SessionStart;
import io.costlevel.agent.output.Snapshotter;
import io.costlevel.agent.vthread.SchedulerSampler;

/** Wires the running agent: probe settings, the transformer, the capture and the snapshots. */
final class AgentRuntime {
    /**
     * Kept across attaches to one JVM: code instrumented by an earlier attach may still run in frames that were on
     * the stack when it ended, and must keep counting into the sites its ids mean.
     */
    private static SiteTable sharedSites;

    /**
     * Checks of all stacks when attaching, {@link #CHECK_PAUSE_MILLIS} apart: a class some thread is inside at
     * every one of them (for a second) is taken to be in a long call and left out (see StackSafeRetransformer).
     */
    static final int ATTACH_CHECKS = 10;
    static final long CHECK_PAUSE_MILLIS = 100;

    private AgentRuntime() {}

    static void start(AgentOptions options, Instrumentation inst, boolean attached) throws Exception {
        if (!AgentSession.claim()) {
            return;
        }
        try {
            record(options, inst, attached);
        } catch (Throwable t) {
            AgentSession.release(); // nothing records: a later attach may try again
            throw t;
        }
    }

    private static void record(AgentOptions options, Instrumentation inst, boolean attached) throws Exception {
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out);
        long clockCost = ClockCost.measureNanos();
        BootstrapSettings.install(options.sampling(), options.maxSites(), clockCost);
        SiteTable sites = siteTable(options.maxSites());
        Selection selection = Selection.of(options);
        Callers.install(options.maxSites(), selection.applicationPrefixes());
        NeverBlocking.install(options.maxSites());
        ClassFileTransformer transformer = InstrumentedClasses.noting(
                new CallSiteTransformer(sites, selection, inst, Probes.class.getModule()));
        inst.addTransformer(transformer, true);
        List<NotInstrumented> leftOut = List.of();
        if (attached) {
            leftOut = instrumentLoaded(inst, selection);
        } else {
            instrumentLoadedJdk(inst, selection);
        }
        Capture capture = Capture.start(options.given(), out, inst);
        RunInfo run = RunInfo.ofThisJvm(options.given(), options.sampling(), clockCost,
                capture.cpuSamplePeriodNanos());
        // Attached: counts and time from when the instrumentation and the recording run, so an ops rate is not diluted
        // by the seconds retransformation took, and a later attach to this JVM reports its own counts only.
        SessionStart start = attached ? SessionStart.now() : SessionStart.jvmStart();
        Snapshotter snapshotter = new Snapshotter(out, run, sites, capture, start, leftOut);
        snapshotter.start(options.intervalSeconds());
        SchedulerSampler.start(inst);
        if (options.durationSeconds() > 0) {
            AgentSession.endAfter(options.durationSeconds(), inst, transformer, snapshotter);
        }
    }

    private static synchronized SiteTable siteTable(int maxSites) {
        if (sharedSites == null) {
            sharedSites = new SiteTable(maxSites);
        }
        return sharedSites;
    }

    /**
     * Instruments the loaded application classes no thread is inside, and gives those an earlier attach left
     * instrumented the code this one's selection makes of them. Returns the application classes left out: a class
     * a thread stayed inside throughout is not a blind spot if an earlier attach left it instrumented (it counts).
     */
    private static List<NotInstrumented> instrumentLoaded(Instrumentation inst, Selection selection) throws InterruptedException {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            boolean accepted = selection.accepts(type.getClassLoader(), internalName(type));
            if (inst.isModifiableClass(type) && (accepted || InstrumentedClasses.carries(type.getName()))) {
                candidates.add(type);
            }
        }
        List<NotInstrumented> leftOut = new ArrayList<>();
        StackSafeRetransformer retransformer = new StackSafeRetransformer(inst);
        for (NotInstrumented skipped : retransformer.retransform(candidates, ATTACH_CHECKS, CHECK_PAUSE_MILLIS).leftOut()) {
            if (!skipped.reason().equals(NotInstrumented.ON_STACK) || !InstrumentedClasses.carries(skipped.className())) {
                leftOut.add(skipped);
            }
        }
        return leftOut;
    }

    /**
     * At start-up: the JDK classes the agent instruments ({@code Selection}'s wrappers) that were loaded before its
     * transformer was added. No application code runs yet, so nothing is on a stack to wait for.
     */
    private static void instrumentLoadedJdk(Instrumentation inst, Selection selection) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && selection.accepts(null, internalName(type)) && inst.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                inst.retransformClasses(loaded.toArray(new Class<?>[0]));
            } catch (Throwable t) {
                AgentErrors.report("could not instrument the JDK's synchronized wrappers loaded before the agent", t);
            }
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
