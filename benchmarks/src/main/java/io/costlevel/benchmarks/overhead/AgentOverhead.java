package io.costlevel.benchmarks.overhead;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

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
}
