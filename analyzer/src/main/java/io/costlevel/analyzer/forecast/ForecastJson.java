package io.costlevel.analyzer.forecast;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** The forecast as JSON (docs/forecast.md lists the fields; the contract names className..reasons). */
public final class ForecastJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ForecastJson() {}

    public static void write(Forecast f, Path file) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            write(f, g);
        }
    }

    /** The same JSON as a string, for the HTML page to embed. */
    public static String toJson(Forecast f) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(f, g);
        }
        return out.toString();
    }

    private static void write(Forecast f, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("schemaVersion", Forecast.SCHEMA_VERSION);
        g.writeObjectFieldStart("target");
        g.writeNumberField("threads", f.target().threads());
        g.writeNumberField("cores", f.target().cores());
        g.writeEndObject();
        g.writeArrayFieldStart("runs");
        for (ObservedRun run : f.runs()) {
            g.writeStartObject();
            g.writeStringField("input", run.label());
            g.writeNumberField("threads", run.threads());
            g.writeNumberField("cores", run.cores());
            g.writeBooleanField("agent", run.hasAgent());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeFit(g, "fit", f.fit(), f.target().threads());
        g.writeArrayFieldStart("sites");
        for (SiteForecast s : f.sites()) {
            writeSite(g, s, f.target().threads());
        }
        g.writeEndArray();
        writeStrings(g, "notes", f.notes());
        g.writeEndObject();
    }

    private static void writeSite(JsonGenerator g, SiteForecast s, int targetThreads) throws IOException {
        g.writeStartObject();
        g.writeStringField("className", s.className());
        g.writeStringField("methodName", s.methodName());
        g.writeNumberField("line", s.line());
        g.writeStringField("kind", s.kind());
        g.writeNumberField("tier", s.tier());
        g.writeNumberField("threads", s.threads());
        writeNullable(g, "nsPerOp", s.nsPerOp());
        g.writeNumberField("forecastTier", s.forecastTier());
        g.writeStringField("mechanism", s.mechanism());
        g.writeStringField("confidence", s.confidence());
        writeStrings(g, "reasons", s.reasons());
        writeNullable(g, "forecastNsPerOp", s.forecastNsPerOp());
        g.writeBooleanField("forecastNsPerOpIsLowerBound", s.nsPerOpIsLowerBound());
        writeFit(g, "fit", s.fit(), targetThreads);
        g.writeEndObject();
    }

    private static void writeFit(JsonGenerator g, String name, UslFit fit, int targetThreads) throws IOException {
        if (fit == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("lambda", fit.lambda());
        g.writeNumberField("sigma", fit.sigma());
        g.writeNumberField("kappa", fit.kappa());
        writeNullable(g, "peakThreads", fit.peakThreads());
        g.writeNumberField("throughputAtTarget", fit.throughputAt(targetThreads));
        g.writeNumberField("rmsRelativeError", fit.rmsRelativeError());
        g.writeBooleanField("trustworthy", fit.trustworthy());
        writeStrings(g, "caveats", fit.caveats());
        g.writeArrayFieldStart("points");
        for (Throughput p : fit.points()) {
            g.writeStartObject();
            g.writeNumberField("threads", p.threads());
            g.writeNumberField("opsPerSecond", p.opsPerSecond());
            g.writeNumberField("fitted", fit.throughputAt(p.threads()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeNullable(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
