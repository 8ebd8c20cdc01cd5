package io.costlevel.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * The current thread's CPU time for the probes ({@code BootstrapSettings.threadCpuClock}), or null where this JVM does
 * not measure it (the probes then infer parks from a call's duration alone).
 */
final class ThreadCpuClock {
    private ThreadCpuClock() {}

    static LongSupplier of() {
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
                return null;
            }
            return threads::getCurrentThreadCpuTime;
        } catch (RuntimeException | LinkageError noManagement) {
            return null; // a runtime image without java.management
        }
    }
}
