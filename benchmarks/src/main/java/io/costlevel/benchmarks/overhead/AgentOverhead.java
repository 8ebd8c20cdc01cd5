package io.costlevel.benchmarks.overhead;

import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The operations whose cost the agent must not change, run twice in one JMH run: {@link Plain} without the agent,
 * {@link Instrumented} with it (its forks add {@code -javaagent}, instrumenting this class only). The difference
 * per operation is the agent's overhead; docs/overhead.md has the figures.
 *
 * <p>Run from the repository root (the agent jar path is relative to it):
 * {@code mvn -B -Pbench install -DskipTests && java -jar benchmarks/target/benchmarks.jar AgentOverhead}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class AgentOverhead {
    /** Objects only the benchmark thread touches: uncontended operations. */
    @State(Scope.Thread)
    public static class Own {
        final AtomicLong atomic = new AtomicLong();
        final ReentrantLock lock = new ReentrantLock();
        final Object monitor = new Object();
        final Random random = new Random();
        final ConcurrentHashMap<Integer, Long> map = new ConcurrentHashMap<>();
        final ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(16);
        final Logger log = Logger.getLogger("io.costlevel.benchmarks.overhead");
        final Integer key = 42;
        long plain;
    }

    /** One lock for the two threads of a group: contended operations. */
    @State(Scope.Group)
    public static class Shared {
        final ReentrantLock lock = new ReentrantLock();
        long plain;
    }

    @Benchmark
    public long atomicIncrement(Own own) {
        return own.atomic.incrementAndGet();
    }

    @Benchmark
    public long casLoop(Own own) {
        long value;
        do {
            value = own.atomic.get();
        } while (!own.atomic.compareAndSet(value, value + 1));
        return value;
    }

    @Benchmark
    public long lockUncontended(Own own) {
        own.lock.lock();
        try {
            return ++own.plain;
        } finally {
            own.lock.unlock();
        }
    }

    @Benchmark
    @Group("lockContended")
    @GroupThreads(2)
    public long lockContended(Shared shared) {
        shared.lock.lock();
        try {
            return ++shared.plain;
        } finally {
            shared.lock.unlock();
        }
    }

    /** Lock coarsening is left on (JVM defaults): JMH's loop may merge consecutive blocks without the agent. */
    @Benchmark
    public long synchronizedBlock(Own own) {
        synchronized (own.monitor) {
            return ++own.plain;
        }
    }

    @Benchmark
    public void onSpinWait() {
        Thread.onSpinWait();
    }

    // Calls into JDK APIs the agent counts as one operation each at the calling line (composites): a receiver class
    // check before the call, the count after it.

    @Benchmark
    public int randomNextInt(Own own) {
        return own.random.nextInt(4096);
    }

    @Benchmark
    public Long mapMerge(Own own) {
        return own.map.merge(own.key, 1L, Long::sum);
    }

    /** Two counted calls: offer and poll. */
    @Benchmark
    public Integer queueOfferPoll(Own own) {
        own.queue.offer(own.key);
        return own.queue.poll();
    }

    /** A disabled log call, the common case: the logger's level check and nothing else. */
    @Benchmark
    public void loggerDisabled(Own own) {
        own.log.log(Level.FINEST, "request {0}", own.key);
    }
}
