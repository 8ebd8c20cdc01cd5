package io.costlevel.samples;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sample 09: spread the count over 256 shards, each on its own cache line, and add to a random one
 * (the seed's ShardedCounter).
 *
 * <p>What it shows: avoiding contention instead of handling it. Two threads rarely pick the same
 * shard, so the atomic add usually finds its line already in this core's cache: an uncontended
 * atomic again. The price is paid elsewhere: {@code value()} sums 256 lines and the counter takes
 * 16 KiB. Random slots still collide now and then, and a slot last written by the other core
 * must travel once, so it does not reach the single-thread cost.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, a random number and an uncontended atomic.</li>
 *   <li>threads = cores: L1/L2, mostly uncontended; lines written by the other core cost a
 *       transfer.</li>
 *   <li>4x cores: same as threads = cores: the threads only time-share the cores.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar sharded --threads 2}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code sharded}: 5.47 ns/op at 1 thread, 7.05 at 2 threads, 28.6 at 8 threads.
 */
public final class S09_ShardedCounter implements Counter {
    static final int SHARDS = 256;
    /** 8 longs = 64 bytes, one x86 cache line, so no two shards share a line. */
    private static final int STRIDE = 8;

    private final AtomicLongArray shards = new AtomicLongArray(SHARDS * STRIDE);

    @Override
    public void increment() {
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        shards.incrementAndGet(shard * STRIDE);
    }

    @Override
    public long value() {
        long sum = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            sum += shards.get(shard * STRIDE);
        }
        return sum;
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.SHARDED, args);
    }
}
