package io.costlevel.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadCountersTest {
    /** On JDK 17 getId() can be overridden: two threads claiming one id must still get counters of their own. */
    @Test
    void threadsLyingAboutTheirIdStillGetTheirOwnCounters() throws Exception {
        AtomicReference<ThreadCounters> first = new AtomicReference<>();
        AtomicReference<ThreadCounters> second = new AtomicReference<>();
        runAs(new SameIdThread(() -> first.set(ThreadCounters.current())));
        Thread secondThread = new SameIdThread(() -> second.set(ThreadCounters.current()));
        runAs(secondThread);

        assertThat(first.get()).isNotNull().isNotSameAs(second.get());
        assertThat(second.get().thread).isSameAs(secondThread);
    }

    /**
     * The fast lookup is by id modulo the table's size: a slot held by a thread that ended (and was retired by the
     * dumper) is taken by the next thread landing on it, so a service that keeps making threads keeps the fast path;
     * while it is held, another thread landing on it is sent the slow way, with counters of its own.
     */
    @Test
    void aSlotFreedByAnEndedThreadIsTakenByTheNextThreadLandingOnIt() throws Exception {
        long id = 40_000;
        AtomicReference<ThreadCounters> first = new AtomicReference<>();
        AtomicReference<ThreadCounters> firstKnown = new AtomicReference<>();
        runAs(new IdThread(id, () -> {
            first.set(ThreadCounters.current());
            firstKnown.set(ThreadCounters.known());
        }));
        assertThat(firstKnown.get()).isSameAs(first.get());

        AtomicReference<ThreadCounters> second = new AtomicReference<>();
        AtomicReference<ThreadCounters> secondKnown = new AtomicReference<>(first.get());
        runAs(new IdThread(id + (1 << 16), () -> {
            second.set(ThreadCounters.current());
            secondKnown.set(ThreadCounters.known());
        }));
        assertThat(second.get()).isNotNull().isNotSameAs(first.get());
        assertThat(secondKnown.get()).as("the slot is still the ended, unretired thread's").isNull();

        assertThat(first.get().retireIfFinished()).isTrue();
        AtomicReference<ThreadCounters> third = new AtomicReference<>();
        AtomicReference<ThreadCounters> thirdKnown = new AtomicReference<>();
        runAs(new IdThread(id + (2 << 16), () -> {
            third.set(ThreadCounters.current());
            thirdKnown.set(ThreadCounters.known());
        }));
        assertThat(thirdKnown.get()).isNotNull().isSameAs(third.get());
    }

    @Test
    void theSameThreadAlwaysGetsTheSameCounters() {
        ThreadCounters counters = ThreadCounters.current();
        assertThat(ThreadCounters.current()).isSameAs(counters);
        assertThat(counters.thread).isSameAs(Thread.currentThread());
    }

    /**
     * The probes' out-of-line call, whose return is the safepoint poll a JIT-compiled loop around an operation may
     * rely on (issue 17), comes at least every {@link ThreadCounters#MAX_OPS_BETWEEN_CALLS} operations, however
     * rarely operations are sampled, and at every sampled one.
     */
    @Test
    void theOutOfLineCallComesEverySixtyFourOperationsAtMostAndAtEverySample() throws Exception {
        BootstrapSettings.install(1 << 20, 10, 0);
        try {
            int[] longestGap = {0};
            int[] sampled = {0};
            runAs(new Thread(() -> {
                ThreadCounters counters = ThreadCounters.current();
                int sinceCall = 0;
                for (int op = 0; op < 100_000; op++) {
                    sinceCall++;
                    if (counters.isDue()) {
                        longestGap[0] = Math.max(longestGap[0], sinceCall);
                        sinceCall = 0;
                        sampled[0] += counters.due(null, 0, 1) ? 1 : 0;
                    }
                    counters.completed(1);
                }
            }));
            assertThat(longestGap[0]).isEqualTo(ThreadCounters.MAX_OPS_BETWEEN_CALLS);
            assertThat(sampled[0]).as("1 in 2^20 on average, over 100,000 ops: the calls were polls").isLessThan(10);

            BootstrapSettings.install(1, 10, 0);
            int[] calls = {0};
            runAs(new Thread(() -> {
                ThreadCounters counters = ThreadCounters.current();
                for (int op = 0; op < 1_000; op++) {
                    if (counters.isDue() && counters.due(null, 0, 1)) {
                        calls[0]++;
                    }
                    counters.completed(1);
                }
            }));
            assertThat(calls[0]).as("sampling=1: every operation sampled").isEqualTo(1_000);
        } finally {
            BootstrapSettings.install(64, 1, 0);
        }
    }

    /**
     * A hot site's sampled operations are all timed until its mean is known ({@link ThreadCounters#TIMED_IN_FULL}
     * timings), then one in {@link ThreadCounters#TIMING_EVERY}, each standing for that many: the weighted count of
     * timings still equals the sampled operations, and every sampled operation is still checked for a handoff.
     */
    @Test
    void aHotSiteIsTimedOnFewerSamplesOnceItsMeanIsKnownWithWeightsThatKeepTheCount() throws Exception {
        BootstrapSettings.install(1, 10, 0);
        try {
            int ops = 20_000;
            int[] timed = {0};
            long[][] columns = {null};
            runAs(new Thread(() -> {
                ThreadCounters counters = ThreadCounters.current();
                Object state = new Object();
                for (int op = 0; op < ops; op++) {
                    if (counters.isDue() && counters.due(state, 0, 1)) {
                        counters.startTiming(1);
                        timed[0]++;
                    }
                    counters.completed(1);
                }
                columns[0] = counters.chunks[0].clone();
            }));
            int thinned = ops - ThreadCounters.TIMED_IN_FULL;
            assertThat(timed[0]).as("all of the first %d, then one in %d", ThreadCounters.TIMED_IN_FULL,
                    ThreadCounters.TIMING_EVERY).isEqualTo(ThreadCounters.TIMED_IN_FULL
                    + (thinned + ThreadCounters.TIMING_EVERY - 1) / ThreadCounters.TIMING_EVERY);
            int site = Evidence.WIDTH;
            assertThat(columns[0][site + Evidence.LATENCY_SAMPLES]).as("weighted timings")
                    .isBetween((long) ops, (long) ops + ThreadCounters.TIMING_EVERY);
            assertThat(columns[0][site + Evidence.HANDOFF_CHECKS]).as("every sampled op checked").isEqualTo(ops);
            assertThat(columns[0][site + Evidence.OPS]).isEqualTo(ops);
        } finally {
            BootstrapSettings.install(64, 1, 0);
        }
    }

    /**
     * A timing that lasted a context switch at a site whose operation never blocks (an atomic) was preempted: counted
     * apart and left out of its latency. At any other site (a monitor's enter, an unlock that wakes a waiter) it is
     * the operation's time.
     */
    @Test
    void aLongTimingOfAnOperationThatNeverBlocksIsAPreemptionNotItsLatency() throws Exception {
        BootstrapSettings.install(1, 10, 0);
        NeverBlocking.install(10);
        NeverBlocking.mark(1);
        try {
            int ops = 40;
            long[][] columns = {null};
            runAs(new Thread(() -> {
                ThreadCounters counters = ThreadCounters.current();
                Object state = new Object();
                for (int op = 0; op < ops; op++) {
                    for (int site = 1; site <= 2; site++) {
                        boolean timed = counters.isDue() && counters.due(state, 0, site);
                        assertThat(timed).as("sampling period 1: every op is timed").isTrue();
                        counters.startTiming(site);
                        if (op % 4 == 0) {
                            spinFor(2 * ThreadCounters.BLOCKED_FLOOR_NANOS);
                        }
                        counters.completed(site);
                    }
                }
                columns[0] = counters.chunks[0].clone();
            }));
            int atomic = Evidence.WIDTH;
            int other = 2 * Evidence.WIDTH;
            // At least the long ones: a short one may be preempted for real on a busy machine (or run its first,
            // interpreted time), and is then one more; every timing is in one of the two.
            long preempted = columns[0][atomic + Evidence.PREEMPTED_TIMINGS];
            long kept = columns[0][atomic + Evidence.LATENCY_SAMPLES];
            assertThat(preempted).as("long timings of the atomic").isGreaterThanOrEqualTo(ops / 4);
            assertThat(preempted + kept).isEqualTo(ops);
            assertThat(columns[0][atomic + Evidence.LATENCY_NANOS])
                    .as("the kept ones' total").isLessThan(kept * ThreadCounters.BLOCKED_FLOOR_NANOS);
            assertThat(columns[0][other + Evidence.PREEMPTED_TIMINGS]).isZero();
            assertThat(columns[0][other + Evidence.LATENCY_SAMPLES]).isEqualTo(ops);
            assertThat(columns[0][other + Evidence.LATENCY_NANOS])
                    .isGreaterThanOrEqualTo(ops / 4 * 2 * ThreadCounters.BLOCKED_FLOOR_NANOS);
        } finally {
            BootstrapSettings.install(64, 1, 0);
            NeverBlocking.install(0);
        }
    }

    private static void spinFor(long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Thread.onSpinWait();
        }
    }

    /**
     * A probed call that is not counted (a HashMap behind Map.put) still reaches the out-of-line call every
     * {@link ThreadCounters#MAX_OPS_BETWEEN_CALLS} calls: a loop of them must keep its safepoint poll too.
     */
    @Test
    void uncountedCallsStillReachTheOutOfLineCall() throws Exception {
        BootstrapSettings.install(1 << 20, 10, 0);
        try {
            int[] longestGap = {0};
            int[] counted = {0};
            runAs(new Thread(() -> {
                ThreadCounters counters = ThreadCounters.current();
                java.util.Map<Integer, Integer> plain = new java.util.HashMap<>();
                int sinceCall = 0;
                for (int op = 0; op < 10_000; op++) {
                    sinceCall++;
                    if (counters.isDue()) {
                        longestGap[0] = Math.max(longestGap[0], sinceCall);
                        sinceCall = 0;
                    }
                    counted[0] += CallProbes.before(plain, 1) == null ? 0 : 1;
                }
            }));
            assertThat(counted[0]).as("a HashMap does not synchronize: nothing counted").isZero();
            assertThat(longestGap[0]).isEqualTo(ThreadCounters.MAX_OPS_BETWEEN_CALLS);
        } finally {
            BootstrapSettings.install(64, 1, 0);
        }
    }

    /**
     * A line two sites share, each thread at one of them (a queue's producer offering at site 1, its consumer polling at
     * site 2): at each site the previous check was its own thread's, so no handoff there, but the line was last touched
     * by the other thread at the other site every time. An object of one thread's alone never is.
     */
    @Test
    void aLineTwoSitesShareBetweenThreadsIsHandedOffAcrossSites() throws Exception {
        BootstrapSettings.install(1, 10, 0);
        try {
            Object queue = new Object();
            long[][] producer = {null};
            long[][] consumer = {null};
            for (int turn = 0; turn < 50; turn++) {
                runAs(new Thread(() -> checkTwice(queue, 1, producer)));
                runAs(new Thread(() -> checkTwice(queue, 2, consumer)));
            }
            int site1 = Evidence.WIDTH;
            int site2 = 2 * Evidence.WIDTH;
            assertThat(producer[0][site1 + Evidence.HANDOFF_CHECKS]).isEqualTo(100);
            assertThat(producer[0][site1 + Evidence.HANDOFFS]).as("per site: the previous check was the same thread's, "
                    + "but for each new thread's first").isEqualTo(49);
            assertThat(consumer[0][site2 + Evidence.LINE_HANDOFFS]).as("across sites: the other side touched it last")
                    .isEqualTo(50);
            assertThat(producer[0][site1 + Evidence.LINE_HANDOFFS]).isEqualTo(49);

            long[][] alone = {null};
            runAs(new Thread(() -> {
                Object own = new Object();
                checkTwice(own, 3, alone);
                checkTwice(own, 4, alone);
            }));
            assertThat(alone[0][3 * Evidence.WIDTH + Evidence.LINE_HANDOFFS]).isZero();
            assertThat(alone[0][4 * Evidence.WIDTH + Evidence.LINE_HANDOFFS]).isZero();
        } finally {
            BootstrapSettings.install(64, 0, 0);
        }
    }

    /**
     * A touch by another thread before this thread's previous sampled op is no handoff now: the line did not move in
     * between (a sharded counter's threads meet lines the other touched long ago on a third of their checks).
     */
    @Test
    void onlyATouchSinceTheThreadsPreviousSampleIsAHandoffAcrossSites() throws Exception {
        BootstrapSettings.install(1, 10, 0);
        java.util.concurrent.ExecutorService a = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService b = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Object shard = new Object();
            Object other = new Object();
            a.submit(() -> ThreadCounters.current().checkHandoff(shard, 0, 1)).get();
            b.submit(() -> ThreadCounters.current().checkHandoff(shard, 0, 2)).get();
            a.submit(() -> ThreadCounters.current().checkHandoff(other, 0, 1)).get();
            long[] stale = a.submit(() -> {
                ThreadCounters.current().checkHandoff(shard, 0, 3);
                return ThreadCounters.current().chunks[0].clone();
            }).get();
            assertThat(stale[3 * Evidence.WIDTH + Evidence.LINE_HANDOFFS]).as("b touched it before a's previous sample")
                    .isZero();
            b.submit(() -> ThreadCounters.current().checkHandoff(shard, 0, 2)).get();
            long[] fresh = a.submit(() -> {
                ThreadCounters.current().checkHandoff(shard, 0, 4);
                return ThreadCounters.current().chunks[0].clone();
            }).get();
            assertThat(fresh[4 * Evidence.WIDTH + Evidence.LINE_HANDOFFS]).as("b touched it since").isEqualTo(1);
        } finally {
            a.shutdown();
            b.shutdown();
            BootstrapSettings.install(64, 0, 0);
        }
    }

    /** Two sampled checks of {@code line} at {@code site} by the current thread, its counters summed into {@code sum}. */
    private static void checkTwice(Object line, int site, long[][] sum) {
        ThreadCounters counters = ThreadCounters.current();
        counters.checkHandoff(line, 0, site);
        counters.checkHandoff(line, 0, site);
        long[] chunk = counters.chunks[0];
        synchronized (sum) {
            if (sum[0] == null) {
                sum[0] = new long[chunk.length];
            }
            for (int i = 0; i < chunk.length; i++) {
                sum[0][i] += chunk[i];
            }
        }
    }

    private static void runAs(Thread thread) throws InterruptedException {
        thread.start();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private static final class SameIdThread extends IdThread {
        SameIdThread(Runnable task) {
            super(7, task);
        }
    }

    /** A thread that says it has this id (getId() can be overridden up to JDK 18). */
    private static class IdThread extends Thread {
        private final long id;

        IdThread(long id, Runnable task) {
            super(task);
            this.id = id;
        }

        @Override
        @SuppressWarnings("deprecation")
        public long getId() {
            return id;
        }
    }
}
