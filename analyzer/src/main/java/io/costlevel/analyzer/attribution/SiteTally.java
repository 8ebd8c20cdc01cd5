package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.ProbeCost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything charged to one site, from every input: the agent's counters (exact, per operation) and
 * the recordings' events (sampled or above a threshold). Mutable while inputs are read; the
 * classifier reads it afterwards.
 */
public final class SiteTally {
    private final SiteKey site;
    private AgentSite agent;

    /** Index of a chain counter's events (or samples) ... */
    static final int CHAIN_EVENTS = 0;
    /** ... of the blocked time of its platform threads' blocking events ... */
    static final int CHAIN_BLOCKED_NANOS = 1;
    /** ... and of the time virtual threads blocked in it (what they waited for, as for platform threads). */
    static final int CHAIN_VIRTUAL_BLOCKED_NANOS = 2;
    /** ... and how many of its events were platform threads' blocks (the others CPU samples and virtual blocks). */
    static final int CHAIN_BLOCKING_EVENTS = 3;

    long cpuSamples;
    /** Estimated on-CPU thread time: each CPU sample stands for one sampling period of one thread. */
    double cpuNanos;
    /** Of {@link #cpuSamples}, those whose sampling period the sampler's own settings gave (not estimated). */
    long exactPeriodCpuSamples;
    /**
     * CPU samples inside the agent's probes inlined at this line in the JVM being read, and their time: at the JVM's
     * end the line is charged what exceeds its ops' probes' cost by the agent's measure ({@link #chargeProbeSamples}).
     */
    private long jvmProbeSamples;
    private double jvmProbeNanos;
    private boolean jvmProbeExact = true;
    /** Over every JVM: samples inside the probes here, and the probes' own time taken out of them. */
    private long probeSamples;
    private double probeCostNanos;
    private double probeChargedNanos;
    /** The probes' own cost at this line by the agent's measure (ops x cost per op), whatever the samples showed. */
    private double probeOwnNanos;
    /** Ops whose probes ran here in the JVM being read, by kind (their cost per op differs: {@link ProbeCost#indexOf}). */
    private final long[] jvmProbedOps = new long[ProbeCost.KINDS];
    long parkEvents;
    long parkNanos;
    long monitorEvents;
    long monitorNanos;
    long waitEvents;
    long waitNanos;
    long sleepEvents;
    long sleepNanos;
    /**
     * Threads the recordings saw here, by kind of event: a recording that async-profiler merged into the JDK's
     * (jfrsync) names one thread by its JFR id in the JDK's events and by another in the profiler's samples, so the
     * two are not added together either. Keys differ between recordings (JfrScanner's thread namespace), so what the
     * recording being read saw is what the sets grew by since it began.
     */
    private final LongSet eventThreads = new LongSet();
    private final LongSet sampleThreads = new LongSet();
    private int eventThreadsBefore;
    private int sampleThreadsBefore;
    /** The most threads one recording of the JVM being read saw here. */
    private int jvmRecordingThreads;
    /** The agent's distinct threads here, in the JVM being read. */
    private int jvmAgentThreads;
    /** The agent counted this site in the JVM being read. */
    private boolean agentInJvm;
    /** The JVMs (in the order they were read) that ran this site. */
    private final java.util.BitSet jvms = new java.util.BitSet();
    /** Wall time the JVMs that ran this site covered together, once every input is read (0: not known). */
    private double wallSeconds;
    /** Threads of the JVMs already read, summed, and the most of any one of them. */
    private int earlierJvmThreads;
    private int earlierJvmMaxThreads;
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
    /** Primitive chain -> {events through it, blocked nanos}; shared with the {@link Charge}s of its stacks. */
    private final Map<String, long[]> primitives = new HashMap<>();
    /** CPU samples whose stack ran inside a synchronizing JDK frame above this line, by that frame. */
    private final Map<String, long[]> syncFrames = new HashMap<>();
    private long syncCpuSamples;
    private SiteKey poolGivenBackAt;
    /** CPU samples inside a {@code Thread.start} above this line. */
    long threadStartSamples;
    /** Chains from this line to the mechanism, from the agent's counters, with the thread time each stands for. */
    private final Map<List<String>, double[]> chains = new HashMap<>();

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

