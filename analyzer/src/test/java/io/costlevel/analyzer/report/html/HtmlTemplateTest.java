package io.costlevel.analyzer.report.html;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTemplateTest {
    @Test
    void theTemplateDecidesTheEscapingOfEachPlaceholder() {
        String page = HtmlTemplate.of("<p title=\"{{attr:v}}\">{{text:v}}</p><script>{{json:j}}</script>")
                .render(Map.of("v", "\"<x>", "j", "\"</script>\""));
        assertThat(page).isEqualTo("<p title=\"&quot;&lt;x&gt;\">\"&lt;x&gt;</p><script>\"\\u003c/script\\u003e\"</script>");
    }

    @Test
    void aPlaceholderWithoutAValueFails() {
        assertThatThrownBy(() -> HtmlTemplate.of("{{text:a}} {{text:b}}").render(Map.of("a", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{text:b}}");
    }

    @Test
    void aValueWithoutAPlaceholderFails() {
        assertThatThrownBy(() -> HtmlTemplate.of("{{text:a}}").render(Map.of("a", "1", "lost", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lost");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotExpandedAgain() {
        assertThat(HtmlTemplate.of("{{text:a}}|{{text:b}}").render(Map.of("a", "{{text:b}}", "b", "x")))
                .isEqualTo("{{text:b}}|x");
    }

    @Test
    void theReportTemplateInlinesItsStylesAndScript() {
        String page = HtmlTemplate.fromResource("report.html").render(placeholdersOfReportTemplate());
        assertThat(page).doesNotContain("{{include:")
                .contains(HtmlTemplate.resource("report.css").strip())
                .contains("<script>" + HtmlTemplate.resource("report.js") + "</script>");
    }

    private static Map<String, String> placeholdersOfReportTemplate() {
        Map<String, String> values = new HashMap<>(TierRanges.placeholders());
        values.putAll(Map.ofEntries(Map.entry("scriptSha256", ""), Map.entry("analyzerVersion", ""), Map.entry("generatedAt", ""),
                Map.entry("jvm", ""), Map.entry("javaVersion", ""), Map.entry("cores", ""), Map.entry("duration", ""),
                Map.entry("sources", ""), Map.entry("inputs", ""), Map.entry("reportJson", "{}")));
        return values;
    }
}
