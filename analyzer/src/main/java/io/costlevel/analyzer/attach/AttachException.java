package io.costlevel.analyzer.attach;

/** An attach that could not be done or did not finish; its message is the one line the user sees. */
public final class AttachException extends Exception {
    public AttachException(String message) {
        super(message);
    }

    public AttachException(String message, Throwable cause) {
        super(message, cause);
    }
}
