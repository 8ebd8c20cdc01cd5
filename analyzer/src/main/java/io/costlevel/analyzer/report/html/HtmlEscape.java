package io.costlevel.analyzer.report.html;

/**
 * Escaping for the three contexts the report template puts values into. Every string that reaches
 * the page comes from a recording (class, method and thread names, evidence keys), so none of it is
 * trusted; each context gets the escaping that makes a value inert there, as async-profiler's
 * {@code FlameGraph.escape} does for flame.html.
 */
final class HtmlEscape {
    private HtmlEscape() {}

    /** For element content: {@code <} and {@code &} are what start markup there; {@code >} too for symmetry. */
    static String text(String value) {
        return replaceEach(value, HtmlEscape::textReplacement);
    }

    /** For a double-quoted attribute value: text escaping plus both quote characters, so a value can never close the attribute. */
    static String attribute(String value) {
        return replaceEach(value, c -> switch (c) {
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> textReplacement(c);
        });
    }

    /**
     * For a JSON document inside a {@code <script>} element. JSON only allows these characters inside
     * string literals, where a {@code \}{@code uXXXX} escape means the same character to JSON.parse,
     * so the data is unchanged while the HTML parser can never see {@code </script>} or {@code <!--},
     * and U+2028/U+2029 (line terminators to older JavaScript parsers) cannot break the script.
     */
    static String scriptJson(String json) {
        return replaceEach(json, c -> switch (c) {
            case '<', '>', '&', '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
            default -> null;
        });
    }

    private static String textReplacement(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            default -> null;
        };
    }

    /** A character's replacement, or null to keep it as it is. */
    private interface Replacement {
        String of(char c);
    }

    private static String replaceEach(String value, Replacement replacement) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replaced = replacement.of(c);
            if (replaced == null) {
                out.append(c);
            } else {
                out.append(replaced);
            }
        }
        return out.toString();
    }
}
