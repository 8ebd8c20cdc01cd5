package io.costlevel.agent.output;

import java.lang.management.ManagementFactory;

import io.costlevel.agent.bootstrap.CounterRegistry;
import io.costlevel.agent.bootstrap.Evidence;

/**
 * Where a recording session starts. The probes' counters live on the boot class path for the JVM's whole life, so
 * a second {@code costlevel attach} to the same JVM finds the first one's counts still there: a session reports
 * its counters and its time minus what they were when it started. A {@code -javaagent} run starts with the JVM.
 */
public final class SessionStart {
    private static final SessionStart JVM_START = new SessionStart(new long[0], 0);

    private final long[] counts;
    private final long uptimeMillis;

    private SessionStart(long[] counts, long uptimeMillis) {
        this.counts = counts;
        this.uptimeMillis = uptimeMillis;
    }

    public static SessionStart jvmStart() {
        return JVM_START;
    }

    /** Takes the counters and the JVM's uptime as they are now. */
    public static SessionStart now() {
        return new SessionStart(CounterRegistry.merge(), ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /**
     * Counters since the start. {@link Evidence#THREADS} and {@link Evidence#VIRTUAL_THREADS} are kept as merged: threads that ever used the site, which
     * cannot be told apart per session.
     */
    long[] since(long[] merged) {
        long[] result = merged.clone();
        for (int i = 0; i < Math.min(counts.length, result.length); i++) {
            if (!Evidence.countsThreads(i % Evidence.WIDTH)) {
                result[i] -= counts[i];
            }
        }
        return result;
    }

    long uptimeSince(long uptimeMillis) {
        return uptimeMillis - this.uptimeMillis;
    }
}
