package io.costlevel.samples;

import java.util.Arrays;
import java.util.Locale;

/**
 * Sample 17: CPU-bound virtual threads that keep every carrier busy while others, ready to run, wait to mount:
 * carrier starvation, the virtual-thread form of level 5 (a thread that could go has nowhere to run). Rounds of
 * {@code --threads} virtual threads, each spinning {@code --work-millis} ms of wall time; the scheduler runs
 * {@code jdk.virtualThreadScheduler.parallelism} of them at once (one per core by default) and a virtual thread is
 * not preempted, so in each round the later ones wait for the earlier ones to finish.
 *
 * <p>The sample measures the wait itself, without any agent: each thread's first instruction takes the clock, and its
 * mount wait is that minus the clock taken just before {@code start()}. It prints the total over all threads, the
 * mean and the largest, the ground truth the report's carrier-starvation figures are checked against.
 *
 * <p>Expected (JDK 25, 2 cores shared with other work, {@code java -Djdk.virtualThreadScheduler.parallelism=2
 * -cp samples/target/costlevel-samples.jar io.costlevel.samples.S17_CarrierStarvation --threads 8 --work-millis 50
 * --seconds 2}): rounds of ~200 ms (8 x 50 / 2), mount waits 0, 50, 100, 150 ms by pairs, a mean near 75 ms, the
 * total near 3 x the run's wall time; with {@code parallelism=8} every thread mounts at once (waits near 0) and the
 * 2 cores are shared by the OS instead.
 *
 * <p>JDK 21+; on 17 it prints a line saying it was skipped and exits with 3.
 */
public final class S17_CarrierStarvation {
    static final String ID = "carrier-starvation";

    private S17_CarrierStarvation() {}

    /** Spins until {@code deadline} (System.nanoTime): CPU-bound, never blocks, never yields its carrier. */
    static long spin(long deadline) {
        long turns = 0;
        while (System.nanoTime() - deadline < 0) {
            turns++;
        }
        return turns;
    }

    /** One round: {@code threads} spinners started together; returns each one's mount wait in ns. */
    static long[] round(int threads, long workNanos) throws InterruptedException {
        long[] submitted = new long[threads];
        long[] mounted = new long[threads];
        Thread[] started = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int index = i;
            Runnable task = () -> {
                long now = System.nanoTime();
                mounted[index] = now;
                spin(now + workNanos);
            };
            submitted[i] = System.nanoTime();
            started[i] = ThreadKind.VIRTUAL.start(task, "spinner-" + i);
        }
        long[] waits = new long[threads];
        for (int i = 0; i < threads; i++) {
            started[i].join();
            waits[i] = Math.max(0, mounted[i] - submitted[i]); // join orders the thread's write before this read
        }
        return waits;
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = 8;
        long workMillis = 50;
        double seconds = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--work-millis" -> workMillis = Long.parseLong(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (threads < 1 || threads > CommandLine.MAX_THREADS || workMillis < 1 || workMillis > 10_000
                    || !(seconds > 0 && seconds <= CommandLine.MAX_SECONDS)) {
                throw new IllegalArgumentException("--threads must be 1.." + CommandLine.MAX_THREADS
                        + ", --work-millis 1..10000, --seconds in (0, " + CommandLine.MAX_SECONDS + "]");
            }
        } catch (RuntimeException e) {
            System.err.println("costlevel-samples: " + e.getMessage()
                    + " (usage: " + ID + " [--threads N] [--work-millis MS] [--seconds S])");
            System.exit(SampleRunner.EXIT_USAGE);
        }
        if (!ThreadKind.VIRTUAL.available()) {
            System.out.println("sample=" + ID + " " + ThreadKind.VIRTUAL.unavailableReason());
            System.exit(HandoffRun.EXIT_SKIPPED);
        }
        run(threads, workMillis * 1_000_000L, seconds);
        System.exit(SampleRunner.EXIT_OK);
    }

    /** Rounds until {@code seconds} have passed (at least one); prints the measured mount waits. */
    static void run(int threads, long workNanos, double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long[] all = new long[0];
        int rounds = 0;
        do {
            long[] waits = round(threads, workNanos);
            all = Arrays.copyOf(all, all.length + waits.length);
            System.arraycopy(waits, 0, all, all.length - waits.length, waits.length);
            rounds++;
        } while (System.nanoTime() - end < 0);
        double wall = (System.nanoTime() - start) / 1e9;
        Arrays.sort(all);
        long total = Arrays.stream(all).sum();
        System.out.println(String.format(Locale.ROOT,
                "sample=%s threads=%d carriers=%s rounds=%d mounts=%d seconds=%.3f mountWaitSeconds=%.3f "
                        + "meanMountWaitMillis=%.1f p50MountWaitMillis=%.1f maxMountWaitMillis=%.1f",
                ID, threads, System.getProperty("jdk.virtualThreadScheduler.parallelism",
                        Integer.toString(Runtime.getRuntime().availableProcessors())),
                rounds, all.length, wall, total / 1e9, total / 1e6 / all.length, all[all.length / 2] / 1e6,
                all[all.length - 1] / 1e6));
    }
}
