package io.costlevel.agent.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.bootstrap.Evidence;
import io.costlevel.agent.calibrate.ProbeCost;
import io.costlevel.agent.instrument.Site;
import io.costlevel.agent.vthread.CarrierLoad;

/** Renders {@code costlevel-sites.json}, format version 1 of docs/agent-data-format.md. */
public final class SitesJson {
    public static final String FILE_NAME = "costlevel-sites.json";
    static final int VERSION = 1;
    /**
     * The site fields that come from sampled operations, so every reader can say so: sums over the samples
     * (latency, handoffs, with their sample counts) or, for contendedNanos, an estimate scaled up from them.
     */
    static final List<String> SAMPLED_FIELDS = List.of(
            "handoffChecks", "handoffs", "latencySamples", "latencyNanos", "contendedSamples", "contendedNanos",
            "sameLineChecks", "sharedLineChecks", "lineHandoffs", "preemptedTimings");

    private SitesJson() {}

    public static String render(RunInfo run, Snapshot snapshot) {
        return render(run, snapshot, List.of());
    }

    public static String render(RunInfo run, Snapshot snapshot, List<NotInstrumented> notInstrumented) {
        return render(run, snapshot, notInstrumented, null);
    }

    /** @param probeCost the probes' cost per op as the agent measured it, or null when it has not (yet) */
    public static String render(RunInfo run, Snapshot snapshot, List<NotInstrumented> notInstrumented,
            ProbeCost.Figures probeCost) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("format").value("costlevel-agent");
        json.name("version").value(VERSION);
        json.name("jvm").beginObject()
                .name("name").value(run.jvmName())
                .name("version").value(run.jvmVersion())
                .name("vendor").value(run.jvmVendor())
                .name("pid").value(run.pid())
                .name("cores").value(run.cores())
                .name("startMillis").value(run.startMillis())
                .name("command").value(run.command())
                .endObject();
        json.name("agent").beginObject()
                .name("version").value(run.agentVersion())
                .name("options").beginObject();
        for (Map.Entry<String, String> option : run.options().entrySet()) {
            json.name(option.getKey()).value(option.getValue());
        }
        json.endObject()
                .name("samplingPeriod").value(run.samplingPeriod())
                .name("clockCostNanos").value(run.clockCostNanos())
                .name("cpuSamplePeriodNanos").value(run.cpuSamplePeriodNanos());
        if (probeCost != null) {
            json.name("probeNanos").beginObject()
                    .name("atomic").value(probeCost.atomic())
                    .name("monitor").value(probeCost.monitor())
                    .name("call").value(probeCost.call())
                    .name("lock").value(probeCost.lock())
                    .endObject();
        }
        json.name("sampledFields").beginArray();
        for (String field : SAMPLED_FIELDS) {
            json.value(field);
        }
        json.endArray()
                .name("droppedSites").value(snapshot.droppedSites())
                .name("errors").value(snapshot.errors())
                .name("stalls").value(snapshot.stalls())
                .name("longestStallMillis").value(snapshot.longestStallMillis());
        notInstrumented(json, notInstrumented);
        json.endObject();
        json.name("snapshot").beginObject()
                .name("sequence").value(snapshot.sequence())
                .name("wallMillis").value(snapshot.wallMillis())
                .name("uptimeMillis").value(snapshot.uptimeMillis())
                .name("final").value(snapshot.isFinal())
                .endObject();
        carriers(json, snapshot.carriers());
        json.name("sites").beginArray();
        long[] counters = snapshot.counters();
        Map<Integer, List<Callers.Caller>> callers = new HashMap<>();
        for (Callers.Caller caller : snapshot.callers()) {
            callers.computeIfAbsent(caller.site(), id -> new ArrayList<>()).add(caller);
        }
        for (int id = 0; id < snapshot.sites().size(); id++) {
            int base = id * Evidence.WIDTH;
            Site site = snapshot.sites().get(id);
            if (base < counters.length && (anyCount(counters, base) || site.isConfined()) && !site.isAgents()) {
                int lastObject = id < snapshot.lastObjects().length ? snapshot.lastObjects()[id] : 0;
                site(json, id, site, counters, base, callers.getOrDefault(id, List.of()), lastObject);
            }
        }
        return json.endArray().endObject().toJson();
    }

    /** The virtual-thread scheduler's carrier load, absent when it was not sampled (JDK 17). */
    private static void carriers(JsonWriter json, CarrierLoad load) {
        if (load == null) {
            return;
        }
        json.name("virtualThreadScheduler").beginObject()
                .name("parallelism").value(load.parallelism())
                .name("peakCarriers").value(load.peakCarriers())
                .name("samples").value(load.samples())
                .name("sampledNanos").value(load.sampledNanos())
                .name("mountWaitNanos").value(load.mountWaitNanos())
                .name("saturatedNanos").value(load.saturatedNanos())
                .name("longestSaturatedNanos").value(load.longestSaturatedNanos())
                .name("peakWaiting").value(load.peakWaiting())
                .endObject();
    }

    private static void notInstrumented(JsonWriter json, List<NotInstrumented> classes) {
        json.name("notInstrumented").beginArray();
        for (NotInstrumented type : classes) {
            json.beginObject()
                    .name("className").value(type.className())
                    .name("reason").value(type.reason())
                    .name("methods").beginArray();
            for (String method : type.methods()) {
                json.value(method);
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    private static boolean anyCount(long[] counters, int base) {
        for (int column = 0; column < Evidence.WIDTH; column++) {
            if (counters[base + column] != 0) {
                return true;
            }
        }
        return false;
    }

    private static void site(JsonWriter json, int id, Site site, long[] counters, int base,
            List<Callers.Caller> callers, int lastObject) {
        json.beginObject()
                .name("id").value(id)
                .name("className").value(site.className())
                .name("methodName").value(site.methodName())
                .name("descriptor").value(site.descriptor())
                .name("line").value(site.line())
                .name("kind").value(site.kind())
                .name("primitive").value(site.primitive());
        for (int column = 0; column < Evidence.WIDTH; column++) {
            json.name(Evidence.name(column)).value(counters[base + column]);
        }
        if (lastObject != 0) {
            json.name("lastObject").value(lastObject);
        }
        if (!callers.isEmpty()) {
            // Most walks first, so a reader that keeps a few keeps the main ones.
            List<Callers.Caller> sorted = new ArrayList<>(callers);
            sorted.sort(Comparator.comparingLong(Callers.Caller::walks).reversed());
            json.name("callers").beginArray();
            for (Callers.Caller caller : sorted) {
                json.beginObject()
                        .name("className").value(caller.className())
                        .name("methodName").value(caller.methodName())
                        .name("line").value(caller.line())
                        .name("via").value(caller.via())
                        .name("walks").value(caller.walks())
                        .endObject();
            }
            json.endArray();
        }
        json.endObject();
    }
}