    /**
     * Ops charged here from the library sites this line's calls reach (each call read as one op of the busiest
     * site: {@link AgentCharges}), and that site, the busiest one of the largest charge; 0 and null without any.
     */
    private long libraryOps;
    private String libraryOpsSite;
    private long libraryOpsSiteOps = -1;

    /** The library sites charged to this line, each with its own counters (one entry per site and JVM). */
    private final List<AgentSite> libraryParts = new ArrayList<>();

    /**
     * Counters of one library call charged to this line ({@code call}, the sum of {@code parts}), whose ops are those
     * of {@code busiest} inside it.
     */
    void addLibraryCall(AgentSite call, AgentSite busiest, List<AgentSite> parts) {
        addCounters(call);
        libraryParts.addAll(parts);
        libraryOps += call.ops();
        if (call.ops() > libraryOpsSiteOps) {
            libraryOpsSiteOps = call.ops();
            libraryOpsSite = busiest.className() + "." + busiest.methodName() + ":" + busiest.line();
        }
    }

    /** Of {@link #agent()}'s ops, those counted inside library calls rather than at the line itself. */
    public long libraryOps() {
        return libraryOps;
    }

    /**
     * The library sites this line's calls reach, each with its own counters: their ratios are per their own ops
     * (a try-lock's failures over its attempts), which the line's sum, over the busiest site's ops, is not.
     */
    public List<AgentSite> libraryParts() {
        return List.copyOf(libraryParts);
    }

    /** One library part alone, as a tally of this line with its counters only: what its own mechanism is. */
    public SiteTally part(AgentSite counters) {
        SiteTally part = new SiteTally(site);
        part.addAgent(counters);
        part.wallSeconds = wallSeconds;
        return part;
    }

    /** The library site whose ops stand for this line's calls, or null when none was charged here. */
    public String libraryOpsSite() {
        return libraryOpsSite;
    }

    /** The agent's sites at this line itself, each with its own counters (one entry per site and JVM). */
    private final List<AgentSite> ownParts = new ArrayList<>();

    /**
     * Every agent site whose counters are summed here, each with its own: the line's own sites and the library sites
     * its calls reach. A ratio of one site (handoffs per same-line check) is its own; the line's sum mixes in the
     * others' (a thread's own Random beside a shared map on one line).
     */
    public List<AgentSite> sitesHere() {
        List<AgentSite> all = new ArrayList<>(ownParts);
        all.addAll(libraryParts);
        return all;
    }

    /** The agent's sites at this line itself (not the library sites its calls reach), each with its own counters. */
    public List<AgentSite> ownSites() {
        return List.copyOf(ownParts);
    }

    /**
     * The classes ({@code java.lang.StringBuffer}) whose calls here the agent left uninstrumented because their object
     * never leaves its method ({@link AgentSite#CONFINED}).
     */
    public java.util.Set<String> confinedClasses() {
        java.util.Set<String> classes = new java.util.TreeSet<>();
        for (AgentSite s : ownParts) {
            if (s.isConfined() && s.primitive() != null && s.primitive().lastIndexOf('.') > 0) {
                classes.add(s.primitive().substring(0, s.primitive().lastIndexOf('.')));
            }
        }
        return classes;
    }

    void addAgent(AgentSite counters) {
        ownParts.add(counters);
        addCounters(counters);
        ownOpsInJvm |= counters.ops() > 0;
    }

    private void addCounters(AgentSite counters) {
        agent = agent == null ? counters : agent.plus(counters);
        // Two call sites on one line are mostly run by the same threads: the larger count, not the sum.
        jvmAgentThreads = Math.max(jvmAgentThreads, counters.threads());
        agentInJvm = true;
    }

