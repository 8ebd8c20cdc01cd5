package io.costlevel.analyzer.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.CommandLineRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Decides whether one {@code analyze} run on damaged input ended as the contract allows. */
final class Outcome {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BAD_INPUT = 1;

    private Outcome() {}

    /** @return "report" or "rejected" when acceptable, otherwise what was wrong */
    static String of(CommandLineRun run, Path json) {
        // Progress lines ("costlevel: reading ...") may come first on a slow machine; they are not errors.
        List<String> messages = run.err().lines().filter(l -> !l.startsWith("costlevel: read")).toList();
        if (run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("Error:")) {
            return "stack trace or exception name on stderr: " + firstLines(run.err());
        }
        if (run.exitCode() == 0) {
            // A report made of part of the input, or mostly blind, says so in warnings (one line each, issue 13).
            if (messages.stream().anyMatch(l -> !l.startsWith("costlevel: warning: "))) {
                return "exit 0 but stderr says: " + firstLines(run.err());
            }
            return readableReport(json);
        }
        if (run.exitCode() != BAD_INPUT) {
            return "exit code " + run.exitCode() + ", stderr: " + firstLines(run.err());
        }
        if (messages.size() != 1 || !messages.get(0).startsWith("costlevel: ")) {
            return "bad input must be one line starting 'costlevel: ', stderr was: " + firstLines(run.err());
        }
        if (messages.get(0).startsWith("costlevel: analysis failed")) {
            return "an exception nobody foresaw (catch-all): " + messages.get(0);
        }
        return "rejected";
    }

    private static String readableReport(Path json) {
        try {
            if (!MAPPER.readTree(json.toFile()).path("sites").isArray()) {
                return "exit 0 but the JSON report has no sites array";
            }
            return "report";
        } catch (IOException e) {
            return "exit 0 but the JSON report is unreadable: " + e.getMessage();
        }
    }

    private static String firstLines(String text) {
        return text.lines().limit(6).reduce((a, b) -> a + " | " + b).orElse("(empty)");
    }
}
