package io.costlevel.benchmarks.ladder;

import io.costlevel.samples.Counter;
import io.costlevel.samples.Sample;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost ladder: one op of every sample counter, shared by all benchmark threads. Run it at
 * 1 thread, threads = cores and 4x cores with JMH's {@code -t} (see docs/cost-ladder.md):
 *
 * <pre>
 * for t in 1 2 8; do java -jar benchmarks/target/benchmarks.jar CounterLadder -t $t; done
 * </pre>
 *
 * Average time per op with N threads is thread time per op, the same figure the samples' runner
 * prints as nsPerOp. Each fork runs one sample, so the counter call below sees a single class and
 * is inlined, as it would be in an application.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(1)
public class CounterLadderBenchmark {

    /** The counter every thread increments; a fresh one per iteration, because a stopped one is spent. */
    @State(Scope.Benchmark)
    public static class SharedCounter {
        @Param
        public Sample sample;

        Counter counter;

        @Setup(Level.Iteration)
        public void create() {
            counter = sample.newCounter();
        }

        /**
         * JMH ends an iteration only when every thread has finished its current op, and no waiter
         * ever abandons its ticket before that, so a normal iteration leaves nobody waiting. The stop
         * releases any thread still waiting on the spent counter all the same (the spinning ticket
         * lock at 4x cores waits ~50 ms per op) and keeps it from ever being reused.
         */
        @TearDown(Level.Iteration)
        public void stop() {
            counter.stop();
        }
    }

    /** What this thread increments: the shared counter, or its own slot of the thread-local one. */
    @State(Scope.Thread)
    public static class ThreadsPart {
        Counter mine;

        @Setup(Level.Iteration)
        public void lookUp(SharedCounter shared) {
            mine = shared.counter.forCurrentThread();
        }
    }

    @Benchmark
    public void increment(ThreadsPart part) {
        part.mine.increment();
    }
}
