package io.costlevel.analyzer.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Report JSON written by hand for diff tests, in the shape docs/report.md gives (public: the command test uses it). */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode sites;

    private ReportJson(int cores, double seconds, List<String> sources) {
        root.put("schemaVersion", 1);
        ObjectNode run = root.putObject("run");
        run.put("cores", cores).put("durationSeconds", seconds);
        sources.forEach(run.putArray("sources")::add);
        sites = root.putArray("sites");
        root.putArray("blindSpots");
    }

    /** A report with the agent's evidence, of a run on 2 cores lasting 2 s. */
    public static ReportJson agentRun() {
        return new ReportJson(2, 2.0, List.of("async-profiler", "agent"));
    }

    public static ReportJson run(int cores, double seconds, String... sources) {
        return new ReportJson(cores, seconds, List.of(sources));
    }

    /** Adds a site; evidence as name, value pairs. Returns the site's node for fields a test adds. */
    public ObjectNode site(String cls, String method, int line, String kind, int tier, Double nsPerOp, double share,
                           String primitive, Map<String, ? extends Number> evidence) {
        ObjectNode s = sites.addObject();
        s.put("className", cls).put("methodName", method).put("line", line).put("kind", kind).put("tier", tier)
                .put("confidence", "high");
        if (nsPerOp == null) {
            s.putNull("nsPerOp");
            s.putNull("opsPerSecond");
        } else {
            s.put("nsPerOp", nsPerOp);
            s.put("opsPerSecond", evidence.containsKey("ops") ? evidence.get("ops").doubleValue() / 2 : 0);
        }
        s.put("shareOfTime", share).put("threads", 2);
        ArrayNode primitives = s.putArray("primitives");
        if (primitive != null) {
            primitives.add(primitive);
        }
        ObjectNode e = s.putObject("evidence");
        evidence.forEach((k, v) -> e.put(k, v.doubleValue() == Math.rint(v.doubleValue()) ? v.longValue() : v.doubleValue()));
        s.putArray("reasons").add("L" + tier + ": by hand");
        s.putNull("advice");
        return s;
    }

    public ObjectNode root() {
        return root;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path writeTo(Path file) throws IOException {
        Files.writeString(file, json());
        return file;
    }

    public ReportSide side(String label) {
        try {
            return ReportReader.read(json(), label);
        } catch (io.costlevel.analyzer.input.InputException e) {
            throw new IllegalStateException(e);
        }
    }
}
