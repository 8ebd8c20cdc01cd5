package io.costlevel.samples;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a {@link Handoff} on two threads of one kind for a time and prints one line:
 * {@code sample=queue-handoff kind=virtual roundTrips=.. seconds=.. nsPerRoundTrip=.. ok=true}.
 * The cost per round trip is wall time over round trips: both threads wait for each other, so it is the time
 * two handoffs take. Exit status: 0 ok, 1 when a thread did not end, 2 for bad arguments, 3 when the kind
 * cannot run on this JDK (virtual threads before 21), with one line saying so.
 */
final class HandoffRun {
    static final int EXIT_SKIPPED = 3;
    /** Every wait of the run is bounded by this after its planned end. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private HandoffRun() {}

    /** {@code [--virtual|--platform] [--seconds S]}, platform and 2 s by default. */
    static void main(String id, Supplier<Handoff> factory, String[] args) {
        ThreadKind kind = ThreadKind.PLATFORM;
        double seconds = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--seconds") && i + 1 < args.length) {
                    seconds = Double.parseDouble(args[++i]);
                } else {
                    kind = ThreadKind.parse(args[i]);
                }
            }
            if (!(seconds > 0 && seconds <= CommandLine.MAX_SECONDS)) {
                throw new IllegalArgumentException("--seconds must be in (0, " + CommandLine.MAX_SECONDS + "]");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("costlevel-samples: " + e.getMessage() + " (usage: " + id
                    + " [--virtual|--platform] [--seconds S])");
            System.exit(SampleRunner.EXIT_USAGE);
        }
        if (!kind.available()) {
            System.out.println("sample=" + id + " kind=virtual " + kind.unavailableReason());
            System.exit(EXIT_SKIPPED);
        }
        try {
            System.exit(run(id, factory.get(), kind, seconds) ? SampleRunner.EXIT_OK : SampleRunner.EXIT_FAILED);
        } catch (InterruptedException e) {
            System.err.println("costlevel-samples: interrupted");
            System.exit(SampleRunner.EXIT_FAILED);
        }
    }

    static boolean run(String id, Handoff handoff, ThreadKind kind, double seconds) throws InterruptedException {
        long duration = (long) (seconds * 1e9);
        long[] roundTrips = new long[1];
        long start = System.nanoTime();
        Thread ponger = kind.start(() -> {
            try {
                while (handoff.pong()) {
                    // each pong answers one ping
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "costlevel-pong");
        Thread pinger = kind.start(() -> {
            try {
                long n = 0;
                while (System.nanoTime() - start < duration) {
                    handoff.ping();
                    n++;
                }
                roundTrips[0] = n;
                handoff.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "costlevel-ping");
        boolean ended = join(pinger, start + duration + GRACE_NANOS) && join(ponger, start + duration + GRACE_NANOS);
        long elapsed = System.nanoTime() - start;
        long n = roundTrips[0];
        System.out.println(String.format(Locale.ROOT, "sample=%s kind=%s roundTrips=%d seconds=%.3f nsPerRoundTrip=%s ok=%s",
                id, kind.name().toLowerCase(Locale.ROOT), n, elapsed / 1e9,
                n == 0 ? "NaN" : RunResult.formatNanos((double) elapsed / n), ended && n > 0));
        return ended && n > 0;
    }

    /** join() also makes the pinger's count visible. */
    private static boolean join(Thread thread, long deadline) throws InterruptedException {
        TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
        return !thread.isAlive();
    }
}
