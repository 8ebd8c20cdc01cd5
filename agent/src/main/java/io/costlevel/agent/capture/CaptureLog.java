package io.costlevel.agent.capture;

import java.util.HashSet;
import java.util.Set;

/** One line per problem on stderr, each kind of problem once: a failing snapshot must not flood the application's log. */
final class CaptureLog {
    private final Set<String> reported = new HashSet<>();

    synchronized void once(String kind, String message) {
        if (reported.add(kind)) {
            System.err.println("costlevel: " + message);
        }
    }
}
