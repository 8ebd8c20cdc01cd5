package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.QueueCalls;
import io.costlevel.analyzer.input.AgentSite;

import java.util.List;

/**
 * What a blocked thread waited for, read from the primitive chain it blocked in (outermost JDK call first, as
 * the attributor writes it) or from the agent's primitive. Only {@link #CONTENTION} is a concurrency cost: a
 * thread waiting for work to arrive ({@link #IDLE}: a pool worker in {@code take}, a main thread in {@code join},
 * a latch or a sleep, a selector) or for an answer from outside ({@link #IO}: a socket read, an HTTP client's
 * {@code send}) blocks as long as the work or the peer takes, and no change to its synchronization would
 * shorten that. Such time is shown apart, never ranked among contention and never in the tier shares.
 */
public enum WaitPurpose {
    /** Threads waiting for each other: a contended lock or monitor, a full queue, a signal per op. */
    CONTENTION("contention"),
    /** Waiting for work or for others to finish: nothing to hand over yet. */
    IDLE("idle"),
    /** Waiting for I/O or a remote answer. */
    IO("I/O wait");

    private final String label;

    WaitPurpose(String label) {
        this.label = label;
    }

    /** How the report names it: "idle", "I/O wait". */
    public String label() {
        return label;
    }

    /** Frames whose presence anywhere in the chain means I/O or a remote peer is waited for. */
    private static final List<String> IO_FRAMES = List.of(
            "java.net.http.HttpClient.send", "jdk.internal.net.http.HttpClientImpl.send",
            "jdk.internal.net.http.", "java.net.Socket", "java.net.ServerSocket.accept", "sun.nio.ch.NioSocketImpl",
            "sun.nio.ch.SocketChannelImpl.read", "sun.nio.ch.SocketDispatcher", "sun.nio.ch.ServerSocketChannelImpl.accept",
            "java.net.SocketInputStream", "sun.nio.ch.DatagramChannelImpl.receive", "java.io.FileInputStream.read",
            "sun.nio.ch.FileDispatcherImpl.read", "java.net.PlainSocketImpl");
    /** Frames that wait for something to do: a selector, a pool's worker between tasks, a fork-join worker. */
    private static final List<String> IDLE_FRAMES = List.of(
            "java.nio.channels.Selector.select", "sun.nio.ch.SelectorImpl.select", "sun.nio.ch.EPoll.wait",
            "java.util.concurrent.ThreadPoolExecutor.getTask", "java.util.concurrent.ForkJoinPool.awaitWork",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take");

    /**
     * @param chain a primitive chain ({@code A.m -> B.n -> ...}, outermost first), or several joined by "; "
     *              (the first decides), or the agent's primitive; may be null or empty (blocked in the site itself:
     *              a contended {@code synchronized})
     */
    public static WaitPurpose of(String chain) {
        if (chain == null || chain.isBlank()) {
            return CONTENTION;
        }
        String first = chain.split("; ", 2)[0];
        for (String io : IO_FRAMES) {
            if (first.contains(io)) {
                return IO;
            }
        }
        for (String idle : IDLE_FRAMES) {
            if (first.contains(idle)) {
                return IDLE;
            }
        }
        // A consumer waiting on an empty queue waits for work; one queued for the queue's lock contends with
        // the other users of the queue (the chain then goes through the lock's acquire, not a condition's await), as
        // does an untimed poll, which never waits for an item (a consumer polling a queue a producer offers to on 2
        // cores, 2026-12-06: its inferred parks were 1.4 s of "idle" where it only ever waited for the lock).
        if (QueueCalls.takes(first) && !first.contains("ReentrantLock.lock") && !QueueCalls.pollsWithoutWaiting(first)) {
            return IDLE;
        }
        return switch (BlockingCall.of(first)) {
            case COMPLETION, SLEEP -> IDLE;
            default -> CONTENTION;
        };
    }

    /** Waits per op of a round trip: most of its ops wait. */
    static final double ROUND_TRIP_WAITS_PER_OP = 0.5;

    /**
     * Whether the blocks the agent counted at a site whose primitive is {@code primitive} are a round trip: waiting for
     * others to finish (a future's {@code get}, a latch, a join) where many ops wait ({@link
     * MinimumEvidence#MIN_CHECKS} waits or more), the mean wait is no longer than a context switch costs (L4's range),
     * and every op waits: half the ops or more parked, or the calls that did not park waited too ({@link
     * #unparkedCallsWaited}). The thread hands work to another and waits for it on every op, and the wait is mostly
     * the two wake-ups. An executor round trip of a trivial task measured 14-18 us blocked per op natively against
     * 5-6 us of CPU (2 threads on 2 cores, 2026-12-05); run in the caller's thread the task would cost nanoseconds. A
     * main thread's join or a latch is a few long waits, a future answered by a remote peer milliseconds, a future
     * mostly done before it is asked: idle. The round trip's wait holds the task's own running time too, which the
     * agent cannot tell apart; the 100 us bound keeps tasks of any size out.
     *
     * @param meanCallNanos the mean duration of the site's timed calls, 0 when none was timed
     */
    public static boolean roundTrip(String primitive, long ops, long blocks, double blockedNanos, double meanCallNanos) {
        return waitsForCompletion(primitive) && blocks >= MinimumEvidence.MIN_CHECKS
                && blockedNanos / blocks < Tiers.ceilingNs(Tiers.L4_CONTEXT_SWITCH)
                && (blocks >= ROUND_TRIP_WAITS_PER_OP * ops || unparkedCallsWaited(ops, blocks, blockedNanos, meanCallNanos));
    }

    /**
     * Whether the calls not counted as parks lasted, on average, longer than any atomic or line handoff costs (L2's
     * ceiling): they waited as well, below the 5 us a timed call must last to be taken for a park (a wake-up faster
     * than a switch, a spin before parking). A future already done returns in tens of nanoseconds. A
     * {@code CompletableFuture.supplyAsync(...).join()} per op on JDK 25 (2 threads, 2 cores, CI 2026-12-06) parked on
     * 18-27 % of its joins, 21 us each, its other joins lasting 4 us on average: a round trip on every op, read idle
     * by the parked share alone.
     */
    static boolean unparkedCallsWaited(long ops, long blocks, double blockedNanos, double meanCallNanos) {
        long unparked = ops - blocks;
        if (unparked <= 0 || meanCallNanos <= 0) {
            return false;
        }
        double unparkedNanos = meanCallNanos * ops - blockedNanos;
        return unparkedNanos / unparked > Tiers.ceilingNs(Tiers.L2_TRUE_SHARING);
    }

    /**
     * {@link #roundTrip} at a line with several counted calls, each judged on its own ops and waits: in
     * {@code executor.submit(task).get()}, the commonest way to write it, the submit and the get are two ops per
     * request, so the line's sums halve the get's waits per op (an executor round trip of a trivial task on one line,
     * 2 threads on 2 cores: 0.38 parks per op of the line, 0.76 per get) and read its 10 us per request as idle.
     */
    public static boolean roundTrip(List<AgentSite> sites) {
        for (AgentSite s : sites) {
            if (roundTrip(s.primitive(), s.ops(), s.blocks(), s.blockedNanos(), s.meanLatencyNanos())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Of a line's counted calls, the primitive of the one that blocked longest, whose waits are the line's (the
     * {@code get} of {@code submit(task).get()}, not the submit the line's sites list first); {@code fallback} when
     * none blocked.
     */
    public static String blockingPrimitive(List<AgentSite> sites, String fallback) {
        AgentSite longest = null;
        for (AgentSite s : sites) {
            if (s.blockedNanos() > 0 && (longest == null || s.blockedNanos() > longest.blockedNanos())) {
                longest = s;
            }
        }
        return longest == null ? fallback : longest.primitive();
    }

    /**
     * {@link #roundTrip} from the recording alone, at a line whose waits the agent did not count (a
     * {@code CyclicBarrier.await}, a latch or a future reached through a call it does not count): many waits
     * ({@link MinimumEvidence#MIN_CHECKS} events or more), each no longer than a context switch costs. Two threads
     * meeting at a barrier on every op measured 21-29 us per op natively, 13-23 of them blocked (2 cores, 2026-12-05):
     * the rendezvous is what the op costs. A main thread's join or a latch awaited once is a few long waits: idle.
     */
    public static boolean recordedRoundTrip(long events, double blockedNanos) {
        return events >= MinimumEvidence.MIN_CHECKS && blockedNanos / events < Tiers.ceilingNs(Tiers.L4_CONTEXT_SWITCH);
    }

    /** {@link #of}, except that at a round trip ({@link #roundTrip}) waiting for completion is {@link #CONTENTION}. */
    public static WaitPurpose of(String chain, boolean roundTrip) {
        return new Waits(roundTrip, false).of(chain);
    }

    /**
     * What a site's waits for others are, beside what their chains say.
     *
     * @param roundTrip the site hands work over and waits for it on most ops ({@link #roundTrip}): its waits for
     *                  completion are contention
     * @param pool      the site takes from a queue its own threads give back to (a pool, {@code PoolQueues}): its
     *                  waits in the take are for an item another thread holds, contention
     */
    public record Waits(boolean roundTrip, boolean pool) {
        public WaitPurpose of(String chain) {
            if (roundTrip && waitsForCompletion(chain)) {
                return CONTENTION;
            }
            if (pool && QueueCalls.takes(chain)) {
                return CONTENTION;
            }
            return WaitPurpose.of(chain);
        }
    }

    /** The chain (its first) is idle in a wait for others to finish. */
    private static boolean waitsForCompletion(String chain) {
        return chain != null && !chain.isBlank() && of(chain) == IDLE
                && BlockingCall.of(chain) == BlockingCall.COMPLETION;
    }
}
