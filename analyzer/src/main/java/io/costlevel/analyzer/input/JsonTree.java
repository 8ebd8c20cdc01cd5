package io.costlevel.analyzer.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON document as plain maps, lists, strings, numbers and booleans, read with Jackson's
 * streaming parser: costlevel-sites.json is small, and databind's tree model would load several
 * hundred classes for it. Getters follow the agent format's rule that a missing field reads as a default.
 */
final class JsonTree {
    private final Map<String, Object> fields;

    private JsonTree(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** @return the document's root object; {@code IllegalArgumentException} when the root is not an object */
    static JsonTree read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("the document is not a JSON object");
        }
        return new JsonTree(object(parser));
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            map.put(name, value(p));
        }
        return map;
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    JsonTree object(String name) {
        Object v = fields.get(name);
        return new JsonTree(v instanceof Map<?, ?> m ? (Map<String, Object>) m : Collections.emptyMap());
    }

    @SuppressWarnings("unchecked")
    List<JsonTree> objects(String name) {
        Object v = fields.get(name);
        List<JsonTree> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                out.add(new JsonTree(o instanceof Map<?, ?> m ? (Map<String, Object>) m : Collections.emptyMap()));
            }
        }
        return out;
    }

    /** The array's text elements (others skipped), empty when absent. */
    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        if (fields.get(name) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The field as text (numbers and booleans in their JSON spelling), or {@code otherwise} when absent or null. */
    String text(String name, String otherwise) {
        Object v = fields.get(name);
        return v == null || v instanceof Map || v instanceof List ? otherwise : v.toString();
    }

    /** The field as a long (numbers are truncated), or {@code otherwise} when absent or not a number. */
    long number(String name, long otherwise) {
        return fields.get(name) instanceof Number n ? n.longValue() : otherwise;
    }

    /** Whether the field is a number. */
    boolean has(String name) {
        return fields.get(name) instanceof Number;
    }

    /** The field as a double, 0 when absent or not a number. */
    double decimal(String name) {
        return fields.get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    boolean bool(String name, boolean otherwise) {
        return fields.get(name) instanceof Boolean b ? b : otherwise;
    }
}
