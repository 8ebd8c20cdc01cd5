package io.costlevel.agent.output;

import java.lang.management.ManagementFactory;
import java.util.Map;

/** What the data file says about the JVM and the agent's settings, fixed for the run. */
public record RunInfo(String jvmName, String jvmVersion, String jvmVendor, long pid, int cores, long startMillis,
        String command, String agentVersion, Map<String, String> options, int samplingPeriod, long clockCostNanos,
        long cpuSamplePeriodNanos) {

    /** @param cpuSamplePeriodNanos CPU time per async-profiler sample, 0 when async-profiler does not run */
    public static RunInfo ofThisJvm(Map<String, String> options, int samplingPeriod, long clockCostNanos,
                                    long cpuSamplePeriodNanos) {
        String version = RunInfo.class.getPackage().getImplementationVersion();
        return new RunInfo(System.getProperty("java.vm.name", ""), System.getProperty("java.version", ""),
                System.getProperty("java.vm.vendor", ""), ProcessHandle.current().pid(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getStartTime(),
                System.getProperty("sun.java.command", ""), version == null ? "dev" : version, options,
                samplingPeriod, clockCostNanos, cpuSamplePeriodNanos);
    }
}
