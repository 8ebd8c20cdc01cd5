package io.costlevel.analyzer.input;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's view of one JVM, read from costlevel-sites.json.
 *
 * @param jvmName       e.g. "OpenJDK 64-Bit Server VM", or null
 * @param javaVersion   e.g. "17.0.15", or null
 * @param cores         available processors of that JVM
 * @param uptimeSeconds how long the agent counted (snapshot uptime)
 * @param include       the agent's include option ("" = everything outside the JDK)
 * @param exclude       the agent's exclude option ("" = none)
 * @param finalSnapshot false when the JVM was killed and this is the last periodic snapshot
 * @param sites         the per-site counters
 * @param wallMillis      when the snapshot was taken (epoch milliseconds, 0 when absent): the counting ran over
 *                        the {@code uptimeSeconds} before it
 * @param notInstrumented application classes the agent left out (empty for data written before it said so)
 * @param callers         per site (by identity), the application lines found calling it; absent for most sites
 * @param scheduler       the virtual-thread scheduler's carrier load, or null when the agent did not sample it (JDK 17)
 * @param cpuSamplePeriodNanos CPU time per async-profiler sample in this JVM's recording, 0 when unknown (no
 *                        async-profiler, or data written before the agent said)
 * @param probeCost       what the probes cost per op in this JVM, as the agent measured it, or null (not measured)
 * @param lastObjects     per site (by identity), the identity hash of the object its last sampled op worked on; absent
 *                        where none was sampled, or the agent did not say
 */
public record AgentRun(String jvmName, String javaVersion, int cores, double uptimeSeconds,
                       String include, String exclude, boolean finalSnapshot, List<AgentSite> sites, long wallMillis,
                       List<NotInstrumented> notInstrumented, Map<AgentSite, List<AgentCaller>> callers,
                       SchedulerLoad scheduler, long cpuSamplePeriodNanos, ProbeCost probeCost,
                       Map<AgentSite, Integer> lastObjects) {

    public AgentRun(String jvmName, String javaVersion, int cores, double uptimeSeconds, String include,
                    String exclude, boolean finalSnapshot, List<AgentSite> sites, long wallMillis,
                    List<NotInstrumented> notInstrumented, Map<AgentSite, List<AgentCaller>> callers,
                    SchedulerLoad scheduler, long cpuSamplePeriodNanos, ProbeCost probeCost) {
        this(jvmName, javaVersion, cores, uptimeSeconds, include, exclude, finalSnapshot, sites, wallMillis,
                notInstrumented, callers, scheduler, cpuSamplePeriodNanos, probeCost, new IdentityHashMap<>());
    }

    /** Without the CPU sampling period (the analyzer then estimates it from the samples). */
    public AgentRun(String jvmName, String javaVersion, int cores, double uptimeSeconds, String include,
                    String exclude, boolean finalSnapshot, List<AgentSite> sites, long wallMillis,
                    List<NotInstrumented> notInstrumented, Map<AgentSite, List<AgentCaller>> callers,
                    SchedulerLoad scheduler) {
        this(jvmName, javaVersion, cores, uptimeSeconds, include, exclude, finalSnapshot, sites, wallMillis,
                notInstrumented, callers, scheduler, 0, null);
    }

    /** Without scheduler figures (a JVM without virtual threads). */
    public AgentRun(String jvmName, String javaVersion, int cores, double uptimeSeconds, String include,
                    String exclude, boolean finalSnapshot, List<AgentSite> sites, long wallMillis,
                    List<NotInstrumented> notInstrumented, Map<AgentSite, List<AgentCaller>> callers) {
        this(jvmName, javaVersion, cores, uptimeSeconds, include, exclude, finalSnapshot, sites, wallMillis,
                notInstrumented, callers, null, 0, null);
    }

    public AgentRun(String jvmName, String javaVersion, int cores, double uptimeSeconds, String include,
                    String exclude, boolean finalSnapshot, List<AgentSite> sites) {
        this(jvmName, javaVersion, cores, uptimeSeconds, include, exclude, finalSnapshot, sites, 0, List.of(),
                new IdentityHashMap<>(), null, 0, null);
    }

    /** The application lines that called this site, most walks first; empty when the agent found none. */
    public List<AgentCaller> callersOf(AgentSite site) {
        return callers.getOrDefault(site, List.of());
    }
}
