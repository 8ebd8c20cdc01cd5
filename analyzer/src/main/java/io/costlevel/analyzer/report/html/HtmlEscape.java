package io.costlevel.analyzer.report.html;

/**
 * Escaping for the three contexts the report template puts values into. Every string that reaches
 * the page comes from a recording (class, method and thread names, evidence keys), so none of it is
 * trusted; each context gets the escaping that makes a value inert there, as async-profiler's
 * {@code FlameGraph.escape} does for flame.html.
 */
final class HtmlEscape {
    private HtmlEscape() {}

    /** For element content: {@code <} and {@code &} are the only characters that start markup there; {@code >} too for symmetry. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** For a double-quoted attribute value: text escaping plus both quote characters, so a value can never close the attribute. */
    static String attribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For a JSON document inside a {@code <script>} element. JSON only allows these characters inside
     * string literals, where a {@code \}{@code uXXXX} escape means the same character to JSON.parse,
     * so the data is unchanged while the HTML parser can never see {@code </script>} or {@code <!--},
     * and U+2028/U+2029 (line terminators to older JavaScript parsers) cannot break the script.
     */
    static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
