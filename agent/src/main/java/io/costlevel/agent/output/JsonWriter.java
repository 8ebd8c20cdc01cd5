package io.costlevel.agent.output;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer, so the agent needs no library: objects, arrays, names and values, commas and
 * escaping handled here. One member per line, indented, for a file people also read.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open object/array: has it a member yet (a comma is needed before the next)? */
    private final Deque<Boolean> hasMember = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    /** Non-finite doubles have no JSON form: written as null. */
    JsonWriter value(double value) {
        separate();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    String toJson() {
        if (!hasMember.isEmpty()) {
            throw new IllegalStateException("unclosed object or array");
        }
        return out.append('\n').toString();
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        hasMember.push(false);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean any = hasMember.pop();
        if (any) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Before a name or a value: a comma if needed and a new line, unless the value follows its name. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (hasMember.isEmpty()) {
            return;
        }
        if (hasMember.pop()) {
            out.append(',');
        }
        hasMember.push(true);
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < hasMember.size(); i++) {
            out.append("  ");
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
