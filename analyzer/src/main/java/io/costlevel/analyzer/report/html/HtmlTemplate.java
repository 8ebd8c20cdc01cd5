package io.costlevel.analyzer.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page template with two kinds of placeholder:
 * <ul>
 *   <li>{@code {{include:file}}}: another resource next to this class (the page's CSS and JS),
 *       pasted in when the template is loaded. Only files from the jar, never values.</li>
 *   <li>{@code {{context:name}}}: a value, escaped for {@code text}, {@code attr} or {@code json}.
 *       The template, not the caller, says in which context a value lands, so a value can only
 *       ever be inserted with the escaping of the place it goes to.</li>
 * </ul>
 * Public for the other pages of the family (the diff page, io.costlevel.analyzer.diff), which take
 * their template, styles and scripts from this folder too.
 */
public final class HtmlTemplate {
    private static final Pattern INCLUDE = Pattern.compile("\\{\\{include:([A-Za-z0-9_.-]+)}}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(text|attr|json):([A-Za-z][A-Za-z0-9]*)}}");

    private final String source;

    private HtmlTemplate(String source) {
        this.source = source;
    }

    public static HtmlTemplate fromResource(String name) {
        Matcher m = INCLUDE.matcher(resource(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resource(m.group(1))));
        }
        m.appendTail(out);
        return new HtmlTemplate(out.toString());
    }

    static HtmlTemplate of(String source) {
        return new HtmlTemplate(source);
    }

    /** A resource next to this class, as UTF-8 text. */
    public static String resource(String name) {
        try (InputStream in = HtmlTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills every placeholder with its escaped value. A placeholder without a value, or a value no
     * placeholder uses, is a bug between template and writer, so both fail instead of leaving
     * {@code {{...}}} in the page or silently dropping data.
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 4096);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            String name = m.group(2);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for template placeholder " + m.group());
            }
            used.add(name);
            m.appendReplacement(out, Matcher.quoteReplacement(escape(m.group(1), value)));
        }
        m.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            Set<String> unused = new HashSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalArgumentException("template has no placeholder for " + unused);
        }
        return out.toString();
    }

    /**
     * The CSP source expression for an inline script: the base64 SHA-256 of its exact text, here the
     * text of the resource the template includes in the script element.
     */
    public static String scriptHash(String resourceName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource(resourceName).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String escape(String context, String value) {
        return switch (context) {
            case "text" -> HtmlEscape.text(value);
            case "attr" -> HtmlEscape.attribute(value);
            case "json" -> HtmlEscape.scriptJson(value);
            default -> throw new IllegalStateException("unknown context " + context);
        };
    }
}
