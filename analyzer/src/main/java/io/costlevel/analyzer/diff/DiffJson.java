package io.costlevel.analyzer.diff;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** The diff as JSON (docs/diff.md, diff.schema.json beside this class), with Jackson's streaming generator like the report's writer. */
public final class DiffJson {
    /** Bumped when a field changes meaning or goes away; new fields come without a bump. */
    public static final int DIFF_VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private DiffJson() {}

    public static void write(Diff diff, List<RuleOutcome> rules, Path file) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            write(diff, rules, g);
        }
    }

    public static String toJson(Diff diff, List<RuleOutcome> rules) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(diff, rules, g);
        }
        return out.toString();
    }

    private static void write(Diff d, List<RuleOutcome> rules, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("diffVersion", DIFF_VERSION);
        g.writeStringField("verdict", d.noChange() ? "no change" : "changed");
        g.writeStringField("test", d.test());
        g.writeNumberField("zCritical", Noise.Z_CRITICAL);
        g.writeNumberField("minShare", d.minShare());
        side("base", d.base(), g);
        side("new", d.now(), g);
        strings("notes", d.notes(), g);
        g.writeArrayFieldStart("rules");
        for (RuleOutcome r : rules) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeBooleanField("fired", r.fired());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sites");
        for (SiteChange c : d.changes()) {
            site(c, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void side(String name, ReportSide s, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("input", s.label());
        g.writeNumberField("schemaVersion", s.schemaVersion());
        g.writeNumberField("cores", s.cores());
        g.writeNumberField("durationSeconds", s.durationSeconds());
        strings("sources", s.sources(), g);
        g.writeNumberField("sites", s.sites().size());
        g.writeEndObject();
    }

    private static void site(SiteChange c, JsonGenerator g) throws IOException {
        SiteView cur = c.pair().current();
        g.writeStartObject();
        g.writeStringField("change", c.change().id());
        g.writeBooleanField("reported", Diff.isReported(c));
        g.writeBooleanField("certain", c.certain());
        g.writeBooleanField("uncertain", Diff.isUncertain(c));
        g.writeBooleanField("hidden", c.hidden());
        g.writeBooleanField("idle", cur.idle());
        g.writeBooleanField("lineMoved", c.pair().lineMoved());
        g.writeStringField("className", cur.className());
        g.writeStringField("methodName", cur.methodName());
        g.writeStringField("kind", cur.kind());
        state("base", c.base(), g);
        state("new", c.now(), g);
        g.writeObjectField("nsPerOpGrowth", c.nsPerOpGrowth());
        g.writeBooleanField("nsPerOpConfirmed", c.nsPerOpConfirmed());
        g.writeArrayFieldStart("evidence");
        for (EvidenceChange e : c.evidence()) {
            g.writeStartObject();
            g.writeStringField("name", e.name());
            g.writeNumberField("base", e.base());
            g.writeNumberField("new", e.now());
            g.writeNumberField("z", e.z());
            g.writeBooleanField("changed", e.changed());
            g.writeStringField("test", e.test());
            g.writeBooleanField("perOp", e.perOp());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The site as one run saw it, or null when that run does not have it. */
    private static void state(String name, SiteView s, JsonGenerator g) throws IOException {
        if (s == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("line", s.line());
        g.writeNumberField("tier", s.tier());
        g.writeObjectField("nsPerOp", s.nsPerOp());
        g.writeObjectField("opsPerSecond", s.opsPerSecond());
        g.writeNumberField("shareOfTime", s.shareOfTime());
        g.writeNumberField("threads", s.threads());
        g.writeEndObject();
    }

    private static void strings(String name, List<String> values, JsonGenerator g) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values.toArray(String[]::new), 0, values.size());
    }
}
