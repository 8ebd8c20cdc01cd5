package io.costlevel.analyzer.report;

import java.util.List;

/**
 * The run-level finding of issue 15: virtual threads that were ready to run waited for a carrier, because pinned or
 * CPU-bound virtual threads held every carrier (the virtual-thread form of level 5). From the agent's samples of the
 * scheduler; present whenever the agent saw virtual threads queued, with {@code starved} saying whether the waits
 * amount to starvation.
 *
 * @param starved                the waits are carrier starvation (see {@code CarrierStarvationFinder})
 * @param parallelism            carriers the scheduler keeps running ({@code jdk.virtualThreadScheduler.parallelism})
 * @param peakCarriers           most carrier threads at once (above parallelism when it compensated for a blocked one)
 * @param sampledSeconds         wall time the scheduler was sampled
 * @param mountWaitSeconds       total time virtual threads spent ready but queued for a carrier (thread-seconds)
 * @param waitingPerCarrier      mountWaitSeconds / (parallelism x sampledSeconds): virtual threads queued per carrier,
 *                               on average over the run
 * @param saturatedSeconds       wall time with every carrier busy while virtual threads were queued
 * @param saturatedShare         saturatedSeconds / sampledSeconds
 * @param longestSaturatedMillis the longest such stretch without a break: a thread queued at its start waited about
 *                               that long
 * @param peakWaiting            most virtual threads queued at once
 * @param heldBy                 what held the carriers, costliest first: pinned sites, CPU-bound virtual-thread lines
 * @param summary                one sentence with the figures
 */
public record CarrierStarvation(boolean starved, int parallelism, int peakCarriers, double sampledSeconds,
                                double mountWaitSeconds, double waitingPerCarrier, double saturatedSeconds,
                                double saturatedShare, double longestSaturatedMillis, long peakWaiting,
                                List<CarrierHolder> heldBy, String summary) {

    /**
     * A line that kept carriers busy.
     *
     * @param how            "pinned" (blocked while pinned, jdk.VirtualThreadPinned) or "cpu" (ran on a virtual thread)
     * @param carrierSeconds carrier time it held: pinned time, or the CPU time of its virtual-thread samples
     * @param share          carrierSeconds over all carriers' time (parallelism x sampledSeconds)
     * @param detail         the pinning frame and reason, or the share of virtual-thread CPU samples
     */
    public record CarrierHolder(String className, String methodName, int line, String how, double carrierSeconds,
                                double share, String detail) {
    }
}
