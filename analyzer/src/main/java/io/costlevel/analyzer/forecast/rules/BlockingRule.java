package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.Locale;

/**
 * Blocking handoffs: platform threads' parks, Object.wait or sleeps that last a context switch. A thread that blocks
 * for its turn keeps blocking with more threads (the queue only grows), so the site stays L4; one
 * thread alone never waits for another.
 */
public final class BlockingRule implements ForecastRule {
    /** A block shorter than this found its permit and did not switch (docs/tiers.md, ContextSwitchRule). */
    static final double MIN_NS_PER_BLOCK = 2_000;
    /** Blocking must be a real part of the op: a lock that parks once per thousand acquisitions is not L4 (ContextSwitchRule). */
    static final double MIN_BLOCKED_NS_PER_OP = 300;

    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        // Platform threads' blocks only: virtual threads unmount instead (VirtualBlockRule), no kernel switch.
        long blocks = today.count("parks") + today.count("waits") + today.count("sleeps") - today.count("virtualBlocks");
        long blockedNanos = today.count("parkedNanos") + today.count("waitedNanos") + today.count("sleptNanos")
                - today.count("virtualBlockedNanos");
        // Recorded blocking events decide only where the agent counted nothing (no agent, or blocking inside a library
        // such as ConcurrentHashMap's bin monitor): its exact counts say more (docs/tiers.md, L4). And only where they
        // hold most of the line's time today (its tier is L4 by the split rule): one park charged to a line of
        // ThreadLocalRandom draws (JDK 25, LibraryForecastIT in CI) is an incident of the run, not how the line waits.
        boolean recordedOnly = (!today.hasAgent() || today.count("ops") == 0) && today.site().tier() == 4
                && (today.count("jfrParkEvents") + today.count("jfrMonitorEnterEvents") + today.count("jfrWaitEvents")) > 0;
        long ops = Math.max(1, today.count("ops"));
        if (!recordedOnly && (blocks == 0 || (double) blockedNanos / blocks < MIN_NS_PER_BLOCK
                || (double) blockedNanos / ops < MIN_BLOCKED_NS_PER_OP)) {
            return null;
        }
        String measured = recordedOnly ? "blocking events in the recording"
                : String.format(Locale.ROOT, "%d blocks of %.1f us on average at %d threads", blocks,
                        blockedNanos / 1e3 / blocks, today.threads());
        if (target.threads() == 1 && today.threads() > 1) {
            return new Move(1, "single-thread", "blocks for another thread (" + measured + "): one thread never waits -> L1", Move.MEDIUM);
        }
        return new Move(4, "blocking", String.format(Locale.ROOT,
                "blocks while waiting (%s): a blocked thread is switched out and back; more threads only lengthen the queue -> stays L4",
                measured), recordedOnly ? Move.LOW : Move.HIGH);
    }
}
