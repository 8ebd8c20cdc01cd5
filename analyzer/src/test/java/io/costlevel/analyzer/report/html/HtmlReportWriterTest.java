package io.costlevel.analyzer.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.report.JsonReportWriter;
import io.costlevel.analyzer.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The written page by string inspection: what it embeds, what it refers to, and that hostile data stays inert. */
class HtmlReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);
    /** A tier guide row: tier, band start and end in ns, and the range as printed. */
    private static final Pattern GUIDE_ROW = Pattern.compile(
            "<tr data-tier=\"(\\d)\" data-lo=\"([^\"]*)\" data-hi=\"([^\"]*)\"><th scope=\"row\">.*?</th><td>([^<]*)</td>");
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void embedsTheSameJsonAsTheJsonReport() throws Exception {
        Report report = SampleReports.ladder();
        JsonNode embedded = JSON.readTree(group(DATA, write(report)));
        assertThat(embedded).isEqualTo(JSON.readTree(JsonReportWriter.toJson(report)));
        assertThat(embedded.get("sites")).hasSize(report.sites().size());
    }

    @Test
    void fillsInTheRunSummaryAndExplainsEveryTier() throws Exception {
        String page = write(SampleReports.ladder());
        assertThat(page).contains("<dd>OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1</dd>", "<dd>2</dd>", "<dd>60.4 s</dd>",
                "<dd>agent, jfr</dd>", "<dd class=\"paths\">costlevel-out/</dd>");
        for (int tier = 0; tier <= 5; tier++) {
            assertThat(page).contains("<tr data-tier=\"" + tier + "\"");
        }
        assertThat(page).contains("L0</span> vanilla", "L5</span> catastrophe", "data-key=\"nsPerOp\"", "id=\"chart\"");
    }

    /** The guide's bounds, which the chart draws its bands from, are the classifier's own ({@link Tiers}). */
    @Test
    void everyTierBoundOnThePageIsTheClassifiers() throws Exception {
        String page = write(SampleReports.ladder());
        Matcher row = GUIDE_ROW.matcher(page);
        List<Integer> tiers = new ArrayList<>();
        while (row.find()) {
            int tier = Integer.parseInt(row.group(1));
            tiers.add(tier);
            assertThat(Double.parseDouble(row.group(2))).as("L%d band starts", tier).isEqualTo(Tiers.floorNs(tier));
            assertThat(Double.parseDouble(row.group(3))).as("L%d band ends", tier).isEqualTo(Tiers.ceilingNs(tier));
            assertThat(row.group(4)).as("L%d printed range", tier).isEqualTo(HtmlEscape.text(TierRanges.range(Tiers.floorNs(tier), Tiers.ceilingNs(tier))));
        }
        assertThat(tiers).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(page).contains("<td>&lt; 2 ns</td>", "<td>20 – 300 ns</td>", "<td>300 ns – 2 µs</td>", "<td>2 µs – 1 ms</td>", "<td>≥ 1 ms</td>");
        assertThat(Tiers.floorNs(Tiers.L3_SYSCALL)).isEqualTo(Tiers.L3_FLOOR_NS);
        assertThat(Tiers.floorNs(Tiers.L5_CATASTROPHE)).isEqualTo(Tiers.L5_FLOOR_NS);
    }

    @Test
    void isSelfContained() throws Exception {
        String page = write(SampleReports.ladder());
        assertThat(page).doesNotContain("<link", " src=", "@import", "url(", "//cdn", "https://");
        assertThat(page).contains("default-src 'none'");
    }

    @Test
    void thePolicyAllowsExactlyThePagesOwnScript() throws Exception {
        String page = write(SampleReports.ladder());
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(group(SCRIPT, page).getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("script-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'");
    }

    @Test
    void theScriptNeverParsesDataAsMarkup() {
        assertThat(HtmlTemplate.resource("report.js"))
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(", "srcdoc");
    }

    @Test
    void hostileStringsLeaveNoMarkupInThePage() throws Exception {
        Report report = SampleReports.hostile();
        String page = write(report);
        String template = HtmlTemplate.resource("report.html");

        assertThat(page).doesNotContain("<img", "<svg", "<b ", "<b>", "<i>", "<u>", "<a ", "\u2028", "\u2029");
        assertThat(count(page, "<script")).as("only the template's two scripts").isEqualTo(2);
        assertThat(count(page, "</script")).isEqualTo(2);
        assertThat(count(page, "<!--")).as("no comment opened by data").isEqualTo(count(template, "<!--"));
        for (String hostile : List.of(SampleReports.HOSTILE_CLASS, SampleReports.HOSTILE_METHOD, SampleReports.HOSTILE_JVM,
                SampleReports.HOSTILE_INPUT, SampleReports.HOSTILE_VERSION, SampleReports.HOSTILE_EVIDENCE_VALUE)) {
            assertThat(page).doesNotContain(hostile);
        }
        assertThat(page)
                .contains("<dd>&lt;img src=x onerror=alert(5)&gt;</dd>")
                .contains("content=\"costlevel &quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;\"")
                .contains("<dd class=\"paths\">/tmp/\"&gt;&lt;img src=x onerror=alert(6)&gt;.jfr</dd>");
        assertThat(JSON.readTree(group(DATA, page))).as("escaping keeps the data intact").isEqualTo(JSON.valueToTree(report));
    }

    private String write(Report report) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReportWriter.write(report, file);
        return Files.readString(file);
    }

    private static String group(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as("page has %s", pattern).isTrue();
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
