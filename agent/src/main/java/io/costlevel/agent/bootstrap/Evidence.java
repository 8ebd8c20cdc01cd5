package io.costlevel.agent.bootstrap;

/**
 * The counters kept per site, as column indices into a thread's counter array ({@code site * WIDTH + column}).
 * Pairs of count and nanos are adjacent ({@code PARKS}, {@code PARKED_NANOS}) so one probe can take the count's
 * index and add the time at {@code index + 1}. {@link #NAMES} are the JSON field names of docs/agent-data-format.md.
 */
public final class Evidence {
    public static final int OPS = 0;
    public static final int CAS_ATTEMPTS = 1;
    public static final int CAS_FAILURES = 2;
    public static final int CONTENDED = 3;
    public static final int CONTENDED_NANOS = 4;
    public static final int PARKS = 5;
    public static final int PARKED_NANOS = 6;
    public static final int WAITS = 7;
    public static final int WAITED_NANOS = 8;
    public static final int SLEEPS = 9;
    public static final int SLEPT_NANOS = 10;
    public static final int YIELDS = 11;
    public static final int SPINS = 12;
    public static final int SPIN_WAITS = 13;
    public static final int WAKEUPS = 14;
    public static final int HANDOFF_CHECKS = 15;
    public static final int HANDOFFS = 16;
    public static final int LATENCY_SAMPLES = 17;
    public static final int LATENCY_NANOS = 18;
    public static final int CONTENDED_SAMPLES = 19;
    /** Distinct threads: never written by the hot path, filled in when the threads' arrays are merged. */
    public static final int THREADS = 20;
    /**
     * The share of virtual threads (JDK 21+), also filled in at the merge from each thread's kind, so the hot path
     * pays nothing for it: virtual threads that used the site, their ops, and their parks, waits and sleeps with
     * their time. A virtual thread that blocks unmounts instead of switching in the kernel (unless pinned), so
     * the analyzer must know which blocks were theirs.
     */
    public static final int VIRTUAL_THREADS = 21;
    public static final int VIRTUAL_OPS = 22;
    public static final int VIRTUAL_BLOCKS = 23;
    public static final int VIRTUAL_BLOCKED_NANOS = 24;
    /** Sampled checks that met the line the previous sampled op at this site worked on (by any thread). */
    public static final int SAME_LINE_CHECKS = 25;
    /** Sampled checks on a line another thread had already touched at this site (issue 16: shared vs confined state). */
    public static final int SHARED_LINE_CHECKS = 26;
    /**
     * Sampled checks whose line another thread touched, at any site, since this thread's previous sampled op: a line two
     * sites share between threads (a queue's producer offering at one, its consumer polling at the other) moves between
     * cores while each site alone sees one thread.
     */
    public static final int LINE_HANDOFFS = 27;
    /**
     * Timings of an operation that never blocks ({@link NeverBlocking}) that lasted a context switch: preempted, left out
     * of {@link #LATENCY_SAMPLES} and {@link #LATENCY_NANOS}, weighted as they are.
     */
    public static final int PREEMPTED_TIMINGS = 28;
    public static final int WIDTH = 29;

    private static final String[] NAMES = {
        "ops", "casAttempts", "casFailures", "contended", "contendedNanos", "parks", "parkedNanos",
        "waits", "waitedNanos", "sleeps", "sleptNanos", "yields", "spins", "spinWaits", "wakeups",
        "handoffChecks", "handoffs", "latencySamples", "latencyNanos", "contendedSamples", "threads",
        "virtualThreads", "virtualOps", "virtualBlocks", "virtualBlockedNanos", "sameLineChecks", "sharedLineChecks",
        "lineHandoffs", "preemptedTimings"
    };

    private Evidence() {}

    /** Columns that count threads that ever used a site, not events: a later snapshot never subtracts them. */
    public static boolean countsThreads(int column) {
        return column == THREADS || column == VIRTUAL_THREADS;
    }

    /** Columns the probes write, summed over the threads at the merge; the others are filled in by the merge. */
    public static boolean writtenByProbes(int column) {
        return column < THREADS || column > VIRTUAL_BLOCKED_NANOS;
    }

    public static String name(int column) {
        return NAMES[column];
    }
}
