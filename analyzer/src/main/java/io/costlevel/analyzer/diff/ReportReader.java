package io.costlevel.analyzer.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.report.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a report JSON (docs/report.md) into the diff's view of it, as readers of the report must:
 * fields it does not know are ignored (reports gain fields without a version bump), optional ones
 * may be missing or null, and only the fields a comparison cannot do without are required. A
 * schemaVersion this analyzer does not know is refused, since a field may have changed meaning.
 */
public final class ReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportReader() {}

    /** @param label how the user named this input, for error messages */
    public static ReportSide read(String json, String label) throws InputException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(label + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(label + ": not a costlevel report (the document is not a JSON object)");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InputException(label + ": not a costlevel report (no schemaVersion)");
        }
        int schema = version.asInt();
        if (schema < 1 || schema > Report.SCHEMA_VERSION) {
            throw new InputException(String.format("%s: report schemaVersion %d, this costlevel reads 1 to %d%s",
                    label, schema, Report.SCHEMA_VERSION, schema > Report.SCHEMA_VERSION ? " (written by a newer costlevel)" : ""));
        }
        JsonNode sites = root.get("sites");
        if (sites == null || !sites.isArray()) {
            throw new InputException(label + ": not a costlevel report (no sites array)");
        }
        JsonNode run = root.path("run");
        List<SiteView> views = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            views.add(site(sites.get(i), label, i));
        }
        List<String> sources = new ArrayList<>();
        run.path("sources").forEach(s -> sources.add(s.asText()));
        return new ReportSide(label, schema, run.path("cores").asInt(0), run.path("durationSeconds").asDouble(0),
                List.copyOf(sources), List.copyOf(views));
    }

    private static SiteView site(JsonNode s, String label, int index) throws InputException {
        String where = label + ": site " + (index + 1);
        if (!s.isObject()) {
            throw new InputException(where + " is not an object");
        }
        String className = required(s, "className", where).asText();
        String methodName = required(s, "methodName", where).asText();
        JsonNode tier = required(s, "tier", where);
        if (!tier.canConvertToInt() || tier.asInt() < 0 || tier.asInt() > 5) {
            throw new InputException(where + ": tier " + tier + " is not 0..5");
        }
        return new SiteView(className, methodName, s.path("line").asInt(-1), s.path("kind").asText("cpu"), tier.asInt(),
                number(s.get("nsPerOp")), number(s.get("opsPerSecond")), s.path("shareOfTime").asDouble(0),
                s.path("threads").asInt(0), chain(s), s.path("idle").asBoolean(false), evidence(s.get("evidence")));
    }

    private static JsonNode required(JsonNode s, String field, String where) throws InputException {
        JsonNode v = s.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new InputException(where + " has no " + field);
        }
        return v;
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /**
     * What the site does beyond its own line: its primitives (the agent's exact one first), else the
     * report's chain without its first frame (the line itself, which moves with edits above it).
     */
    private static List<String> chain(JsonNode s) {
        List<String> out = new ArrayList<>();
        s.path("primitives").forEach(p -> out.add(p.asText()));
        JsonNode chain = s.path("chain");
        if (out.isEmpty()) {
            for (int i = 1; i < chain.size(); i++) {
                out.add(chain.get(i).asText());
            }
        }
        return List.copyOf(out);
    }

    /** Numbers only, by name: an evidence value of another type (a list, a string) is not a figure to compare. */
    private static Map<String, Double> evidence(JsonNode e) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (e != null && e.isObject()) {
            e.fields().forEachRemaining(f -> {
                if (f.getValue().isNumber()) {
                    out.put(f.getKey(), f.getValue().asDouble());
                }
            });
        }
        return out;
    }
}
