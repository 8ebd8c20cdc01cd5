package io.costlevel.analyzer.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.jfr.Progress;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff JSON validates against its published schema (docs/diff.md), and the schema can fail. */
class DiffSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        try (InputStream in = DiffJson.class.getResourceAsStream("diff.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** Every kind of change, with rules that fire and that do not. */
    private static JsonNode aDiffOfEveryKind() throws Exception {
        Map<String, Number> alone = Map.of("ops", 96_000_000, "handoffChecks", 1_500_000, "jfrCpuSamples", 84);
        Map<String, Number> shared = Map.of("ops", 40_000_000, "handoffChecks", 625_000, "handoffs", 375_000, "jfrCpuSamples", 160);
        ReportJson base = ReportJson.agentRun();
        base.site("com.acme.Cache", "put", 42, "atomic", 1, 14.8, 0.5, "p", alone);
        base.site("com.acme.Cache", "evict", 70, "atomic", 2, 60.0, 0.4, "p", shared);
        base.site("com.acme.Cache", "get", 10, "atomic", 1, 9.0, 0.1, "p", alone);
        ReportJson now = ReportJson.agentRun();
        now.site("com.acme.Cache", "put", 42, "atomic", 2, 45.0, 0.6, "p", shared);
        now.site("com.acme.Cache", "get", 12, "atomic", 1, 9.0, 0.1, "p", alone);
        now.site("com.acme.Cache", "load", 90, "park", 4, 25_000.0, 0.3, "q", Map.of("ops", 40_000, "parks", 40_000));
        Diff diff = new Differ(0).compare(base.side("base.json"), now.side("new"));
        return MAPPER.readTree(DiffJson.toJson(diff, RuleOutcome.check(FailRules.parse("tier-increase,tier>=5,nsPerOp+10%"), diff)));
    }

    @Test
    void aDiffOfEveryKindValidates() throws Exception {
        JsonNode diff = aDiffOfEveryKind();
        assertThat(schema().validate(diff)).isEmpty();
        assertThat(diff.path("sites").findValuesAsText("change")).contains("tier-up", "new", "gone", "unchanged");
    }

    @Test
    void aDiffOfRealRunsValidates() throws Exception {
        Path golden = Path.of("src/test/resources/golden");
        Analysis analysis = new Analysis(null, Progress.silent());
        DiffInputs inputs = new DiffInputs(analysis);
        Diff diff = new Differ(0.01).compare(inputs.load(golden.resolve("agent-cas-2t")), inputs.load(golden.resolve("agent-spinning-ticket-8t")));
        assertThat(schema().validate(MAPPER.readTree(DiffJson.toJson(diff, RuleOutcome.check(FailRules.parse("tier-increase"), diff))))).isEmpty();
    }

    @Test
    void theSchemaRejectsADiffWithoutItsFields() throws Exception {
        JsonNode diff = aDiffOfEveryKind();
        ObjectNode site = (ObjectNode) diff.path("sites").get(0);
        site.remove("change");
        ((ObjectNode) site.path("new")).put("tier", 9);
        assertThat(schema().validate(diff)).hasSizeGreaterThanOrEqualTo(2);
    }
}
