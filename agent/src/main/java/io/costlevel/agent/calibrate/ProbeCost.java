package io.costlevel.agent.calibrate;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.costlevel.agent.bootstrap.AcquireProbes;
import io.costlevel.agent.bootstrap.CallProbes;
import io.costlevel.agent.bootstrap.Probes;
import io.costlevel.agent.bootstrap.ThreadCounters;
import io.costlevel.agent.instrument.SiteTable;

/**
 * What the probes cost per counted operation in this JVM, measured once by the agent in loops of its own, compiled
 * like the application's code: each loop runs a real operation (an atomic increment, a monitor, a {@code Random}
 * draw, a {@code ReentrantLock}'s lock and unlock) with and without the probes around it, and the difference of the
 * two cheapest rounds is the probes' cost in that context, the operation's fence included.
 *
 * <p>Why the analyzer needs it: with a CPU timer a sample lands just after the instruction that was running, so the
 * cost of a locked instruction right before a probe is sampled inside the probe. Charging a line none of its probe
 * samples lost that cost (an uncontended monitor at 0.41-0.45x of its native time, docs/tiers.md); charging them all
 * would charge the probes' own cost to the application. The analyzer charges the line its probe samples' time minus
 * its ops times this cost (issue 12).
 *
 * <p>Measured at the first snapshot, not at start: at exit (the final snapshot of a short run) the recording has
 * stopped and the application's threads are done, so neither disturbs the other; in a longer run, once, beside the
 * snapshot. The loops are compiled by a warm-up at start (tens of ms); the measurement takes 50-125 ms of one core
 * (docs/agent.md).
 */
public final class ProbeCost {
    /**
     * What the probes add to an op's CPU time, in nanoseconds, by the kind of site: a monitor, a call into the JDK, a
     * j.u.c lock (acquisitions replaced by {@code AcquireProbes}), anything else (an atomic's).
     */
    public record Figures(double atomic, double monitor, double call, double lock) {}

    /**
     * A round calls each loop {@link #CALLS_PER_ROUND} times for {@link #OPS_PER_CALL} ops: many calls, so C2 compiles
     * the loops as methods after a few rounds; one long loop per round ran its first turns of each call in C1's code
     * before moving to C2's (on-stack replacement), which measured the probes at 2-5x their compiled cost in some runs.
     */
    static final int OPS_PER_CALL = 200;
    static final int CALLS_PER_ROUND = 200;
    static final int OPS_PER_ROUND = OPS_PER_CALL * CALLS_PER_ROUND;
    /**
     * Done when no loop got more than 3 % faster for this many rounds (a round disturbed by the scheduler only costs
     * more, so the cheapest rounds count).
     */
    static final int STABLE_ROUNDS = 40;
    static final int MAX_ROUNDS = 400;
    /**
     * The warm-up's rounds: 8,000 calls of each loop, past C2's invocation threshold (5,000 on JDK 17 and 25), of 20
     * ops each: with 200 the warm-up took ~200 ms of CPU at start (20 async-profiler samples of its thread at 10 ms).
     */
    static final int WARM_UP_ROUNDS = 40;
    static final int WARM_UP_OPS_PER_CALL = 20;
    static final int VARIANTS = 8;
    /** Not longer than this, stable or not: an exiting JVM is waiting. */
    static final long BUDGET_NANOS = 1_500_000_000L;

    private static final AtomicLong COUNTER = new AtomicLong();
    /** Two locks taken in turn, so C2 cannot merge consecutive blocks of one lock into one (lock coarsening). */
    private static final Object[] LOCKS = {new Object(), new Object()};
    private static final Random RANDOM = new Random(42);
    private static final ReentrantLock LOCK = new ReentrantLock();

    /** Site 0, the overflow site: never one of ours. */
    private static final int NO_SITE = 0;
    private final int atomicSite;
    private final int monitorSite;
    private final int callSite;
    private final int lockSite;

    private final Thread warmUp;

