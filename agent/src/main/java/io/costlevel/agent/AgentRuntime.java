package io.costlevel.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.costlevel.agent.bootstrap.BootstrapSettings;
import io.costlevel.agent.bootstrap.Probes;
import io.costlevel.agent.capture.Capture;
import io.costlevel.agent.instrument.CallSiteTransformer;
import io.costlevel.agent.instrument.Selection;
import io.costlevel.agent.instrument.SiteTable;
import io.costlevel.agent.options.AgentOptions;
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
        CallSiteTransformer transformer = new CallSiteTransformer(sites, selection, inst, Probes.class.getModule());
        inst.addTransformer(transformer, true);
        if (attached) {
            retransformLoaded(inst, selection);
        }
        Capture capture = Capture.start(options.given(), out, inst);
        RunInfo run = RunInfo.ofThisJvm(options.given(), options.sampling(), clockCost);
        // Attached: counts and time from when the instrumentation and the recording run, so an ops rate is not diluted
        // by the seconds retransformation took, and a later attach to this JVM reports its own counts only.
        SessionStart start = attached ? SessionStart.now() : SessionStart.jvmStart();
        Snapshotter snapshotter = new Snapshotter(out, run, sites, capture, start);
        snapshotter.start(options.intervalSeconds());
        SchedulerSampler.start(inst);
        if (options.durationSeconds() > 0) {
            AgentSession.endAfter(options.durationSeconds(), inst, transformer, selection, snapshotter);
        }
    }

    private static synchronized SiteTable siteTable(int maxSites) {
        if (sharedSites == null) {
            sharedSites = new SiteTable(maxSites);
        }
        return sharedSites;
    }

    /**
     * Retransforms the loaded application classes: instrumented now when attached to a running JVM, given back
     * their original code once the transformer is removed.
     */
    static void retransformLoaded(Instrumentation inst, Selection selection) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(type) && selection.accepts(type.getClassLoader(), internalName(type))) {
                loaded.add(type);
            }
        }
        for (Class<?> type : loaded) {
            try {
                inst.retransformClasses(type);
            } catch (Throwable t) {
                AgentErrors.report("could not instrument an already loaded class", " (first: " + type.getName() + ")", t);
            }
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
