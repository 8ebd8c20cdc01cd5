package io.costlevel.samples;

import java.util.Locale;

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
        TimedLoop.Result r = TimedLoop.run(kind, threads, seconds, () -> Thread.sleep(0));
        System.out.println(String.format(Locale.ROOT, "sample=%s kind=%s threads=%d ops=%d seconds=%.3f nsPerOp=%s ok=%s",
                ID, kind.name().toLowerCase(Locale.ROOT), threads, r.ops(), r.seconds(), r.nsPerOp(), r.ok()));
        System.exit(r.ok() ? SampleRunner.EXIT_OK : SampleRunner.EXIT_FAILED);
    }
}
