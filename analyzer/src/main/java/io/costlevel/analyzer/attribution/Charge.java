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
    /** The synchronizing frame CPU samples of this stack run in, or null. */
    private final String syncFrame;
    private final boolean startsThread;
    private final Uncharged uncharged;

    Charge(SiteTable table, SiteTally tally, long[] chainCount, boolean parkFrame, String syncFrame, Uncharged uncharged,
           boolean startsThread) {
        this.startsThread = startsThread;
        this.table = table;
        this.tally = tally;
        this.chainCount = chainCount;
        this.parkFrame = parkFrame;
        this.syncFrame = syncFrame;
        this.uncharged = uncharged;
    }

    /** The stack's top frame is the JVM's park (see {@link Attribution#parkFrame()}). */
    public boolean parkFrame() {
        return parkFrame;
    }

    /** The site charged, or null when the stack holds no application code. */
    public SiteKey site() {
        return tally == null ? null : tally.site();
    }

    /** @param sample a CPU sample (its thread is counted among the samples' threads), else a blocking event */
    private boolean count(long threadKey, long weight, long blockedNanos, boolean sample) {
        return count(threadKey, weight, blockedNanos, sample, SiteTally.CHAIN_BLOCKED_NANOS);
    }

    /** @param blockedIndex the chain counter the blocked time adds to (a platform or a virtual thread's block) */
    private boolean count(long threadKey, long weight, long blockedNanos, boolean sample, int blockedIndex) {
        if (tally == null) {
            table.unattributed(weight);
            return false;
        }
        if (sample) {
            tally.addSampleThread(threadKey);
        } else {
            tally.addEventThread(threadKey);
        }
        if (chainCount != null) {
            chainCount[SiteTally.CHAIN_EVENTS] += weight;
            chainCount[blockedIndex] += blockedNanos;
        }
        return true;
    }

    /** A platform thread's blocking event: counted, with its time, among its chain's blocks. */
    private boolean block(long threadKey, long nanos) {
        if (!count(threadKey, 1, nanos, false)) {
            return false;
        }
        if (chainCount != null) {
            chainCount[SiteTally.CHAIN_BLOCKING_EVENTS]++;
        }
        return true;
    }

    /** A CPU sample; one taken inside the agent's probe is its own cost, counted apart and never charged. */
    public void cpuSample(long threadKey, long samples) {
        if (uncharged == Uncharged.PROBE) {
            table.probeSamples(samples);
            return;
        }
        if (count(threadKey, samples, 0, true)) {
            tally.cpuSamples += samples;
            if (syncFrame != null) {
                tally.addSyncSamples(syncFrame, samples);
            }
            if (startsThread) {
                tally.threadStartSamples += samples;
            }
        } else {
            table.unchargedCpu(uncharged, samples);
        }
    }

    public void park(long threadKey, long nanos) {
        if (block(threadKey, nanos)) {
            tally.parkEvents++;
            tally.parkNanos += nanos;
        }
    }

    public void monitorEnter(long threadKey, long nanos) {
        if (block(threadKey, nanos)) {
            tally.monitorEvents++;
            tally.monitorNanos += nanos;
        }
    }

    public void monitorWait(long threadKey, long nanos) {
        if (block(threadKey, nanos)) {
            tally.waitEvents++;
            tally.waitNanos += nanos;
        }
    }

    public void sleep(long threadKey, long nanos) {
        if (block(threadKey, nanos)) {
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
        if (count(threadKey, 1, nanos, false, SiteTally.CHAIN_VIRTUAL_BLOCKED_NANOS)) {
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
        // The pinned block is also the thread's park or sleep event, whose time the chain already has.
        if (count(threadKey, 1, 0, false)) {
            tally.pinnedEvents++;
            tally.pinnedNanos += nanos;
            tally.pinnedFirstNanos = Math.min(tally.pinnedFirstNanos, startNanos);
            tally.pinnedLastNanos = Math.max(tally.pinnedLastNanos, startNanos + nanos);
            tally.pinnedTimeline.add(startNanos, nanos);
            tally.pinnedBy(reason, frame);
        }
    }
}
