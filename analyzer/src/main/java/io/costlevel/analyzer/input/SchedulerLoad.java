package io.costlevel.analyzer.input;

/**
 * What the agent saw of the virtual-thread scheduler's carriers (its {@code virtualThreadScheduler} block,
 * docs/agent-data-format.md): sampled every 10 ms from the agent's own thread.
 *
 * @param parallelism           carriers the scheduler keeps running
 * @param peakCarriers          most carrier threads at once (above parallelism when it compensated for a blocked one)
 * @param samples               samples taken
 * @param sampledNanos          wall time they cover
 * @param mountWaitNanos        thread-nanoseconds virtual threads spent ready to run but queued for a carrier
 * @param saturatedNanos        wall time with every carrier busy while virtual threads were queued
 * @param longestSaturatedNanos the longest such stretch
 * @param peakWaiting           most virtual threads queued at once
 */
public record SchedulerLoad(int parallelism, int peakCarriers, long samples, long sampledNanos, long mountWaitNanos,
                            long saturatedNanos, long longestSaturatedNanos, long peakWaiting) {

    /** The block as the agent wrote it, or null when absent or empty (JDK 17, or an agent before it). */
    static SchedulerLoad of(JsonTree block) {
        if (block.number("samples", 0) <= 0) {
            return null;
        }
        return new SchedulerLoad((int) block.number("parallelism", 0), (int) block.number("peakCarriers", 0),
                block.number("samples", 0), block.number("sampledNanos", 0), block.number("mountWaitNanos", 0),
                block.number("saturatedNanos", 0), block.number("longestSaturatedNanos", 0),
                block.number("peakWaiting", 0));
    }
}
