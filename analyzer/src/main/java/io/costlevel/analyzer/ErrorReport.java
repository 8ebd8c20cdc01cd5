package io.costlevel.analyzer;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * How a command reports a failure: one line on stderr, the stack trace only with {@code --verbose}.
 * A picocli mixin, so every command that reads input says errors the same way.
 */
final class ErrorReport {
    static final int BAD_INPUT = 1;

    @Option(names = "--verbose", description = "Show the stack trace of an error.")
    boolean verbose;

    /** Prints the line (and with --verbose the trace) and returns the bad-input exit code. */
    int fail(PrintStream err, String message, Exception e) {
        err.println("costlevel: " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        return BAD_INPUT;
    }

    /** The line for an error no check foresaw (a bug of ours, or input damaged in a new way). */
    String unexpected(String what, RuntimeException e) {
        return what + " failed: " + e + (verbose ? "" : " (--verbose shows where)");
    }
}
