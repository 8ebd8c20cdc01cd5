package io.costlevel.samples;

import java.util.concurrent.atomic.LongAdder;

/**
 * Sample 10: the JDK's own sharded counter, {@link LongAdder}.
 *
 * <p>What it shows: sample 09 done adaptively. A LongAdder starts as one base cell and only grows
 * padded cells ({@code @Contended}) when a CAS on the base fails, then keeps each thread on the
 * cell its probe hashes to. With one thread it is one uncontended CAS; under contention each thread
 * settles on its own cell, so it stays close to the uncontended cost with no random number per op.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, a CAS on the base.</li>
 *   <li>threads = cores: L1, every thread on its own cell.</li>
 *   <li>4x cores: L1/L2, cells are shared by the threads time-sharing a core, and hashing collides
 *       sometimes.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar long-adder --threads 8}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code long-adder}: 5.08 ns/op at 1 thread, 5.47 at 2 threads, 22.0 at 8 threads.
 */
public final class S10_LongAdderCounter implements Counter {
    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        count.increment();
    }

    @Override
    public long value() {
        return count.sum();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.LONG_ADDER, args);
    }
}
