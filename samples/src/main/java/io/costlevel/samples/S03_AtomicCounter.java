package io.costlevel.samples;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sample 03: one hardware atomic add per op, {@link AtomicLong#incrementAndGet()} (x86
 * {@code LOCK XADD}).
 *
 * <p>What it shows: the cheapest way to share one number, and still the clearest jump in the
 * ladder. Alone, the atomic costs a few ns because the cache line stays in this core's cache. As
 * soon as two cores write it, every op must first pull the line from the other core: the same line
 * of code moves from L1 to L2 without any lock or wait in sight.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, an uncontended atomic.</li>
 *   <li>threads = cores: L2, true sharing: the line moves between cores on (nearly) every op.</li>
 *   <li>4x cores: L2; the extra threads only time-share the same cores, but an op preempted while
 *       the line is in flight makes the average worse.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar atomic --threads 2}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code atomic}: 4.95 ns/op at 1 thread, 16.2 at 2 threads, 85.7 at 8 threads.
 */
public final class S03_AtomicCounter implements Counter {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public long value() {
        return count.get();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.ATOMIC, args);
    }
}
