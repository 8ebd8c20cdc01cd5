package io.costlevel.samples;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sample 16: threads calling {@code Thread.sleep(0)} in a loop, the "let others run" idiom, on platform or
 * virtual threads. A platform thread enters the JVM (and on some JDKs the kernel's sched_yield); a virtual
 * thread yields its carrier to another virtual thread when one is waiting to mount, else returns.
 *
 * <p>Measured without the agent for the tier table (JDK 25, 2 cores shared with other work,
 * {@code java -cp samples/target/costlevel-samples.jar io.costlevel.samples.S16_SleepZero
 * --platform|--virtual --threads 2|8 --seconds 2}; figures in docs/tiers.md). Prints one line,
 * {@code sample=sleep-zero kind=.. threads=.. ops=.. nsPerOp=..} with thread time per op (wall x threads / ops).
 *
 * <p>JDK 21+ for {@code --virtual}; on 17 it prints a line saying it was skipped and exits with 3.
 */
public final class S16_SleepZero {
    static final String ID = "sleep-zero";
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private S16_SleepZero() {}

    public static void main(String[] args) throws InterruptedException {
        ThreadKind kind = ThreadKind.PLATFORM;
        int threads = Runtime.getRuntime().availableProcessors();
        double seconds = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    default -> kind = ThreadKind.parse(args[i]);
                }
            }
            if (threads < 1 || threads > CommandLine.MAX_THREADS || !(seconds > 0 && seconds <= CommandLine.MAX_SECONDS)) {
                throw new IllegalArgumentException("--threads must be 1.." + CommandLine.MAX_THREADS
                        + ", --seconds in (0, " + CommandLine.MAX_SECONDS + "]");
            }
        } catch (RuntimeException e) {
            System.err.println("costlevel-samples: " + e.getMessage()
                    + " (usage: " + ID + " [--virtual|--platform] [--threads N] [--seconds S])");
            System.exit(SampleRunner.EXIT_USAGE);
        }
        if (!kind.available()) {
            System.out.println("sample=" + ID + " kind=virtual " + kind.unavailableReason());
            System.exit(HandoffRun.EXIT_SKIPPED);
        }
        long duration = (long) (seconds * 1e9);
        AtomicLong ops = new AtomicLong();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = kind.start(() -> {
                long done = 0;
                try {
                    while (System.nanoTime() - start < duration) {
                        Thread.sleep(0);
                        done++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ops.addAndGet(done);
            }, "costlevel-worker-" + i);
        }
        boolean ended = true;
        for (Thread worker : workers) {
            TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(1, start + duration + GRACE_NANOS - System.nanoTime()));
            ended &= !worker.isAlive();
        }
        long elapsed = System.nanoTime() - start;
        long n = ops.get();
        System.out.println(String.format(Locale.ROOT, "sample=%s kind=%s threads=%d ops=%d seconds=%.3f nsPerOp=%s ok=%s",
                ID, kind.name().toLowerCase(Locale.ROOT), threads, n, elapsed / 1e9,
                n == 0 ? "NaN" : RunResult.formatNanos((double) elapsed * threads / n), ended && n > 0));
        System.exit(ended && n > 0 ? SampleRunner.EXIT_OK : SampleRunner.EXIT_FAILED);
    }
}
