package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.report.Advice;

/**
 * What would move a site down a tier, chosen by the mechanism that put it there (the primitive only
 * sharpens the wording: an AtomicLong counter gets "LongAdder", a read lock "StampedLock"). The
 * projection assumes the cheaper tier's typical cost (the seed ladder's medians, {@link Tiers#typicalNs}).
 */
public final class AdviceCatalog {
    private AdviceCatalog() {}

    /**
     * What a cheaper tier would cost, for one site.
     *
     * @param nsPerOp             the site's cost per op now, or null
     * @param opsPerSecond        its ops per second of wall time, or null
     * @param maxSavingNsPerSecond the site's whole thread time per second of wall time: no change saves more
     * @param plainNsPerOp         the part of an op's cost no change of its synchronization saves: the time it runs
     *                             on a core beyond what its tier's mechanism costs at most ({@link #plainWork}), 0
     */
    public record Costs(Double nsPerOp, Double opsPerSecond, double maxSavingNsPerSecond, double plainNsPerOp) {
        public Costs(Double nsPerOp, Double opsPerSecond, double maxSavingNsPerSecond) {
            this(nsPerOp, opsPerSecond, maxSavingNsPerSecond, 0);
        }

        static Costs of(SiteFacts f) {
            return new Costs(f.nsPerOp(), f.opsPerSecond(), Double.POSITIVE_INFINITY);
        }
    }

    /**
     * The plain work in an op at a site below L3 whose running time CPU samples measured: what it runs on a core per
     * op beyond its tier's ceiling, in the units of {@code nsPerOp} (its running share of it). A call that formats a
     * log record for 10 us around a monitor costing L1's 5-20 ns when uncontended: confining the logger to a thread
     * would save the monitor and its rare blocks, not the formatting. 0 without ns/op or time.
     */
    public static double plainWork(int tier, Double nsPerOp, SiteTime time) {
        double tiered = time.tieredNanos();
        if (nsPerOp == null || tiered == 0) {
            return 0;
        }
        return plainWork(tier, nsPerOp * time.runningNanos() / tiered, !time.runningFromTiming());
    }

    /**
     * {@link #plainWork(int, Double, SiteTime)} from the running time per op: 0 above L2 (a kernel entry or a switch
     * is the mechanism's own cost) and where the running time is the agent's timing, which holds preemptions as well.
     */
    static double plainWork(int tier, double runningNanosPerOp, boolean runningFromSamples) {
        if (tier >= Tiers.L3_SYSCALL || !runningFromSamples) {
            return 0;
        }
        return Math.max(0, runningNanosPerOp - Tiers.ceilingNs(tier));
    }

    public static Advice adviseOn(Verdict verdict, SiteFacts facts, String primitive) {
        return adviseOn(verdict, Costs.of(facts), primitive);
    }

