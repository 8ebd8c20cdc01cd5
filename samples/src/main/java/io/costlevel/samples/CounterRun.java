package io.costlevel.samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one sample: N worker threads named {@code costlevel-worker-<i>}, each incrementing until the
 * plan's time or op bound; the cost per op is measured from the moment all of them take part
 * ({@link AllContending}). Every wait here is bounded, so a run always
 * returns: workers that have not ended within {@link #GRACE_NANOS} after the stop make the result
 * not ok instead of hanging the caller.
 */
public final class CounterRun {
    /** Time the workers get to end after the stop: ample for a thread to notice it. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Time for ended workers to terminate, all together: they have nothing left to do. */
    private static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Sample sample;
    private final RunPlan plan;
    private final Counter counter;
    private final StopFlag timeUp = new StopFlag();
    private final AllContending allContending;
    private final CountDownLatch ended;

    private CounterRun(Sample sample, RunPlan plan) {
        this.sample = sample;
        this.plan = plan;
        this.counter = sample.newCounter();
        this.allContending = new AllContending(plan.threads());
        this.ended = new CountDownLatch(plan.threads());
    }

    public static RunResult run(Sample sample, RunPlan plan) throws InterruptedException {
        return new CounterRun(sample, plan).execute();
    }

    private RunResult execute() throws InterruptedException {
        Worker[] workers = new Worker[plan.threads()];
        Thread[] threads = new Thread[plan.threads()];
        long start = System.nanoTime();
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
            threads[i] = new Thread(workers[i], "costlevel-worker-" + i);
            // A worker stuck past the grace period must not keep the JVM alive after we report it.
            threads[i].setDaemon(true);
            threads[i].start();
        }
        boolean allEnded = ended.await(plan.timeBoundNanos(), TimeUnit.NANOSECONDS);
        timeUp.raise();
        counter.stop();
        if (!allEnded) {
            allEnded = ended.await(GRACE_NANOS, TimeUnit.NANOSECONDS);
        }
        long end = System.nanoTime();
        long ops = opsOf(workers, threads);
        boolean ok = allEnded && allCompleted(workers, threads);
        long measuredOps = ops - unmeasuredOpsOf(workers);
        // Without a window (op bound reached before the last worker began) the whole run is the window.
        long cpu = cpuOf(workers, threads);
        return allContending.reached() && measuredOps > 0
                ? new RunResult(sample, plan.threads(), ops, counter.value(), end - start, ok,
                        measuredOps, end - allContending.sinceNanos(), cpu)
                : new RunResult(sample, plan.threads(), ops, counter.value(), end - start, ok, ops, end - start, cpu);
    }

    private static long unmeasuredOpsOf(Worker[] workers) {
        long unmeasured = 0;
        for (Worker worker : workers) {
            unmeasured += worker.opsBeforeWindow;
        }
        return unmeasured;
    }

    private static long opsOf(Worker[] workers, Thread[] threads) throws InterruptedException {
        long joinDeadline = System.nanoTime() + JOIN_NANOS;
        long ops = 0;
        for (int i = 0; i < workers.length; i++) {
            // join() makes the worker's plain fields visible; a thread still alive is not counted.
            long left = Math.max(1, joinDeadline - System.nanoTime());
            TimeUnit.NANOSECONDS.timedJoin(threads[i], left);
            if (!threads[i].isAlive()) {
                ops += workers[i].completedOps;
            }
        }
        return ops;
    }

    /** The ended workers' CPU time (after {@link #opsOf} joined them), -1 when the JVM cannot measure it. */
    private static long cpuOf(Worker[] workers, Thread[] threads) {
        long cpu = 0;
        for (int i = 0; i < workers.length; i++) {
            if (workers[i].cpuNanos < 0) {
                return -1;
            }
            cpu += threads[i].isAlive() ? 0 : workers[i].cpuNanos;
        }
        return cpu;
    }

    private static boolean allCompleted(Worker[] workers, Thread[] threads) {
        for (int i = 0; i < workers.length; i++) {
            if (threads[i].isAlive() || !workers[i].endedNormally) {
                return false;
            }
        }
        return true;
    }

    /** One thread's loop. An unexpected exception goes to the default handler (stderr). */
    private final class Worker implements Runnable {
        long completedOps;
        long opsBeforeWindow;
        boolean endedNormally;
        /** CPU time of the increments, -1 when the JVM has no thread CPU clock. */
        long cpuNanos = -1;

        @Override
        public void run() {
            try {
                Counter mine = counter.forCurrentThread();
                allContending.arrive();
                incrementUntilStopped(mine);
                endedNormally = true;
            } finally {
                ended.countDown();
            }
        }

        private void incrementUntilStopped(Counter mine) {
            long done = 0;
            long beforeWindow = -1;
            long bound = plan.opsPerThread();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpuStart = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
            try {
                while (done < bound && !timeUp.isRaised()) {
                    if (beforeWindow < 0 && allContending.reached()) {
                        beforeWindow = done;
                    }
                    mine.increment();
                    done++;
                }
            } catch (CounterStoppedException gaveUpWaiting) {
                // The op that was waiting did not count, and is not counted as done.
            }
            completedOps = done;
            cpuNanos = cpuStart < 0 ? -1 : mx.getCurrentThreadCpuTime() - cpuStart;
            opsBeforeWindow = beforeWindow < 0 ? done : beforeWindow;
        }
    }
}
