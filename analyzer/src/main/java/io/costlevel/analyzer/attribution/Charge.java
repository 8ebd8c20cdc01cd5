package io.costlevel.analyzer.attribution;

/**
 * Where the events of one stack go, resolved once per stack: the site's tally and the counter of its
 * primitive chain. Charging an event is then a few field updates, with no map lookup per event.
 * The charge of a stack without application code only counts what was left unattributed.
 */
public final class Charge {
    private final SiteTable table;
    private final SiteTally tally;
    private final long[] chainCount;
    private final boolean parkFrame;

    Charge(SiteTable table, SiteTally tally, long[] chainCount, boolean parkFrame) {
        this.table = table;
        this.tally = tally;
        this.chainCount = chainCount;
        this.parkFrame = parkFrame;
    }

    /** The stack's top frame is the JVM's park (see {@link Attribution#parkFrame()}). */
    public boolean parkFrame() {
        return parkFrame;
    }

    /** The site charged, or null when the stack holds no application code. */
    public SiteKey site() {
        return tally == null ? null : tally.site();
    }

    private boolean count(long threadKey, long weight) {
        if (tally == null) {
            table.unattributed(weight);
            return false;
        }
        tally.addThread(threadKey);
        if (chainCount != null) {
            chainCount[0] += weight;
        }
        return true;
    }

    public void cpuSample(long threadKey, long samples) {
        if (count(threadKey, samples)) {
            tally.cpuSamples += samples;
        }
    }

    public void park(long threadKey, long nanos) {
        if (count(threadKey, 1)) {
            tally.parkEvents++;
            tally.parkNanos += nanos;
        }
    }

    public void monitorEnter(long threadKey, long nanos) {
        if (count(threadKey, 1)) {
            tally.monitorEvents++;
            tally.monitorNanos += nanos;
        }
    }

    public void monitorWait(long threadKey, long nanos) {
        if (count(threadKey, 1)) {
            tally.waitEvents++;
            tally.waitNanos += nanos;
        }
    }

    public void sleep(long threadKey, long nanos) {
        if (count(threadKey, 1)) {
            tally.sleepEvents++;
            tally.sleepNanos += nanos;
        }
    }

    /** CPU samples of a virtual thread running (its carrier busy with it): they are also {@link #cpuSample}s. */
    public void virtualCpuSample(long samples) {
        if (tally != null) {
            tally.virtualCpuSamples += samples;
        }
    }

    /** CPU samples of a virtual thread in the unmount/remount path: they are also {@link #cpuSample}s. */
    public void virtualHandoffSample(long samples) {
        if (tally != null) {
            tally.virtualHandoffSamples += samples;
        }
    }

    /** A virtual thread's park, sleep, wait or monitor enter that unmounted it (no kernel switch). */
    public void virtualBlock(long threadKey, long nanos) {
        if (count(threadKey, 1)) {
            tally.virtualBlockEvents++;
            tally.virtualBlockNanos += nanos;
        }
    }

    /**
     * A virtual thread that blocked while pinned: its carrier was blocked for {@code nanos} from {@code startNanos}
     * (the recording's clock).
     *
     * @param reason the recording's reason, or null
     * @param frame  the frame that pinned it, as {@code Class.method:line}, or null
     */
    public void pinned(long threadKey, long startNanos, long nanos, String reason, String frame) {
        if (count(threadKey, 1)) {
            tally.pinnedEvents++;
            tally.pinnedNanos += nanos;
            tally.pinnedFirstNanos = Math.min(tally.pinnedFirstNanos, startNanos);
            tally.pinnedLastNanos = Math.max(tally.pinnedLastNanos, startNanos + nanos);
            tally.pinnedTimeline.add(startNanos, nanos);
            tally.pinnedBy(reason, frame);
        }
    }
}
