package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentSite;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything charged to one site, from every input: the agent's counters (exact, per operation) and
 * the recordings' events (sampled or above a threshold). Mutable while inputs are read; the
 * classifier reads it afterwards.
 */
public final class SiteTally {
    private final SiteKey site;
    private AgentSite agent;

    /** Agent ops per second of wall time, summed over JVMs. */
    double opsPerSecond;
    long cpuSamples;
    /** Estimated on-CPU thread time: each CPU sample stands for one sampling period of one thread. */
    double cpuNanos;
    long parkEvents;
    long parkNanos;
    long monitorEvents;
    long monitorNanos;
    long waitEvents;
    long waitNanos;
    long sleepEvents;
    long sleepNanos;
    /** CPU samples of virtual threads in the unmount/remount path (VirtualThread.park/unpark, Continuation.yield). */
    long virtualHandoffSamples;
    /** CPU samples taken while a virtual thread ran here (its carrier busy with it): a share of {@link #cpuSamples}. */
    long virtualCpuSamples;
    /** Blocking events of virtual threads that unmounted (a park through VirtualThread.park, a sleep, JDK 24+ monitors). */
    long virtualBlockEvents;
    long virtualBlockNanos;
    /** jdk.VirtualThreadPinned: a virtual thread blocked while pinned, its carrier blocked with it. */
    long pinnedEvents;
    long pinnedNanos;
    /** The span from the first pinned block's start to the last one's end, on the recording's clock. */
    long pinnedFirstNanos = Long.MAX_VALUE;
    long pinnedLastNanos = Long.MIN_VALUE;
    final PinnedTimeline pinnedTimeline = new PinnedTimeline();
    /** Why they were pinned (the event's pinnedReason, JDK 24+) and the frame that pinned them, with counts. */
    private final Map<String, long[]> pinnedReasons = new HashMap<>();
    private final Map<String, long[]> pinningFrames = new HashMap<>();
    private final LongSet jfrThreads = new LongSet();
    /** Primitive chain -> events through it; the counter is shared with the {@link Charge}s of its stacks. */
    private final Map<String, long[]> primitives = new HashMap<>();

    SiteTally(SiteKey site) {
        this.site = site;
    }

    public SiteKey site() {
        return site;
    }

    /** The agent's counters summed over every agent site on this line, or null without agent data. */
    public AgentSite agent() {
        return agent;
    }

    void addAgent(AgentSite counters) {
        agent = agent == null ? counters : agent.plus(counters);
    }

    void addThread(long threadKey) {
        jfrThreads.add(threadKey);
    }

    /** @return the counter of this chain at this site, or null for the empty chain (the event was in the site itself) */
    long[] chainCounter(String chain) {
        return chain.isEmpty() ? null : primitives.computeIfAbsent(chain, c -> new long[1]);
    }

    public double opsPerSecond() { return opsPerSecond; }
    public long cpuSamples() { return cpuSamples; }
    public double cpuNanos() { return cpuNanos; }
    public long parkEvents() { return parkEvents; }
    public long parkNanos() { return parkNanos; }
    public long monitorEvents() { return monitorEvents; }
    public long monitorNanos() { return monitorNanos; }
    public long waitEvents() { return waitEvents; }
    public long waitNanos() { return waitNanos; }
    public long sleepEvents() { return sleepEvents; }
    public long sleepNanos() { return sleepNanos; }
    public long virtualHandoffSamples() { return virtualHandoffSamples; }
    public long virtualCpuSamples() { return virtualCpuSamples; }
    public long virtualBlockEvents() { return virtualBlockEvents; }
    public long virtualBlockNanos() { return virtualBlockNanos; }
    public long pinnedEvents() { return pinnedEvents; }
    public long pinnedNanos() { return pinnedNanos; }

    public PinnedTimeline pinnedTimeline() {
        return pinnedTimeline;
    }

    /** Wall time from the first pinned block here to the end of the last, 0 without any. */
    public long pinnedSpanNanos() {
        return pinnedEvents == 0 ? 0 : Math.max(0, pinnedLastNanos - pinnedFirstNanos);
    }

    void pinnedBy(String reason, String frame) {
        if (reason != null) {
            pinnedReasons.computeIfAbsent(reason, r -> new long[1])[0]++;
        }
        if (frame != null) {
            pinningFrames.computeIfAbsent(frame, f -> new long[1])[0]++;
        }
    }

    /** The commonest reason the recording gave for pinning here, or null (JDK 21-23 give none). */
    public String pinnedReason() {
        return commonest(pinnedReasons);
    }

    /** The commonest frame that pinned the virtual thread here (a class initializer, a native method), or null. */
    public String pinningFrame() {
        return commonest(pinningFrames);
    }

    private static String commonest(Map<String, long[]> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, long[]>comparingByValue(java.util.Comparator.comparingLong(c -> c[0]))
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Blocking events the recordings saw (each one a thread taken off its core). */
    public long jfrBlockingEvents() {
        return parkEvents + monitorEvents + waitEvents + sleepEvents;
    }

    public long jfrBlockedNanos() {
        return parkNanos + monitorNanos + waitNanos + sleepNanos;
    }

    public int jfrThreads() {
        return jfrThreads.size();
    }

    /** Primitive chains seen at this site, with how many events (or samples) went through each. */
    public Map<String, Long> primitives() {
        Map<String, Long> counts = new HashMap<>();
        primitives.forEach((chain, n) -> counts.put(chain, n[0]));
        return counts;
    }
}
