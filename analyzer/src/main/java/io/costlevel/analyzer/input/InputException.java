package io.costlevel.analyzer.input;

/**
 * An input the analyzer cannot use (missing, empty, truncated, not a recording). Its message is the
 * one line the user sees, so it names the file and what is wrong with it.
 */
public final class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
