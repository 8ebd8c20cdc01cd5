package io.costlevel.samples;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sample 04: the same atomic add written by hand, read the value and {@code compareAndSet} it
 * to value + 1, retrying when another thread got there first.
 *
 * <p>What it shows: under contention a CAS loop is worse than the single atomic add of sample 03.
 * Between the read and the CAS the line can be stolen, the CAS fails and the loop pays the miss
 * again; the failed attempts are what the agent counts as {@code casFailures} at this line.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, the CAS never fails.</li>
 *   <li>threads = cores: L2, with retries: each failure is another line transfer.</li>
 *   <li>4x cores: L2, higher than sample 03, more failures per success.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar cas --threads 2}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code cas}: 5.07 ns/op at 1 thread, 37.6 at 2 threads, 90.5 at 8 threads.
 */
public final class S04_CasCounter implements Counter {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        long seen;
        do {
            seen = count.get();
        } while (!count.compareAndSet(seen, seen + 1));
    }

    @Override
    public long value() {
        return count.get();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.CAS, args);
    }
}
