package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.input.AgentSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, item 4: waiting for work or I/O is told from threads waiting for each other by the chain they block in. */
class WaitPurposeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // waiting for work: an empty queue, a pool between tasks, a selector
            "java.util.concurrent.ArrayBlockingQueue.take -> java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await -> java.util.concurrent.locks.LockSupport.park | IDLE",
            "java.util.concurrent.LinkedBlockingQueue.poll -> java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos -> java.util.concurrent.locks.LockSupport.parkNanos | IDLE",
            "java.util.concurrent.ThreadPoolExecutor.getTask -> java.util.concurrent.LinkedBlockingQueue.take -> java.util.concurrent.locks.LockSupport.park | IDLE",
            "sun.nio.ch.SelectorImpl.select -> sun.nio.ch.EPoll.wait | IDLE",
            // as the agent names a timed poll, and an untimed one (parks inferred from its timed calls: no frames)
            "java.util.concurrent.BlockingQueue.poll(timeout) | IDLE",
            "java.util.concurrent.BlockingQueue.poll | CONTENTION",
            "java.util.concurrent.LinkedBlockingDeque.pollFirst | CONTENTION",
            // the main thread waiting for the others
            "java.lang.Thread.join -> java.lang.Object.wait | IDLE",
            "java.util.concurrent.CountDownLatch.await -> java.util.concurrent.locks.LockSupport.park | IDLE",
            "java.util.concurrent.FutureTask.get -> java.util.concurrent.locks.LockSupport.park | IDLE",
            "java.lang.Thread.sleep | IDLE",
            // I/O and remote answers
            "java.net.http.HttpClient.send -> jdk.internal.net.http.HttpClientImpl.send -> java.util.concurrent.CompletableFuture.get | IO",
            "java.net.SocketInputStream.read -> sun.nio.ch.NioSocketImpl.read -> sun.nio.ch.NioSocketImpl.park | IO",
            "sun.nio.ch.NioSocketImpl.read -> sun.nio.ch.Net.poll | IO",
            // threads waiting for each other
            "java.util.concurrent.ArrayBlockingQueue.put -> java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await -> java.util.concurrent.locks.LockSupport.park | CONTENTION",
            "java.util.concurrent.ArrayBlockingQueue.take -> java.util.concurrent.locks.ReentrantLock.lockInterruptibly -> java.util.concurrent.locks.LockSupport.park | CONTENTION",
            "java.util.concurrent.locks.ReentrantLock.lock -> java.util.concurrent.locks.LockSupport.park | CONTENTION",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await -> java.util.concurrent.locks.LockSupport.park | CONTENTION",
            "java.util.concurrent.ConcurrentHashMap.merge | CONTENTION",
            "java.util.concurrent.locks.LockSupport.park | CONTENTION"})
    void chainsWaitFor(String chain, WaitPurpose expected) {
        assertThat(WaitPurpose.of(chain)).isEqualTo(expected);
    }

    /**
     * A wait for others to finish on most of many ops, each within a context switch's cost, is a round trip: an
     * executor's submit and get of a trivial task, 150,000 ops, 88 % of them parked 18.6 us (JDK 25, 2026-12-05).
     */
    @ParameterizedTest(name = "{0}: {1} ops, {2} waits, {3} ns, calls of {4} ns -> {5}")
    @CsvSource(delimiter = '|', value = {
            "java.util.concurrent.Future.get | 150000 | 132000 | 2455200000 | 0 | CONTENTION",
            "java.util.concurrent.CountDownLatch.await | 1000 | 1000 | 20000000 | 0 | CONTENTION",
            // a future answered by something slow (a remote peer): 2 ms a wait
            "java.util.concurrent.Future.get | 1000 | 1000 | 2000000000 | 0 | IDLE",
            // a few waits: a main thread's join, whatever they cost
            "java.lang.Thread.join | 2 | 2 | 80000 | 0 | IDLE",
            "java.util.concurrent.Future.get | 99 | 99 | 990000 | 0 | IDLE",
            // most ops return at once (the task was done, 50 ns a call): no round trip per op
            "java.util.concurrent.Future.get | 100000 | 30000 | 300000000 | 0 | IDLE",
            "java.util.concurrent.Future.get | 100000 | 30000 | 300000000 | 3035 | IDLE",
            // a quarter of the joins parked, the others waited 4 us below the park floor (JDK 25, CI 2026-12-06)
            "java.util.concurrent.CompletableFuture.join | 341888 | 92310 | 1895000000 | 8498 | CONTENTION",
            // not a completion: waiting for work stays idle whatever its rate
            "java.util.concurrent.ArrayBlockingQueue.take | 100000 | 100000 | 1000000000 | 0 | IDLE",
            "java.util.concurrent.locks.ReentrantLock.lock | 100000 | 100000 | 1000000000 | 0 | CONTENTION"})
    void shortWaitsForCompletionOnEveryOpAreARoundTrip(String primitive, long ops, long waits, long nanos,
                                                       double meanCallNanos, WaitPurpose expected) {
        assertThat(WaitPurpose.of(primitive, WaitPurpose.roundTrip(primitive, ops, waits, nanos, meanCallNanos)))
                .isEqualTo(expected);
    }

    /**
     * {@code executor.submit(task).get()} on one line: the agent counts the submit and the get, two ops per request,
     * and the line's sums halve the get's waits per op. A fixed pool of 2 and 2 callers on 2 cores (JDK 25,
     * 2026-12-06, natively 15.5 us per request, 4.5 of CPU and 11.0 blocked): 0.38 parks per op of the line, 0.76 per
     * get, read idle before. Each call is judged on its own, and the get's waits are the line's.
     */
    @Test
    void aRoundTripWrittenOnOneLineIsJudgedByTheCallThatWaits() {
        AgentSite submit = AgentSiteBuilder.site("call").primitive("java.util.concurrent.ExecutorService.submit")
                .ops(75_000).build();
        AgentSite get = AgentSiteBuilder.site("call").primitive("java.util.concurrent.Future.get").ops(75_000)
                .parks(57_000, 57_000 * 20_900L).build();
        AgentSite line = submit.plus(get);
        assertThat(WaitPurpose.roundTrip(line.primitive(), line.ops(), line.blocks(), line.blockedNanos(),
                line.meanLatencyNanos()))
                .as("the line's sums").isFalse();
        assertThat(WaitPurpose.roundTrip(List.of(submit, get))).isTrue();
        assertThat(WaitPurpose.blockingPrimitive(List.of(submit, get), line.primitive()))
                .isEqualTo("java.util.concurrent.Future.get");
        assertThat(WaitPurpose.blockingPrimitive(List.of(submit), submit.primitive())).as("nothing blocked")
                .isEqualTo(submit.primitive());
        AgentSite slowGet = AgentSiteBuilder.site("call").primitive("java.util.concurrent.Future.get").ops(1_000)
                .parks(1_000, 1_000 * 2_000_000L).build();
        assertThat(WaitPurpose.roundTrip(List.of(submit, slowGet))).as("a task of 2 ms: idle").isFalse();
    }

    /**
     * A line whose waits only the recording saw: two threads meeting at a CyclicBarrier on every op (61,316 parks of
     * 36 us in 1.5 s, 2026-12-05) rendezvous per op, contention; a main thread's one join stays idle.
     */
    @Test
    void manyShortRecordedWaitsForCompletionAreARoundTrip() {
        String barrier = "java.util.concurrent.CyclicBarrier.await -> "
                + "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos";
        assertThat(WaitPurpose.of(barrier, WaitPurpose.recordedRoundTrip(61_316, 61_316 * 36_400.0)))
                .isEqualTo(WaitPurpose.CONTENTION);
        assertThat(WaitPurpose.of("java.lang.Thread.join", WaitPurpose.recordedRoundTrip(1, 1.5e9)))
                .isEqualTo(WaitPurpose.IDLE);
        assertThat(WaitPurpose.of(barrier, WaitPurpose.recordedRoundTrip(99, 99 * 36_400.0))).isEqualTo(WaitPurpose.IDLE);
        assertThat(WaitPurpose.of(barrier, WaitPurpose.recordedRoundTrip(500, 500 * 2e6))).as("2 ms waits")
                .isEqualTo(WaitPurpose.IDLE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "' '"})
    void blockingInTheSiteItselfIsContention(String chain) {
        // A contended synchronized block in application code: the chain is empty.
        assertThat(WaitPurpose.of(chain)).isEqualTo(WaitPurpose.CONTENTION);
        assertThat(WaitPurpose.of(null)).isEqualTo(WaitPurpose.CONTENTION);
    }
}
