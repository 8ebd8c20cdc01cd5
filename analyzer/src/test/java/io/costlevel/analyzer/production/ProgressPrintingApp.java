package io.costlevel.analyzer.production;

import io.costlevel.samples.S03_AtomicCounter;

import java.lang.management.ManagementFactory;

/**
 * The application KilledJvmIT kills: the atomic sample's counter incremented by {@code THREADS} threads, and every
 * {@link #PROGRESS_MILLIS} a line {@code progress uptimeMillis=U ops=N} on stdout, the JVM's uptime (the clock the
 * agent's snapshots are stamped with) and the operations done so far. After a {@code kill -9} the last complete
 * line says how far the application had got when it died, so the test can tell what the last snapshot lost from
 * the data rather than from its own clock. Ends by itself after {@link #MAX_SECONDS}, should the test not kill it.
 *
 * <p>{@code java -javaagent:costlevel-agent.jar=include=io.costlevel.samples. -cp costlevel-samples.jar:test-classes
 * io.costlevel.analyzer.production.ProgressPrintingApp THREADS}
 */
public final class ProgressPrintingApp {
    static final long PROGRESS_MILLIS = 100;
    private static final long MAX_SECONDS = 300;

    private ProgressPrintingApp() {}

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        S03_AtomicCounter counter = new S03_AtomicCounter();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (true) {
                    counter.increment();
                }
            }, "costlevel-worker-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        long end = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(PROGRESS_MILLIS);
            // Uptime first: the count read after it is at least what was done by then.
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.println("progress uptimeMillis=" + uptime + " ops=" + counter.value());
        }
    }
}
