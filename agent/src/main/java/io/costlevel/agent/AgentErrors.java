package io.costlevel.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Errors inside the agent: each kind reported once on stderr in one line, counted for the data file, never thrown
 * into the application.
 */
public final class AgentErrors {
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private AgentErrors() {}

    /** {@code what} says what failed and what the agent does about it; the same {@code what} is printed once. */
    public static void report(String what, Throwable cause) {
        report(what, "", cause);
    }

    /** Like {@link #report(String, Throwable)}, with a detail (the first class it happened to) not part of "once". */
    public static void report(String what, String firstDetail, Throwable cause) {
        COUNT.incrementAndGet();
        if (REPORTED.add(what)) {
            System.err.println("costlevel: " + what + firstDetail + ": " + cause);
        }
    }

    public static int count() {
        return COUNT.get();
    }
}
