package io.costlevel.agent.output;

import java.util.function.LongSupplier;

/**
 * Makes a stall of the agent's own work visible: one line on stderr and a count in the sites file. Two kinds:
 * <ul>
 *   <li>a snapshot step (the sites file, the recording) running longer than {@link #STALL_MILLIS}, said while it
 *       still runs;</li>
 *   <li>the watchdog itself not running for longer than that: no Java thread could run, which is a safepoint that
 *       threads did not reach (issue 17) or a stopped process. Said as soon as it runs again.</li>
 * </ul>
 * A daemon thread that only reads volatile stamps and prints; it takes no lock the snapshots hold. It is a Java
 * thread, so it too waits while a safepoint is being reached: what stops every Java thread can only be reported when
 * it ends (the JVM's own {@code -XX:+SafepointTimeout} names the threads while it lasts, see docs/production.md).
 */
public final class StallWatchdog {
    /** A step or a pause longer than this is a stall: snapshot steps take well under a second, GC pauses too. */
    static final long STALL_MILLIS = 20_000;
    static final long CHECK_MILLIS = 1_000;

    private final LongSupplier clockNanos;
    private final StallReport report;
    private volatile Thread thread;
    private volatile String step;
    private volatile long stepStartNanos;
    /** The step start already reported, so a long step is said once. */
    private long reportedStepStart;
    private volatile int stalls;
    private volatile long longestStallMillis;
    /** When the last pause was seen: a step it held is that same stall, not another one. */
    private volatile long lastPauseNanos;

    /** Where a stall is said: stderr in the agent, a list in tests. */
    public interface StallReport {
        void say(String line);
    }

    StallWatchdog(LongSupplier clockNanos, StallReport report) {
        this.clockNanos = clockNanos;
        this.report = report;
    }

    /** Stalls go to stderr as {@code costlevel: ...} once {@link #start}ed. */
    StallWatchdog() {
        this(System::nanoTime, line -> System.err.println("costlevel: " + line));
    }

    /** Starts the checking thread. */
    void start() {
        Thread checking = new Thread(this::checkForever, "costlevel-watchdog");
        checking.setDaemon(true);
        checking.start();
        thread = checking;
    }

    /** Ends the checking thread (after the final snapshot: nothing is left to watch). */
    void stop() {
        Thread checking = thread;
        if (checking != null) {
            checking.interrupt();
        }
    }

    /** A snapshot step begins; {@code what} completes "the agent's snapshot has been ... for N s". */
    void begin(String what) {
        step = what;
        stepStartNanos = clockNanos.getAsLong();
    }

    /** The step in progress ended; one that ran past the limit counts as a stall, unless a pause was the cause. */
    void end() {
        long start = stepStartNanos;
        stepStartNanos = 0;
        if (start != 0 && lastPauseNanos - start < 0) {
            record(millisSince(start));
        }
    }

    int stalls() {
        return stalls;
    }

    long longestStallMillis() {
        return longestStallMillis;
    }

    private void checkForever() {
        long last = clockNanos.getAsLong();
        while (true) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            last = check(last);
        }
    }

    /** One check, {@code lastCheck} being the clock at the previous one; returns the clock now. */
    long check(long lastCheck) {
        long now = clockNanos.getAsLong();
        long pausedMillis = (now - lastCheck) / 1_000_000 - CHECK_MILLIS;
        if (pausedMillis > STALL_MILLIS) {
            lastPauseNanos = now;
            record(pausedMillis);
            report.say("no Java thread of this JVM ran for " + pausedMillis / 1000 + " s (a safepoint that threads"
                    + " took that long to reach, or a stopped process); the agent's snapshots were that late"
                    + " (see docs/production.md, Stalls)");
        }
        long start = stepStartNanos;
        if (start != 0 && start != reportedStepStart && millisSince(start) > STALL_MILLIS) {
            reportedStepStart = start;
            report.say("the agent's snapshot has been " + step + " for " + millisSince(start) / 1000
                    + " s without finishing; its files are not updated meanwhile (see docs/production.md, Stalls)");
        }
        return now;
    }

    private long millisSince(long startNanos) {
        return (clockNanos.getAsLong() - startNanos) / 1_000_000;
    }

    private synchronized void record(long millis) {
        if (millis > STALL_MILLIS) {
            stalls++;
            longestStallMillis = Math.max(longestStallMillis, millis);
        }
    }
}
