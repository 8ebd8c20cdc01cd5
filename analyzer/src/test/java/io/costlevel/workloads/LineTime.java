package io.costlevel.workloads;

/**
 * The time a workload spent on one part of a line, measured by the workload itself (a clock read on each side), for a
 * test to derive the line's expected tier from: its intervals split by length. One within {@link #OFF_CORE_NANOS} ran
 * on a core; a longer one is time off a core (a park, or a thread preempted inside it: with more threads than cores
 * one time slice of a few ms would outweigh thousands of short intervals). Not thread-safe: the caller serializes.
 */
final class LineTime {
    static final long OFF_CORE_NANOS = 5_000;

    private final String role;
    private long ops;
    private long runningNanos;
    private long offCoreNanos;
    private long offCoreIntervals;

    LineTime(String role) {
        this.role = role;
    }

    void add(long nanos) {
        ops++;
        if (nanos > OFF_CORE_NANOS) {
            offCoreNanos += nanos;
            offCoreIntervals++;
        } else {
            runningNanos += nanos;
        }
    }

    /**
     * In MixedServiceIT's role format (the running part as CPU time, the time off a core as blocked time), then how many
     * intervals the time off a core came from.
     */
    void print(int threads) {
        System.out.printf("role=%s threads=%d ops=%d cpuNanos=%d blockedNanos=%d offCoreIntervals=%d%n", role, threads,
                ops, runningNanos, offCoreNanos, offCoreIntervals);
    }
}