    /** The line's own sites counted ops in the JVM being read: the agent's count of its threads is exact. */
    private boolean ownOpsInJvm;

    void addSyncSamples(String frame, long samples) {
        syncCpuSamples += samples;
        syncFrames.computeIfAbsent(frame, f -> new long[1])[0] += samples;
    }

    /** CPU samples that ran inside synchronizing JDK frames above this line. */
    public long syncCpuSamples() {
        return syncCpuSamples;
    }

    /** CPU samples that ran inside {@code java.lang.Thread.start} above this line: creating threads. */
    public long threadStartSamples() {
        return threadStartSamples;
    }

    public Map<String, Long> syncFrames() {
        Map<String, Long> counts = new HashMap<>();
        syncFrames.forEach((frame, n) -> counts.put(frame, n[0]));
        return counts;
    }

    /** Weighs a chain by the thread time its counters stand for (ops when none was timed). */
    void addChain(List<String> chain, AgentSite counters) {
        if (chain.isEmpty()) {
            return;
        }
        double weight = counters.latencySamples() > 0
                ? Math.max(0, counters.meanLatencyNanos()) * counters.ops()
                : counters.ops();
        chains.computeIfAbsent(List.copyOf(chain), c -> new double[1])[0] += weight;
    }

    /** The chain from this line to the mechanism that most of its counted time went through, or null. */
    public List<String> chain() {
        return chains.entrySet().stream()
                .max(Map.Entry.<List<String>, double[]>comparingByValue((a, b) -> Double.compare(a[0], b[0]))
                        .thenComparing(e -> String.join(" ", e.getKey())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * Whether the recordings saw a thread at both sites: compared events with events and samples with samples, as a
     * merged recording names one thread by its JFR id in the one and its OS id in the other.
     */
    boolean sharesThreadsWith(SiteTally other) {
        if (this == other || eventThreads.meets(other.eventThreads)) {
            return true;
        }
        for (long thread : sampleThreads.toArray()) {
            if (ranBySamples(thread) && other.ranBySamples(thread)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Of a line's samples, the share of its fair share (its samples over the threads they came from) below which a
     * thread's samples there are taken for those of a neighbouring line ({@link #jvmThreads}). The consumer polling an
     * {@code ArrayBlockingQueue} one line below its producer's offer (2026-12-06) left 4 of the offer's 133 samples in
     * one run (6 % of a fair share) and 16 of 148 in another (22 %): both calls start by taking the queue's lock, code
     * the JIT may share between the two branches under the offer's debug information. Threads sharing a pool each hold
     * about their fair share of its lines.
     */
    static final double MIN_FAIR_SAMPLE_SHARE = 0.5;

    /** Whether the thread's CPU samples say it ran this line, not a neighbouring one ({@link #MIN_FAIR_SAMPLE_SHARE}). */
    private boolean ranBySamples(long thread) {
        long samples = sampleThreads.count(thread);
        return samples > 0 && samples * sampleThreads.size() >= MIN_FAIR_SAMPLE_SHARE * sampleThreads.total();
    }

    /** The line where this line's queue is given back, when it takes from a pool ({@link PoolQueues}), or null. */
    public SiteKey poolGivenBackAt() {
        return poolGivenBackAt;
    }

    void poolGivenBackAt(SiteKey line) {
        poolGivenBackAt = line;
    }

    void addEventThread(long threadKey) {
        eventThreads.add(threadKey);
    }

    void addSampleThread(long threadKey) {
        sampleThreads.add(threadKey);
    }

    /**
     * The recordings' keys of the threads seen at this site, where they saw as many threads as ran it (the agent may
     * count threads the recording never sampled here), else null: only then do those threads' spans bound the site's
     * time ({@code ThreadTimeBound}). Samples and events are compared apart, as for {@link #threads}: a merged recording
     * names one thread by two ids.
     */
    public long[] recordedThreadKeysIfAll() {
        if (Math.max(eventThreads.size(), sampleThreads.size()) < threads()) {
            return null;
        }
        long[] events = eventThreads.toArray();
        long[] samples = sampleThreads.toArray();
        long[] all = java.util.Arrays.copyOf(events, events.length + samples.length);
        System.arraycopy(samples, 0, all, events.length, samples.length);
        return all;
    }

    private int recordingThreads() {
        return Math.max(eventThreads.size() - eventThreadsBefore, sampleThreads.size() - sampleThreadsBefore);
    }

    void endRecording() {
        jvmRecordingThreads = Math.max(jvmRecordingThreads, recordingThreads());
        eventThreadsBefore = eventThreads.size();
        sampleThreadsBefore = sampleThreads.size();
    }

    /** The probes of {@code counters}' ops ran at this line (its own site's, or a library site's it called). */
    void probed(AgentSite counters) {
        jvmProbedOps[ProbeCost.indexOf(counters.kind())] += counters.ops();
    }

    void probeTime(long samples, double samplingPeriodNanos, boolean exactPeriod) {
        jvmProbeSamples += samples;
        jvmProbeNanos += samples * samplingPeriodNanos;
        jvmProbeExact &= exactPeriod;
    }

    /**
     * Charges this line the CPU time its probes' samples show beyond the probes' own cost (ops x the agent's measured
     * cost per op, by kind). A CPU sample lands just after the instruction that was running, so the cost of a locked
     * instruction right before a probe (the previous op's monitor exit, a CAS) is sampled in the probe: leaving all
     * probe samples out lost it (an uncontended monitor at 0.41-0.45x of its native time), charging them all would
     * charge the probes' cost. Without the agent's measure nothing is charged.
     *
     * <p>What the probes cost beyond their samples is in the loop's own instructions (the JIT's spills around the
     * probes' calls, docs/overhead.md), but not at one line: one compilation of a one-thread CAS loop samples it at the
     * CAS line, the next at the loop's lines. So it is not taken from the line's samples; it is taken out of the
     * threads' time the sites must fit in ({@code ThreadTimeBound}, {@link #probeOwnNanos}).
     */
    private void chargeProbeSamples(ProbeCost cost) {
        if (cost != null) {
            double own = 0;
            for (int kind = 0; kind < ProbeCost.KINDS; kind++) {
                own += jvmProbedOps[kind] * cost.nanos(kind);
            }
            probeOwnNanos += own;
            if (jvmProbeSamples > 0) {
                double charged = Math.max(0, jvmProbeNanos - own);
                long samples = Math.round(jvmProbeSamples * charged / jvmProbeNanos);
                cpuNanos += charged;
                cpuSamples += samples;
                if (jvmProbeExact) {
                    exactPeriodCpuSamples += samples;
                }
                probeChargedNanos += charged;
                probeCostNanos += Math.min(own, jvmProbeNanos);
            }
        }
        probeSamples += jvmProbeSamples;
        jvmProbeSamples = 0;
        jvmProbeNanos = 0;
        jvmProbeExact = true;
        java.util.Arrays.fill(jvmProbedOps, 0);
    }

    /** CPU samples taken inside the agent's probes at this line, over every JVM. */
    public long probeSamples() { return probeSamples; }
    /** Of their time, what was charged to the line (beyond the probes' measured cost). */
    public double probeChargedNanos() { return probeChargedNanos; }
    /** Of their time, the probes' own cost by the agent's measure, charged to no line. */
    public double probeCostNanos() { return probeCostNanos; }
    /**
     * The thread time the probes at this line took by the agent's measure (its ops x their cost per op), over every
     * JVM: in the threads' time, never the application's ({@code ThreadTimeBound}).
     */
    public double probeOwnNanos() { return probeOwnNanos; }

    void endJvm(int jvmIndex, ProbeCost probeCost) {
        chargeProbeSamples(probeCost);
        endRecording();
        int jvm = jvmThreads();
        if (jvm > 0 || agentInJvm) {
            jvms.set(jvmIndex);
        }
        agentInJvm = false;
        ownOpsInJvm = false;
        earlierJvmThreads += jvm;
        earlierJvmMaxThreads = Math.max(earlierJvmMaxThreads, jvm);
        jvmRecordingThreads = 0;
        jvmAgentThreads = 0;
    }

    /**
     * The JVM being read: where the line's own calls were counted, the agent's count of the threads that made them,
     * which is exact; else the agent's count of the library calls charged here, or what one recording saw when that is
     * more (or no agent). A recording's samples of JIT-compiled code land on the line of the nearest debug information,
     * so a thread running the line beside this one leaves a few samples here: a queue's consumer, polling one line
     * below its producer's offer, left 4 of its 107 samples at the offer (async-profiler, 2026-12-06), and the offer
     * read 2 threads where one ran it.
     */
    private int jvmThreads() {
        return ownOpsInJvm ? jvmAgentThreads : Math.max(jvmAgentThreads, Math.max(jvmRecordingThreads, recordingThreads()));
    }

    /** The JVMs that ran this site, by the order they were read. */
    public java.util.BitSet jvms() {
        return (java.util.BitSet) jvms.clone();
    }

    /**
     * The wall time of the JVMs that ran this site: the denominator of its rates. A site of one JVM among several
     * that ran one after another has that JVM's time, not the whole run's; 0 until the inputs are all read.
     */
    public double wallSeconds() {
        return wallSeconds;
    }

    public void wallSeconds(double seconds) {
        this.wallSeconds = seconds;
    }

    /** Distinct threads that ran this site, summed over JVMs (threads of different JVMs are different threads). */
    public int threads() {
        return earlierJvmThreads + jvmThreads();
    }

    /** The most threads that ran this site in one JVM: whether they outnumber its cores is a per-JVM question. */
    public int threadsInOneJvm() {
        return Math.max(earlierJvmMaxThreads, jvmThreads());
    }

    /** @return the counter of this chain at this site, or null for the empty chain (the event was in the site itself) */
    long[] chainCounter(String chain) {
        return chain.isEmpty() ? null : primitives.computeIfAbsent(chain, c -> new long[4]);
    }
    public long cpuSamples() { return cpuSamples; }
    public double cpuNanos() { return cpuNanos; }
    /** Every CPU sample here has a known period, so {@link #cpuNanos()} is a measurement, not an estimate. */
    public boolean cpuTimeExact() { return cpuSamples > 0 && exactPeriodCpuSamples == cpuSamples; }
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

    /** Primitive chains seen at this site, with how many events (or samples) went through each. */
    public Map<String, Long> primitives() {
        Map<String, Long> counts = new HashMap<>();
        primitives.forEach((chain, n) -> counts.put(chain, n[CHAIN_EVENTS]));
        return counts;
    }

    /** Primitive chains that platform threads' blocking events went through, with the time blocked in each. */
    public Map<String, Long> blockedNanosByChain() {
        return byChain(CHAIN_BLOCKED_NANOS);
    }

    /** Primitive chains that platform threads' blocking events went through, with how many went through each. */
    public Map<String, Long> blockingEventsByChain() {
        return byChain(CHAIN_BLOCKING_EVENTS);
    }

    /** Primitive chains that virtual threads' unmounting blocks went through, with the time blocked in each. */
    public Map<String, Long> virtualBlockedNanosByChain() {
        return byChain(CHAIN_VIRTUAL_BLOCKED_NANOS);
    }

    /** One column of the chain counters ({@link #CHAIN_BLOCKED_NANOS} and after), chains where it is not 0. */
    private Map<String, Long> byChain(int index) {
        Map<String, Long> values = new HashMap<>();
        primitives.forEach((chain, n) -> {
            if (n[index] > 0) {
                values.put(chain, n[index]);
            }
        });
        return values;
    }
}
