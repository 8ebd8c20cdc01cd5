package io.costlevel.stressapp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 17's shape: many threads (32x cores in SafepointIT) in CPU-bound hot loops on one shared {@code AtomicLong}
 * and one shared monitor, nothing else, while another thread asks for a safepoint every 50 ms (a thread dump). The
 * loops are long counted loops ({@code for (long i = 0; i < bound && !stop; i++)}), as in the samples' workers:
 * JDK 17's C2 turns them into a nest whose inner int loop polls only where its body calls out. The main thread first
 * calls both loops with short bounds for {@link #WARM_UP_MILLIS}, so the workers enter the loops' C2 code (not their
 * OSR versions), as threads started late do on a loaded machine.
 *
 * <p>Prints {@code SITE method primitive count} per hot loop (counted in plain per-thread fields), and
 * {@code DUMPS n maxMillis m}: how many thread dumps completed and the longest one, safepoint time included. It
 * ends by itself after SECONDS; a safepoint that never completes keeps it from ending (the dump thread, the
 * worker that would see the stop flag and the JVM's exit all wait for it).
 *
 * <p>Run: {@code java -javaagent:costlevel-agent.jar=include=io.costlevel.stressapp. -cp test-classes
 * io.costlevel.stressapp.HotLoopsApp SECONDS THREADS}
 */
public final class HotLoopsApp {
    private static final long DUMP_EVERY_MILLIS = 50;
    private static final long WARM_UP_MILLIS = 300;
    private static final long WARM_UP_BOUND = 10_000;

    private final AtomicLong shared = new AtomicLong();
    private final Object monitor = new Object();
    private long guarded;
    private volatile boolean stop;

    public static void main(String[] args) throws InterruptedException {
        new HotLoopsApp().run(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    }

    private void run(int seconds, int threads) throws InterruptedException {
        long startedAt = ManagementFactory.getRuntimeMXBean().getUptime();
        Dumps dumps = new Dumps();
        Thread dumper = new Thread(dumps, "safepoint-requester");
        dumper.setDaemon(true);
        dumper.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long atomicOps = 0;
        long monitorOps = 0;
        for (long warmUpEnd = System.nanoTime() + WARM_UP_MILLIS * 1_000_000; System.nanoTime() < warmUpEnd; ) {
            atomicOps += atomicLoop(WARM_UP_BOUND);
            monitorOps += monitorLoop(WARM_UP_BOUND);
        }
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker(i % 2 == 0);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        stop = true;
        for (Worker worker : workers) {
            worker.join();
            atomicOps += worker.onAtomic ? worker.done : 0;
            monitorOps += worker.onAtomic ? 0 : worker.done;
        }
        dumps.stop = true;
        dumper.join();
        System.out.println("SITE atomicLoop java.util.concurrent.atomic.AtomicLong.incrementAndGet " + atomicOps);
        System.out.println("SITE monitorLoop monitorenter " + monitorOps);
        System.out.println("DUMPS " + dumps.count + " maxMillis " + dumps.maxNanos / 1_000_000);
        System.out.println("UPTIME main " + startedAt + " end " + ManagementFactory.getRuntimeMXBean().getUptime());
        if (shared.get() != atomicOps || guarded != monitorOps) {
            throw new AssertionError("lost updates: " + shared.get() + " / " + atomicOps + ", " + guarded + " / " + monitorOps);
        }
    }

    private final class Worker extends Thread {
        final boolean onAtomic;
        long done;

        Worker(boolean onAtomic) {
            super("hot-loop-" + (onAtomic ? "atomic" : "monitor"));
            this.onAtomic = onAtomic;
        }

        @Override
        public void run() {
            done = onAtomic ? atomicLoop(Long.MAX_VALUE) : monitorLoop(Long.MAX_VALUE);
        }
    }

    private long atomicLoop(long bound) {
        long i = 0;
        for (; i < bound && !stop; i++) {
            shared.incrementAndGet();
        }
        return i;
    }

    private long monitorLoop(long bound) {
        long i = 0;
        for (; i < bound && !stop; i++) {
            synchronized (monitor) {
                guarded++;
            }
        }
        return i;
    }

    /** Asks for a safepoint (a thread dump) every {@link #DUMP_EVERY_MILLIS} and keeps the longest. */
    private static final class Dumps implements Runnable {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        volatile boolean stop;
        long count;
        long maxNanos;

        @Override
        public void run() {
            while (!stop) {
                long start = System.nanoTime();
                threads.dumpAllThreads(false, false);
                maxNanos = Math.max(maxNanos, System.nanoTime() - start);
                count++;
                try {
                    Thread.sleep(DUMP_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
