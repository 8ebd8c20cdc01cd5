package io.costlevel.analyzer.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads costlevel-sites.json (format version 1, docs/agent-data-format.md). Unknown fields are
 * ignored, as the format allows; missing counters read as 0.
 */
public final class AgentSitesReader {
    private static final String FORMAT = "costlevel-agent";
    private static final int SUPPORTED_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AgentSitesReader() {}

    public static AgentRun read(Path file) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InputException(file + ": not a costlevel-sites.json (no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version != SUPPORTED_VERSION) {
            throw new InputException(file + ": agent data format version " + version
                    + " is not supported (this analyzer reads version " + SUPPORTED_VERSION + ")");
        }
        JsonNode jvm = root.path("jvm");
        JsonNode agent = root.path("agent");
        JsonNode snapshot = root.path("snapshot");
        List<AgentSite> sites = new ArrayList<>();
        for (JsonNode site : root.path("sites")) {
            sites.add(site(site));
        }
        return new AgentRun(
                textOrNull(jvm, "name"),
                textOrNull(jvm, "version"),
                jvm.path("cores").asInt(0),
                snapshot.path("uptimeMillis").asLong(0) / 1000.0,
                agent.path("options").path("include").asText(""),
                snapshot.path("final").asBoolean(true),
                List.copyOf(sites));
    }

    private static AgentSite site(JsonNode n) {
        return new AgentSite(
                n.path("className").asText("?"), n.path("methodName").asText("?"), n.path("line").asInt(-1),
                n.path("kind").asText("unknown"), textOrNull(n, "primitive"),
                n.path("ops").asLong(), n.path("threads").asInt(),
                n.path("casAttempts").asLong(), n.path("casFailures").asLong(),
                n.path("contended").asLong(), n.path("contendedNanos").asLong(),
                n.path("parks").asLong(), n.path("parkedNanos").asLong(),
                n.path("waits").asLong(), n.path("waitedNanos").asLong(),
                n.path("yields").asLong(), n.path("sleeps").asLong(), n.path("sleptNanos").asLong(),
                n.path("spins").asLong(), n.path("spinWaits").asLong(),
                n.path("wakeups").asLong(),
                n.path("handoffChecks").asLong(), n.path("handoffs").asLong(),
                n.path("latencySamples").asLong(), n.path("latencyNanos").asLong());
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