    public static Advice adviseOn(Verdict verdict, Costs facts, String primitive) {
        String p = primitive == null ? "" : primitive;
        return switch (verdict.mechanism()) {
            case SPIN_WHILE_DESCHEDULED -> advice(Tiers.L4_CONTEXT_SWITCH, facts,
                    "spin wait with more threads than cores -> park, or spin a bounded number of times then park",
                    "The waiter spins while the thread it waits for has no core. Park instead (a ReentrantLock, "
                            + "a Condition, LockSupport.park), or spin at most a few microseconds before parking; "
                            + "or keep runnable threads at or below the core count.");
            case BLOCKING -> blocking(verdict, facts, p);
            case POOL_WAIT -> advice(Tiers.L2_TRUE_SHARING, facts,
                    "threads wait for a pooled item -> as many items as threads use at once, or hold them for less time",
                    "A take from the pool's queue parks while every item is held by another thread: the pool is "
                            + "smaller than the threads that want it at the same time, and each wait is a switch out "
                            + "and a wake-up. Size the pool to the threads that use it at once (or run no more threads "
                            + "than items), and hold an item only around the work that needs it.");
            case YIELD_SWITCH -> advice(Tiers.L3_SYSCALL, facts,
                    "yield loop with more threads than cores -> park-based lock or fewer threads",
                    "Each yield hands the core to another thread. A lock that parks the waiter (ReentrantLock) "
                            + "and wakes exactly one thread costs a switch only when needed; fewer runnable threads "
                            + "than cores turns the yield back into a cheap system call.");
            case SYSCALL -> advice(Tiers.L2_TRUE_SHARING, facts,
                    "system call on most ops -> bounded spin before yielding/parking, or a lock-free structure",
                    "Waits here are short: a bounded spin (Thread.onSpinWait) before calling into the kernel, "
                            + "or a j.u.c structure that only parks when the wait is long, keeps the op in user space.");
            case WAKEUP_IN_CALL -> advice(Tiers.L2_TRUE_SHARING, facts,
                    "a thread woken inside the call -> hand work over in batches, or keep the other side awake",
                    "The call wakes a sleeping thread (a futex wake) on its ops: an executor with idle workers, an "
                            + "unlock with a parked waiter. Hand work over in batches (one wake per batch), let the "
                            + "waiting side spin briefly before it parks so a release finds it awake, or run a short "
                            + "task on the calling thread (a Caffeine cache: executor(Runnable::run)).");
            // Handing a task to a pool's idle thread is a wake-up (L3); a caller that waits for it still pays a switch
            // each way (L4, the site's tier then: Assessment.advised).
            case THREAD_START -> advice(Math.max(Tiers.L3_SYSCALL, verdict.tier()), facts,
                    "a thread started per task -> hand tasks to a pool",
                    "Starting a thread costs a clone system call, a stack mapped and a switch to the new thread: tens "
                            + "of microseconds, whatever the task. A pool made once (an ExecutorService) keeps its "
                            + "threads and wakes one per task (a waiting caller still pays a switch each way, ~20 us: "
                            + "run short tasks in the caller's thread). CompletableFuture's async methods without an executor "
                            + "start a thread per task where the common pool has parallelism 1 (2 cores or fewer, or "
                            + "java.util.concurrent.ForkJoinPool.common.parallelism=1): pass them an executor.");
            case CAS_FAILURES -> advice(Tiers.L1_UNCONTENDED_ATOMIC, facts,
                    "CAS retry loop on a shared value -> LongAdder / LongAccumulator or per-thread shards",
                    "Failed CAS retries mean cores fight over one line. Striped state (LongAdder, LongAccumulator, "
                            + "or shards padded to separate cache lines, merged on read) lets each core own its line.");
            case HANDOFFS -> p.contains("Atomic")
                    ? advice(Tiers.L1_UNCONTENDED_ATOMIC, facts, "contended atomic counter -> LongAdder",
                    "Every core's increment moves the counter's line. If the value is read rarely, LongAdder "
                            + "(or per-thread counters summed on read) keeps increments core-local.")
                    : advice(Tiers.L1_UNCONTENDED_ATOMIC, facts, "object written by several cores -> confine or shard it",
                    "The object's line moves between cores on most ops. Give each thread its own copy and merge, "
                            + "or shard the state so cores write different lines.");
            case CONTENDED_LOCK -> p.contains("ReadLock") || p.contains("ReadWriteLock")
                    ? advice(Tiers.L1_UNCONTENDED_ATOMIC, facts, "read lock fought over by readers -> StampedLock optimistic read or copy-on-write",
                    "Readers still write the lock word. StampedLock.tryOptimisticRead validates without writing; "
                            + "an immutable snapshot swapped by reference (copy-on-write) needs no lock for readers.")
                    : advice(Tiers.L1_UNCONTENDED_ATOMIC, facts, "contended lock -> shorter critical section or sharded state",
                    "Threads queue for this lock. Move work out of the critical section, split the guarded state "
                            + "into independently locked shards, or replace a counter under lock with LongAdder.");
            case SPIN_SHARED -> advice(Tiers.L1_UNCONTENDED_ATOMIC, facts,
                    "spin wait on a shared line -> fewer handoffs (batch work per acquisition) or a queue lock",
                    "Each waiter polls a line the owner writes. Doing more per acquisition, or a lock that "
                            + "hands over to one waiter (MCS/CLH style, as AQS does), cuts line movement.");
            case UNCONTENDED_SYNC -> advice(Tiers.L0_VANILLA, facts,
                    "synchronization used by one thread at a time -> thread confinement",
                    "An uncontended atomic or lock still costs an atomic instruction. If the state is really "
                            + "per-thread (a thread-local accumulator merged at the end), plain fields cost under 2 ns.");
            case PINNED_CARRIER -> advice(Tiers.L3_SYSCALL, facts,
                    "virtual thread blocks while pinned -> block outside the pinning frame",
                    "The virtual thread cannot unmount, so its carrier blocks with it and other virtual threads wait "
                            + "for a carrier. Move the blocking call out of the class initializer or native callback "
                            + "that pins it (initialize eagerly, or lazily outside <clinit>); on JDK 21-23 replace "
                            + "synchronized around blocking code with a ReentrantLock; or run that work on a platform "
                            + "thread pool.");
            case VIRTUAL_UNMOUNT -> advice(Tiers.L2_TRUE_SHARING, facts,
                    "virtual threads hand over per op -> hand over more work per handoff",
                    "Each handoff unmounts one virtual thread and remounts another: cheap (no kernel switch), but "
                            + "still hundreds of ns. Batches per handoff (drainTo, a list per put) or fewer turn "
                            + "changes per op save most of it.");
            case PLAIN_CPU, UNSEEN_CPU, UNCOUNTED_SYNC -> null;
        };
    }

