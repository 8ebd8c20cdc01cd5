package io.costlevel.agent.capture;

/** async-profiler cannot run here; the message is one line for the user, and JFR goes on alone. */
final class ProfilerUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    ProfilerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
