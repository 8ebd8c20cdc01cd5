package io.costlevel.analyzer.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads costlevel-sites.json (format version 1, docs/agent-data-format.md). Unknown fields are
 * ignored, as the format allows; missing counters read as 0.
 */
public final class AgentSitesReader {
    private static final String FORMAT = "costlevel-agent";
    private static final int SUPPORTED_VERSION = 1;
    /** The kind of a counted call into a JDK API (docs/agent-data-format.md), whose parks are inferred. */
    private static final String CALL = "call";

    private static final JsonFactory FACTORY = new JsonFactory();

    private AgentSitesReader() {}

    public static AgentRun read(Path file) throws InputException {
        JsonTree root;
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            root = JsonTree.read(parser);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": not a costlevel-sites.json (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (!FORMAT.equals(root.text("format", null))) {
            throw new InputException(file + ": not a costlevel-sites.json (no \"format\": \"" + FORMAT + "\")");
        }
        long version = root.number("version", -1);
        if (version != SUPPORTED_VERSION) {
            throw new InputException(file + ": agent data format version " + version
                    + " is not supported (this analyzer reads version " + SUPPORTED_VERSION + ")");
        }
        JsonTree jvm = root.object("jvm");
        JsonTree agent = root.object("agent");
        JsonTree snapshot = root.object("snapshot");
        List<AgentSite> sites = new ArrayList<>();
        Map<AgentSite, List<AgentCaller>> callers = new IdentityHashMap<>();
        Map<AgentSite, Integer> lastObjects = new IdentityHashMap<>();
        for (JsonTree site : root.objects("sites")) {
            AgentSite counters = site(site);
            sites.add(counters);
            long lastObject = site.number("lastObject", 0);
            if (lastObject != 0) {
                lastObjects.put(counters, (int) lastObject);
            }
            List<AgentCaller> found = callers(site);
            if (!found.isEmpty()) {
                callers.put(counters, found);
            }
        }
        return new AgentRun(
                jvm.text("name", null),
                jvm.text("version", null),
                (int) jvm.number("cores", 0),
                snapshot.number("uptimeMillis", 0) / 1000.0,
                agent.object("options").text("include", ""),
                agent.object("options").text("exclude", ""),
                snapshot.bool("final", true),
                List.copyOf(sites),
                snapshot.number("wallMillis", 0),
                agent.objects("notInstrumented").stream()
                        .map(c -> new NotInstrumented(c.text("className", "?"), c.text("reason", "?"), c.texts("methods")))
                        .toList(),
                callers,
                SchedulerLoad.of(root.object("virtualThreadScheduler")),
                agent.number("cpuSamplePeriodNanos", 0),
                ProbeCost.of(agent),
                lastObjects);
    }

    private static List<AgentCaller> callers(JsonTree site) {
        List<AgentCaller> callers = new ArrayList<>();
        for (JsonTree c : site.objects("callers")) {
            long walks = c.number("walks", 0);
            if (walks > 0) {
                callers.add(new AgentCaller(c.text("className", "?"), c.text("methodName", "?"),
                        (int) c.number("line", -1), c.text("via", ""), walks));
            }
        }
        return List.copyOf(callers);
    }

    private static AgentSite site(JsonTree n) {
        String kind = n.text("kind", "unknown");
        long ops = n.number("ops", 0);
        long parks = n.number("parks", 0);
        long parkedNanos = n.number("parkedNanos", 0);
        if (CALL.equals(kind) && parks > ops) {
            // A call's parks are inferred: each timed call that lasted a context switch stands for all the calls the
            // sampling passed over (64, 512 past a site's first timings in a thread). A call infers one park at most,
            // so a site called fewer times than that has at most its calls: a worker's one CountDownLatch.countDown,
            // timed and preempted once, read 64 parks per op and "6400% parked". The mean park is kept.
            parkedNanos = Math.round((double) parkedNanos * ops / parks);
            parks = ops;
        }
        return new AgentSite(
                n.text("className", "?"), n.text("methodName", "?"), (int) n.number("line", -1),
                kind, n.text("primitive", null),
                ops, (int) n.number("threads", 0),
                n.number("casAttempts", 0), n.number("casFailures", 0),
                n.number("contended", 0), n.number("contendedNanos", 0),
                parks, parkedNanos,
                n.number("waits", 0), n.number("waitedNanos", 0),
                n.number("yields", 0), n.number("sleeps", 0), n.number("sleptNanos", 0),
                n.number("spins", 0), n.number("spinWaits", 0),
                n.number("wakeups", 0),
                n.number("handoffChecks", 0), n.number("handoffs", 0),
                n.number("latencySamples", 0), n.number("latencyNanos", 0),
                new VirtualShare((int) n.number("virtualThreads", 0), n.number("virtualOps", 0),
                        n.number("virtualBlocks", 0), n.number("virtualBlockedNanos", 0)),
                n.number("sameLineChecks", AgentSite.NOT_COUNTED), n.number("sharedLineChecks", AgentSite.NOT_COUNTED),
                n.number("lineHandoffs", AgentSite.NOT_COUNTED));
    }
}
