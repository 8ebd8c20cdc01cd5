package io.costlevel.agent.vthread;

/**
 * What the virtual-thread scheduler's carriers did, summed over the samples {@link SchedulerSampler} took: how
 * long virtual threads that were ready to run waited for a carrier to mount on.
 *
 * @param parallelism            the scheduler's parallelism (carriers it aims to keep running), last seen
 * @param peakCarriers           the most carrier threads it had at once (above parallelism when it compensated for
 *                               a blocked carrier)
 * @param samples                samples taken
 * @param sampledNanos           wall time the samples cover
 * @param mountWaitNanos         the integral of the number of virtual threads queued to mount over that time:
 *                               thread-nanoseconds spent ready but not running (Little's law; exact as the sampling
 *                               period goes to 0, whatever the waits' distribution)
 * @param saturatedNanos         wall time during which every carrier was busy while virtual threads were queued
 * @param longestSaturatedNanos  the longest such stretch without a break
 * @param peakWaiting            the most virtual threads queued to mount in one sample
 */
public record CarrierLoad(int parallelism, int peakCarriers, long samples, long sampledNanos, long mountWaitNanos,
                          long saturatedNanos, long longestSaturatedNanos, long peakWaiting) {
}