    private ProbeCost(SiteTable sites) {
        this.atomicSite = sites.agentSite("atomic");
        this.monitorSite = sites.agentSite("monitor");
        this.callSite = sites.agentSite("call");
        this.lockSite = sites.agentSite("lock");
        this.warmUp = new Thread(this::warmUp, "costlevel-probe-cost");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * Registers the measurement's sites (the agent's own, never written out) and has C2 compile its loops now, in
     * the background (160,000 ops per loop, 40-60 ms of CPU): measured at exit right away, the loops still ran C1's code in
     * some runs, the compiler's queue then full of the application's methods. Null when the site table is full (the
     * overflow site's counts are the application's).
     */
    public static ProbeCost start(SiteTable sites) {
        ProbeCost cost = new ProbeCost(sites);
        if (cost.atomicSite == NO_SITE || cost.monitorSite == NO_SITE || cost.callSite == NO_SITE
                || cost.lockSite == NO_SITE) {
            return null;
        }
        cost.warmUp.start();
        return cost;
    }

    /** Calls enough to have C2 compile each loop, with few ops each: the first calls run in the interpreter. */
    private void warmUp() {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (int variant = 0; variant < VARIANTS; variant++) {
                run(variant, WARM_UP_OPS_PER_CALL);
            }
        }
    }

    /**
     * The probes' cost per op, measured now (after the warm-up, waited for at most {@link #BUDGET_NANOS}), on a thread
     * whose counters are found by its id: a thread whose slot another holds (the shutdown hook's, in some runs) pays
     * the out-of-line lookup on every op, 9.8 ns instead of 1.1 for an atomic. Null when no such thread was had.
     */
    public Figures measure() throws InterruptedException {
        long start = System.nanoTime();
        warmUp.join(BUDGET_NANOS / 1_000_000);
        for (int attempt = 0; attempt < 3; attempt++) {
            Figures[] measured = new Figures[1];
            Thread thread = new Thread(() -> {
                if (ThreadCounters.knownByItsId()) {
                    measured[0] = measureHere(start);
                }
            }, "costlevel-probe-cost");
            thread.setDaemon(true);
            thread.start();
            thread.join(BUDGET_NANOS / 1_000_000);
            if (measured[0] != null || thread.isAlive()) {
                return measured[0];
            }
        }
        return null;
    }

    private Figures measureHere(long start) {
        long[] best = new long[VARIANTS];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        int lastGain = 0;
        for (int round = 0; round < MAX_ROUNDS && System.nanoTime() - start < BUDGET_NANOS; round++) {
            for (int variant = 0; variant < VARIANTS; variant++) {
                long begin = System.nanoTime();
                run(variant);
                long nanos = System.nanoTime() - begin;
                if (nanos < best[variant] - best[variant] / 32) {
                    lastGain = round; // still getting faster: not compiled yet, or only disturbed so far
                }
                best[variant] = Math.min(best[variant], nanos);
            }
            if (round - lastGain >= STABLE_ROUNDS) {
                break;
            }
        }
        // The lock's loops count two ops a turn, lock and unlock.
        return new Figures(perOp(best[1] - best[0]), perOp(best[3] - best[2]), perOp(best[5] - best[4]),
                perOp(best[7] - best[6]) / 2);
    }

    private static double perOp(long nanos) {
        return Math.max(0, nanos) / (double) OPS_PER_ROUND;
    }

    private void run(int variant) {
        run(variant, OPS_PER_CALL);
    }

    /** One round of a loop: {@link #CALLS_PER_ROUND} calls of {@code ops} ops. */
    private void run(int variant, int ops) {
        for (int call = 0; call < CALLS_PER_ROUND; call++) {
            switch (variant) {
                case 0 -> atomic(ops);
                case 1 -> atomicProbed(atomicSite, ops);
                case 2 -> monitor(ops);
                case 3 -> monitorProbed(monitorSite, ops);
                case 4 -> call(ops);
                case 5 -> callProbed(callSite, ops);
                case 6 -> lock(ops);
                default -> lockProbed(lockSite, ops);
            }
        }
    }

    /**
     * What a worker's loop keeps live around its operation, read as an application reads it: a bound, a stop flag
     * and a start gate through an object, a running count and a mark. The probes' out-of-line calls, rare as they are,
     * lie inside the loop, and HotSpot saves no register across a call: C2 gives the loop's live values stack slots
     * and stores them again every turn, on the critical path of the locked instruction (docs/overhead.md). A loop
     * with nothing live but its index measured an atomic's probes at 1.0-1.1 ns per op; this one 2.5-2.6, where the seed's
     * atomic and CAS samples run 3-3.5 ns per op slower under the agent's counting (2.2-2.6 ns natively). Each kind's
     * two loops are written out rather than shared through a lambda, so that C2 compiles each as the application's
     * code would be, with nothing between the loop and the operation.
     */
    private static final class Worker {
        volatile boolean stopped;
        volatile boolean started = true;
        long done;
        long mark = -1;
        long sum;

        void ended(long done, long mark, long sum) {
            this.done += done;
            this.mark = mark;
            this.sum += sum;
        }
    }

    private static final Worker WORKER = new Worker();

    private static void atomic(int ops) {
        Worker w = WORKER;
        long done = 0;
        long mark = -1;
        while (done < ops && !w.stopped) {
            if (mark < 0 && w.started) {
                mark = done;
            }
            COUNTER.incrementAndGet();
            done++;
        }
        w.ended(done, mark, 0);
    }

    /** As the agent instruments an atomic's call site. */
    private static void atomicProbed(int site, int ops) {
        Worker w = WORKER;
        long done = 0;
        long mark = -1;
        while (done < ops && !w.stopped) {
            if (mark < 0 && w.started) {
                mark = done;
            }
            ThreadCounters counters = Probes.before(COUNTER, site);
            COUNTER.incrementAndGet();
            Probes.after(counters, site);
            done++;
        }
        w.ended(done, mark, 0);
    }

    /*
     * The monitor's loops keep nothing live but their index and a sum: in the worker's shape they measured 2.9-3.4 ns
     * against 2.1-2.5, and the larger figure under-read a contended monitor's running time (MixedServiceIT, CI of
     * 2026-12-05: 4.6 ns per op running against 8 ns of native CPU, so its rare long blocks took most of its time).
     * A monitor's probe samples also hold the cost of its locked exit, which the probes' own cost must not take.
     */
    private static long sink;

    private static void monitor(int ops) {
        long n = 0;
        for (int i = 0; i < ops; i++) {
            Object lock = LOCKS[i & 1];
            synchronized (lock) {
                n += i;
            }
        }
        sink += n;
    }

    /** As the agent instruments a synchronized block: counted before monitorenter, timing closed inside. */
    private static void monitorProbed(int site, int ops) {
        long n = 0;
        for (int i = 0; i < ops; i++) {
            Object lock = LOCKS[i & 1];
            long start = Probes.beforeMonitor(lock, site);
            synchronized (lock) {
                Probes.afterMonitor(start, site);
                n += i;
            }
        }
        sink += n;
    }

    private static void call(int ops) {
        Worker w = WORKER;
        long done = 0;
        long mark = -1;
        long sum = 0;
        while (done < ops && !w.stopped) {
            if (mark < 0 && w.started) {
                mark = done;
            }
            sum += RANDOM.nextInt();
            done++;
        }
        w.ended(done, mark, sum);
    }

    /** As the agent instruments a call naming a counted JDK class. */
    private static void callProbed(int site, int ops) {
        Worker w = WORKER;
        long done = 0;
        long mark = -1;
        long sum = 0;
        while (done < ops && !w.stopped) {
            if (mark < 0 && w.started) {
                mark = done;
            }
            ThreadCounters counters = CallProbes.beforeExact(RANDOM, Random.class, site);
            sum += RANDOM.nextInt();
            CallProbes.after(counters, site);
            done++;
        }
        w.ended(done, mark, sum);
    }

    private static void lock(int ops) {
        Worker w = WORKER;
        long done = 0;
        long mark = -1;
        while (done < ops && !w.stopped) {
            if (mark < 0 && w.started) {
                mark = done;
            }
            LOCK.lock();
            LOCK.unlock();
            done++;
        }
        w.ended(done, mark, 0);
    }

    /** As the agent instruments a lock's acquisition (replaced by AcquireProbes.lock) and its release. */
    private static void lockProbed(int site, int ops) {
        Worker w = WORKER;
        long done = 0;
        long mark = -1;
        while (done < ops && !w.stopped) {
            if (mark < 0 && w.started) {
                mark = done;
            }
            AcquireProbes.lock(LOCK, site);
            ThreadCounters counters = Probes.before(LOCK, site);
            LOCK.unlock();
            Probes.after(counters, site);
            done++;
        }
        w.ended(done, mark, 0);
    }
}
