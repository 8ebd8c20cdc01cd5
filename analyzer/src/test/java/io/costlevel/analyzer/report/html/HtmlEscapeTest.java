package io.costlevel.analyzer.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlEscapeTest {
    private static final String MARKUP = "a<b>&\"c'</script>\u2028\u2029";

    @Test
    void textEscapesWhatStartsMarkupAndLeavesQuotes() {
        assertThat(HtmlEscape.text(MARKUP)).isEqualTo("a&lt;b&gt;&amp;\"c'&lt;/script&gt;\u2028\u2029");
    }

    @Test
    void textEscapesAnAmpersandThatLooksEscapedAlready() {
        assertThat(HtmlEscape.text("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void attributeAlsoEscapesBothQuotes() {
        assertThat(HtmlEscape.attribute(MARKUP)).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;&lt;/script&gt;\u2028\u2029");
    }

    @Test
    void scriptJsonLeavesNothingTheHtmlParserOrOldJavaScriptReacts() {
        String escaped = HtmlEscape.scriptJson("{\"k\":\"" + MARKUP.replace("\"", "\\\"") + "\"}");
        assertThat(escaped).doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003c/script\\u003e", "\\u2028", "\\u2029");
    }

    @Test
    void scriptJsonStillParsesToTheSameData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String original = json.writeValueAsString(Map.of("k", MARKUP, "<key>", "&"));
        assertThat(json.readTree(HtmlEscape.scriptJson(original))).isEqualTo(json.readTree(original));
    }
}
