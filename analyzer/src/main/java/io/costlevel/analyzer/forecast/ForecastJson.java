package io.costlevel.analyzer.forecast;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The forecast as JSON (docs/forecast.md lists the fields; the contract names className..reasons). */
public final class ForecastJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ForecastJson() {}

    public static void write(Forecast f, Path file) throws IOException {
        Files.writeString(file, toJson(f), StandardCharsets.UTF_8);
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
        strings(g, "notes", f.notes());
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
        g.writeObjectField("nsPerOp", s.nsPerOp());
        g.writeNumberField("forecastTier", s.forecastTier());
        g.writeStringField("mechanism", s.mechanism());
        g.writeStringField("confidence", s.confidence());
        strings(g, "reasons", s.reasons());
        g.writeObjectField("forecastNsPerOp", s.forecastNsPerOp());
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
        g.writeObjectField("peakThreads", fit.peakThreads());
        g.writeNumberField("throughputAtTarget", fit.throughputAt(targetThreads));
        g.writeNumberField("rmsRelativeError", fit.rmsRelativeError());
        g.writeBooleanField("trustworthy", fit.trustworthy());
        strings(g, "caveats", fit.caveats());
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

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values.toArray(String[]::new), 0, values.size());
    }
}
