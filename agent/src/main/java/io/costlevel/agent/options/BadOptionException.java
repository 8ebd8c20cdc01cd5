package io.costlevel.agent.options;

/** An option the agent cannot run with; the message is the one line the user sees. */
public final class BadOptionException extends Exception {
    private static final long serialVersionUID = 1L;

    BadOptionException(String option, String problem) {
        super("costlevel: bad option '" + option + "': " + problem + "; agent disabled, application continues");
    }
}
