package io.costlevel.samples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Sample 15: virtual threads that block while pinned to their carrier. Each op loads a fresh copy of a class
 * whose static initializer sleeps {@link #SLEEP_MILLIS} ms: a virtual thread cannot unmount inside class
 * initialization (the JVM's frames of the initialization are on its stack), so the sleep blocks the carrier
 * itself, as a slow static initializer (configuration read over the network, a lock taken) does in a service.
 * With {@code --unpinned} the same class is loaded with an initializer that does not sleep and the thread
 * sleeps right after, unmounted.
 *
 * <p>What it shows: pinning, and the carrier starvation it causes. The scheduler has one carrier per core
 * ({@code jdk.virtualThreadScheduler.parallelism}); with more virtual threads than carriers, pinned sleepers
 * hold every carrier and the others wait to mount: an op then takes about threads / carriers sleeps instead
 * of one.
 *
 * <p>Expected (measured without the agent, JDK 25, 2 cores shared with other work,
 * {@code java -cp samples/target/costlevel-samples.jar io.costlevel.samples.S15_PinnedSleep --pinned|--unpinned
 * --threads 8 --seconds 2}; figures in docs/tiers.md): pinned: the sleep line L4 for its carrier, flagged as
 * pinning, and the run starved of carriers (thread time per op near 8 / 2 x 1 ms); unpinned: the sleep is an
 * unmount, thread time per op near 1 ms, no pinning, no starvation.
 *
 * <p>JDK 21+; on 17 it prints a line saying it was skipped and exits with 3.
 */
public final class S15_PinnedSleep {
    static final String ID = "pinned-sleep";
    static final long SLEEP_MILLIS = 1;

    private S15_PinnedSleep() {}

    /** Sleeps in its static initializer, which runs once per copy of the class. */
    static final class SleepingInit {
        static {
            try {
                Thread.sleep(SLEEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private SleepingInit() {}
    }

    /** Initializes at once: the same class loading, without the pinned sleep. */
    static final class PlainInit {
        static final long LOADED = System.nanoTime();

        private PlainInit() {}
    }

    /** Defines one class afresh (not delegating it to the parent), so its initializer runs again. */
    private static final class FreshCopy extends ClassLoader {
        private final String name;

        FreshCopy(String name) {
            super(S15_PinnedSleep.class.getClassLoader());
            this.name = name;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException | NullPointerException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    /** One op: a fresh copy of the class, initialized; unpinned, the sleep follows outside the initializer. */
    static void op(boolean pinned) throws Exception {
        String name = (pinned ? SleepingInit.class : PlainInit.class).getName();
        Class.forName(name, true, new FreshCopy(name));
        if (!pinned) {
            Thread.sleep(SLEEP_MILLIS);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean pinned = true;
        int threads = 4 * Runtime.getRuntime().availableProcessors();
        double seconds = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--pinned" -> pinned = true;
                    case "--unpinned" -> pinned = false;
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (threads < 1 || threads > CommandLine.MAX_THREADS || !(seconds > 0 && seconds <= CommandLine.MAX_SECONDS)) {
                throw new IllegalArgumentException("--threads must be 1.." + CommandLine.MAX_THREADS
                        + ", --seconds in (0, " + CommandLine.MAX_SECONDS + "]");
            }
        } catch (RuntimeException e) {
            System.err.println("costlevel-samples: " + e.getMessage()
                    + " (usage: " + ID + " [--pinned|--unpinned] [--threads N] [--seconds S])");
            System.exit(SampleRunner.EXIT_USAGE);
        }
        if (!ThreadKind.VIRTUAL.available()) {
            System.out.println("sample=" + ID + " " + ThreadKind.VIRTUAL.unavailableReason());
            System.exit(HandoffRun.EXIT_SKIPPED);
        }
        System.exit(run(pinned, threads, seconds) ? SampleRunner.EXIT_OK : SampleRunner.EXIT_FAILED);
    }

    static boolean run(boolean pinned, int threads, double seconds) throws InterruptedException {
        TimedLoop.Result r = TimedLoop.run(ThreadKind.VIRTUAL, threads, seconds, () -> op(pinned));
        System.out.println(String.format(Locale.ROOT,
                "sample=%s mode=%s threads=%d carriers=%s ops=%d seconds=%.3f opsPerSecond=%.0f nsPerOp=%s ok=%s",
                ID, pinned ? "pinned" : "unpinned", threads,
                System.getProperty("jdk.virtualThreadScheduler.parallelism",
                        Integer.toString(Runtime.getRuntime().availableProcessors())),
                r.ops(), r.seconds(), r.ops() / r.seconds(), r.nsPerOp(), r.ok()));
        return r.ok();
    }
}
