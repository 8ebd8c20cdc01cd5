package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Level 1, uncontended atomic (~5-20 ns): an atomic instruction or lock whose line stays in one core's
 * cache, because one thread uses it at a time or its state is striped. Every counted site that no
 * costlier rule claimed lands here; the measured cost confirms it.
 */
public final class UncontendedSyncRule implements TierRule {
    /** The agent checks about one op in this many for a handoff (docs/agent-data-format.md, samplingPeriod). */
    static final long SAMPLING_PERIOD = 64;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (!f.counted()) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        boolean costAgrees = ns == null || ns < Tiers.L2_FLOOR_NS;
        var a = f.agent();
        // With several threads, sharing could only be ruled out from enough checks: below the minimum, say so.
        // No handoff check at all on many ops is by design (a striped adder is never checked), not too few samples.
        boolean checkable = a.handoffChecks() > 0 || f.ops() < MinimumEvidence.MIN_CHECKS * SAMPLING_PERIOD;
        boolean tooFew = f.threads() >= 2 && checkable && !MinimumEvidence.enoughChecks(a.handoffChecks())
                && !MinimumEvidence.enoughChecks(a.casAttempts());
        // Handoffs enough for true sharing, at an uncontended op's cost (TrueSharingRule's cost check): the line moves,
        // but cheaply, as between two vCPUs that share a core's caches (the atomic sample at 2 threads: 57 % handoffs
        // at 8.1-8.6 ns per op, 2026-12-04). Not "without sharing", and not certain.
        boolean movesCheaply = f.threads() >= 2 && f.handoffRatio() >= TrueSharingRule.MIN_HANDOFF_RATIO
                && MinimumEvidence.enoughChecks(a.handoffChecks());
        String confidence = tooFew ? Verdict.LOW : costAgrees && ns != null && !movesCheaply ? Verdict.HIGH : Verdict.MEDIUM;
        String note = !tooFew ? "" : String.format("; too few samples to judge sharing: %d ops, %d handoff checks, "
                + "%d CAS attempts (a ratio needs %d)", f.ops(), a.handoffChecks(), a.casAttempts(), MinimumEvidence.MIN_CHECKS);
        String what = movesCheaply && findsItsKey(a.primitive()) ? "a map call on a line every thread touches at an "
                + "uncontended op's cost: one that finds its key present only reads the bin, which need not move"
                : movesCheaply ? "synchronization whose line moves between threads at an uncontended op's cost (the "
                + "cores hand it over cheaply: they share a cache, or take turns)" : "synchronization without sharing";
        return Optional.of(new Verdict(Tiers.L1_UNCONTENDED_ATOMIC, Mechanism.UNCONTENDED_SYNC, confidence,
                String.format("%s: %d thread(s), %.0f%% CAS failures, %.0f%% handoffs%s%s%s", what,
                        f.threads(), 100 * f.casFailureRatio(), 100 * f.handoffRatio(), acrossSites(f),
                        YieldRule.costNote(ns), note)));
    }

    /**
     * A concurrent map's {@code computeIfAbsent} or {@code putIfAbsent}, which the agent counts as a write (it cannot
     * tell from outside whether the key was there): one that finds its key reads the bin's node without locking or
     * writing it. Two threads asking a ConcurrentHashMap for one present key cost 5 ns a call natively, as one thread
     * does (2026-12-06), while every sampled call met a line the other thread had touched.
     */
    static boolean findsItsKey(String primitive) {
        return primitive != null && (primitive.endsWith(".computeIfAbsent") || primitive.endsWith(".putIfAbsent"));
    }

    /**
     * Where the line's sites saw their line touched by another thread at another site, below what makes it true
     * sharing (TrueSharingRule), the share they saw: "without sharing" would not be the whole truth.
     */
    private static String acrossSites(SiteFacts f) {
        double ratio = TrueSharingRule.lineHandoffRatio(f.agent());
        if (ratio <= 0 || !MinimumEvidence.enoughChecks(f.agent().handoffChecks())) {
            return "";
        }
        return String.format(" (%.1f%% of its samples found the line touched by another thread, at any site, since "
                + "their thread's previous sample)", 100 * ratio);
    }
}
