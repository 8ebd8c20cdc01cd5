package io.costlevel.analyzer.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.costlevel.analyzer.classify.CarrierPinning;
import io.costlevel.analyzer.classify.Evidence;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON (docs/report.md, report.schema.json), written with Jackson's streaming
 * generator: field names are the record components', in their order. Not databind, whose first use
 * loads and introspects several hundred classes (~0.4 s of CPU, a fifth of a 200 MB analysis);
 * ReportSchemaTest and the golden baselines hold this writer to the schema and to what databind wrote.
 */
public final class JsonReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReportWriter() {}

    public static void write(Report report, Path file) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            write(report, g);
        }
    }

    public static String toJson(Report report) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(report, g);
        }
        return out.toString();
    }

    private static void write(Report r, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("schemaVersion", r.schemaVersion());
        g.writeFieldName("run");
        run(r.run(), g);
        g.writeFieldName("tiers");
        if (r.tiers() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (TierSummary t : r.tiers()) {
                g.writeStartObject();
                g.writeNumberField("tier", t.tier());
                g.writeStringField("name", t.name());
                g.writeNumberField("sites", t.sites());
                g.writeNumberField("shareOfTime", t.shareOfTime());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeFieldName("sites");
        if (r.sites() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (Site s : r.sites()) {
                site(s, g);
            }
            g.writeEndArray();
        }
        strings("blindSpots", r.blindSpots(), g);
        if (r.carrierStarvation() != null) {
            carrierStarvation(r.carrierStarvation(), g);
        }
        g.writeEndObject();
    }

    /** Only when the agent saw virtual threads queued for a carrier (absent otherwise, so other reports read as before). */
    private static void carrierStarvation(CarrierStarvation c, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("carrierStarvation");
        g.writeBooleanField("starved", c.starved());
        g.writeNumberField("parallelism", c.parallelism());
        g.writeNumberField("peakCarriers", c.peakCarriers());
        g.writeNumberField("sampledSeconds", c.sampledSeconds());
        g.writeNumberField("mountWaitSeconds", c.mountWaitSeconds());
        g.writeNumberField("waitingPerCarrier", c.waitingPerCarrier());
        g.writeNumberField("saturatedSeconds", c.saturatedSeconds());
        g.writeNumberField("saturatedShare", c.saturatedShare());
        g.writeNumberField("longestSaturatedMillis", c.longestSaturatedMillis());
        g.writeNumberField("peakWaiting", c.peakWaiting());
        g.writeArrayFieldStart("heldBy");
        for (CarrierStarvation.CarrierHolder h : c.heldBy()) {
            g.writeStartObject();
            g.writeStringField("className", h.className());
            g.writeStringField("methodName", h.methodName());
            g.writeNumberField("line", h.line());
            g.writeStringField("how", h.how());
            g.writeNumberField("carrierSeconds", h.carrierSeconds());
            g.writeNumberField("share", h.share());
            g.writeStringField("detail", h.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("summary", c.summary());
        g.writeEndObject();
    }

    private static void run(RunInfo run, JsonGenerator g) throws IOException {
        if (run == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("jvm", run.jvm());
        g.writeStringField("javaVersion", run.javaVersion());
        g.writeNumberField("cores", run.cores());
        g.writeNumberField("durationSeconds", run.durationSeconds());
        strings("inputs", run.inputs(), g);
        strings("sources", run.sources(), g);
        g.writeStringField("analyzerVersion", run.analyzerVersion());
        g.writeStringField("generatedAt", run.generatedAt());
        g.writeNumberField("wallSeconds", run.wallSeconds());
        g.writeNumberField("jvms", run.jvms());
        g.writeStringField("jvmsRan", run.jvmsRan());
        g.writeFieldName("threadSeconds");
        if (run.threadSeconds() == null) {
            g.writeNull();
        } else {
            g.writeNumber(run.threadSeconds());
        }
        g.writeEndObject();
    }

    private static void site(Site s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("className", s.className());
        g.writeStringField("methodName", s.methodName());
        g.writeNumberField("line", s.line());
        g.writeStringField("kind", s.kind());
        g.writeNumberField("tier", s.tier());
        g.writeStringField("confidence", s.confidence());
        number("nsPerOp", s.nsPerOp(), g);
        number("opsPerSecond", s.opsPerSecond(), g);
        g.writeNumberField("shareOfTime", s.shareOfTime());
        g.writeNumberField("threads", s.threads());
        strings("primitives", s.primitives(), g);
        g.writeFieldName("evidence");
        if (s.evidence() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : s.evidence().entrySet()) {
                g.writeFieldName(e.getKey());
                value(e.getValue(), g);
            }
            g.writeEndObject();
        }
        strings("reasons", s.reasons(), g);
        g.writeFieldName("advice");
        advice(s.advice(), g);
        g.writeFieldName("timeByTier");
        if (s.timeByTier() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Double> e : s.timeByTier().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeBooleanField("idle", s.idle());
        g.writeStringField("waitKind", s.waitKind());
        g.writeStringField("nsPerOpNote", s.nsPerOpNote());
        if (s.chain() != null) {
            strings("chain", s.chain(), g);
        } else {
            g.writeNullField("chain");
        }
        if (s.pinning() != null) {
            pinning(s.pinning(), g);
        }
        g.writeEndObject();
    }

    /** Only at sites where virtual threads were pinned (absent elsewhere, so reports without them read as before). */
    private static void pinning(CarrierPinning p, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("pinning");
        g.writeNumberField("events", p.events());
        g.writeNumberField("meanNanos", Evidence.round(p.meanNanos()));
        g.writeStringField("frame", p.frame());
        g.writeStringField("reason", p.reason());
        g.writeNumberField("carriers", p.carriers());
        g.writeNumberField("carrierShare", Evidence.round(p.carrierShare()));
        g.writeNumberField("spanNanos", p.spanNanos());
        g.writeNumberField("allCarriersPinnedNanos", p.allCarriersPinnedNanos());
        g.writeBooleanField("carrierStarvation", p.starvesCarriers());
        g.writeEndObject();
    }

    private static void advice(Advice a, JsonGenerator g) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("targetTier", a.targetTier());
        g.writeStringField("summary", a.summary());
        g.writeStringField("how", a.how());
        number("projectedNsPerOp", a.projectedNsPerOp(), g);
        number("projectedSavingNsPerSecond", a.projectedSavingNsPerSecond(), g);
        g.writeEndObject();
    }

    private static void number(String name, Double value, JsonGenerator g) throws IOException {
        g.writeFieldName(name);
        value(value, g);
    }

    /** Evidence values are counts (Long, Integer) and ratios or times (Double). */
    private static void value(Object v, JsonGenerator g) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeString(v.toString());
        }
    }

    /** Null lists stay null, as in the model (the HTML view renders an empty model too). */
    private static void strings(String name, List<String> values, JsonGenerator g) throws IOException {
        if (values == null) {
            g.writeNullField(name);
            return;
        }
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
