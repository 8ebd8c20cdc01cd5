package io.costlevel.analyzer.input;

import java.util.List;

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
 * @param scheduler     the virtual-thread scheduler's carrier load, or null when the agent did not sample it (JDK 17)
 */
public record AgentRun(String jvmName, String javaVersion, int cores, double uptimeSeconds,
                       String include, String exclude, boolean finalSnapshot, List<AgentSite> sites,
                       SchedulerLoad scheduler) {
}