    private static Advice blocking(Verdict verdict, Costs facts, String primitive) {
        return switch (BlockingCall.of(primitive)) {
            case QUEUE_HANDOFF -> advice(Tiers.L2_TRUE_SHARING, facts, "blocking handoff per item -> batch items per handoff",
                    "Each item costs a park and a wakeup. Hand items over in batches (drainTo, a list per put) "
                            + "or let the consumer spin briefly before parking.");
            case CONDITION -> advice(Tiers.L2_TRUE_SHARING, facts,
                    "thread waits for a signal on most ops -> wake only the thread that can go, or stop waiting per op",
                    "Each wait switches the thread out and each signal wakes it. signal() instead of signalAll() "
                            + "wakes one thread instead of all; a brief spin before awaiting catches a signal that "
                            + "comes within microseconds; and a design where threads do not take turns per op "
                            + "(a plain lock instead of a fair turn order, work handed over in batches) waits rarely.");
            // Ranked only as a round trip (WaitPurpose.roundTrip: a short wait on most ops; a long one is idle and
            // gets no advice). No cheaper tier to project: the wait holds the task's own work, which is not known.
            case COMPLETION -> new Advice(verdict.tier(),
                    "work handed to another thread and waited for on every op -> run short tasks in the caller's "
                            + "thread, or hand over batches",
                    "Each op hands a task over (waking a pool thread) and parks until it is done (woken again): two "
                            + "switches per op, microseconds, whatever the task costs. A task of a few microseconds or "
                            + "less is cheaper run where it is submitted; otherwise submit many and wait once, or continue "
                            + "with a callback (CompletableFuture.thenApply) instead of blocking per op.",
                    null, null);
            case SLEEP -> advice(Tiers.L3_SYSCALL, facts, "sleep per op -> wait for the event instead of polling",
                    "A sleep gives the core away for at least a time slice whatever happens meanwhile. Waiting on "
                            + "the condition itself (a Condition, a queue, a CompletableFuture) wakes the thread "
                            + "as soon as it can go on.");
            case LOCK -> advice(Tiers.L2_TRUE_SHARING, facts,
                    "threads block here -> shorter critical section, sharding, or fewer threads than cores",
                    "Waiters are switched out and woken on most ops. Hold the lock for less time, split the state so "
                            + "threads rarely meet, or use a lock that spins briefly before parking (ReentrantLock does).");
        };
    }

    private static Advice advice(int targetTier, Costs facts, String summary, String how) {
        Double now = facts.nsPerOp();
        double target = Tiers.typicalNs(targetTier);
        double plain = now == null ? 0 : Math.min(now, facts.plainNsPerOp());
        Double projected = now == null ? null : plain + Math.min(now - plain, target);
        Double rate = facts.opsPerSecond();
        Double saving = now == null || rate == null ? null
                : Math.min((now - projected) * rate, facts.maxSavingNsPerSecond());
        return new Advice(targetTier, summary, how, projected, saving);
    }
}
