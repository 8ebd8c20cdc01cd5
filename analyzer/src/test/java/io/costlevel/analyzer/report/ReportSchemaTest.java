package io.costlevel.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.findings.CarrierStarvationFinder;
import io.costlevel.analyzer.input.SchedulerLoad;
import io.costlevel.analyzer.input.jfr.Progress;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real reports (every golden input) validate against the published schema, and the schema can fail. */
class ReportSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Report.class.getResourceAsStream("report.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode reportOf(Path input) throws Exception {
        Report report = new Analysis(null, Progress.silent()).run(List.of(input));
        return MAPPER.readTree(JsonReportWriter.toJson(report));
    }

    @Test
    void everyGoldenReportValidates() throws Exception {
        JsonSchema schema = schema();
        List<Path> inputs;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            inputs = files.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".jfr")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        for (Path input : inputs) {
            JsonNode report = reportOf(input);
            Set<ValidationMessage> errors = schema.validate(report);
            assertThat(errors).as("schema errors for %s", input).isEmpty();
            assertThat(report.path("sites").size()).isPositive();
        }
    }

    /** S17's figures under the agent (JDK 25, 8 spinners on 2 carriers): the finding is in the published schema. */
    @Test
    void aCarrierStarvationFindingValidates() throws Exception {
        Report report = new Analysis(null, Progress.silent())
                .run(List.of(Path.of("src/test/resources/golden/jfr-synchronized-8t.jfr")));
        SchedulerLoad load = new SchedulerLoad(2, 2, 178, 2_144_000_000L, 5_958_000_000L, 1_543_000_000L,
                226_000_000L, 7);
        Report starved = report.withCarrierStarvation(CarrierStarvationFinder.find(load, List.of()));
        JsonNode json = MAPPER.readTree(JsonReportWriter.toJson(starved));
        assertThat(json.path("carrierStarvation").path("starved").asBoolean()).isTrue();
        assertThat(schema().validate(json)).isEmpty();
        ((ObjectNode) json.path("carrierStarvation")).put("parallelism", "two");
        assertThat(schema().validate(json)).isNotEmpty();
    }

    @Test
    void theSchemaRejectsAReportWithoutItsContractFields() throws Exception {
        JsonNode report = reportOf(Path.of("src/test/resources/golden/jfr-synchronized-8t.jfr"));
        ObjectNode firstSite = (ObjectNode) report.path("sites").get(0);
        firstSite.remove("tier");
        firstSite.put("line", "forty-two");
        assertThat(schema().validate(report)).hasSizeGreaterThanOrEqualTo(2);
    }
}
