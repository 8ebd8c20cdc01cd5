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
import io.costlevel.agent.output.Snapshotter;

/** Wires the running agent: probe settings, the transformer, the capture and the snapshots. */
final class AgentRuntime {
    private AgentRuntime() {}

    static void start(AgentOptions options, Instrumentation inst, boolean attached) throws Exception {
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out);
        long clockCost = ClockCost.measureNanos();
        BootstrapSettings.install(options.sampling(), options.maxSites(), clockCost);
        SiteTable sites = new SiteTable(options.maxSites());
        Selection selection = Selection.of(options);
        CallSiteTransformer transformer = new CallSiteTransformer(sites, selection, inst, Probes.class.getModule());
        inst.addTransformer(transformer, true);
        if (attached) {
            retransformLoaded(inst, selection);
        }
        Capture capture = Capture.start(options.given(), out, inst);
        RunInfo run = RunInfo.ofThisJvm(options.given(), options.sampling(), clockCost);
        new Snapshotter(out, run, sites, capture).start(options.intervalSeconds());
    }

    /** Attached to a running JVM: the application's classes are loaded already and are instrumented now. */
    private static void retransformLoaded(Instrumentation inst, Selection selection) {
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
