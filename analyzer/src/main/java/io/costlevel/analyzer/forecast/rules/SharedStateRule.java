package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.List;
import java.util.Locale;

/**
 * An atomic, lock or monitor on state that is, or will be, shared. Measured sharing (lines another
 * thread touched, handoffs, failed CAS, contended acquisitions) at 2+ threads today is L2 at N;
 * state several threads use but each on lines of its own is confined and stays L1. With one thread
 * today nothing can be measured as shared: a site that works on one hot line is one object, and if
 * the N threads reach it (a field of a shared service) it is shared at N -> L2, said with medium
 * confidence.
 */
public final class SharedStateRule implements ForecastRule {
    /** "call": a JDK concurrent API call (a shared Random, a ConcurrentHashMap) with the library's counts charged to the line. */
    private static final List<String> KINDS = List.of("atomic", "lock", "monitor", "call");
    /** Thresholds of the classifier's TrueSharingRule (docs/tiers.md), so "shared" means what it means there. */
    static final double MIN_SHARED_RATIO = 0.1;
    static final double MIN_CAS_FAILURE_RATIO = 0.001;
    static final double MIN_CONTENDED_PER_OP = 0.01;
    /** A site whose sampled ops meet the line the previous one touched this often works on one hot line. */
    static final double MIN_ONE_LINE_RATIO = 0.5;

    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        if (!KINDS.contains(site.kind()) || !today.hasAgent()) {
            return null;
        }
        if (target.threads() == 1) {
            return new Move(1, "single-thread", "one thread: the line stays in its core's cache -> L1", Move.HIGH);
        }
        if (today.threads() >= 2) {
            return fromSharing(today, target);
        }
        if (today.runThreads() >= 2) {
            return new Move(today.site().tier(), "one-thread-line", String.format(Locale.ROOT,
                    "only 1 of the run's %d threads ran this line (a setup or shutdown step): more workers do not run it -> stays L%d",
                    today.runThreads(), today.site().tier()), Move.MEDIUM);
        }
        return fromOneThread(today, target);
    }

    private static Move fromSharing(SitePoint today, Target target) {
        String shared = sharingSeen(today);
        if (shared != null) {
            return new Move(2, "shared-line", String.format(Locale.ROOT,
                    "shared by %d threads today (%s): at %d threads every op still takes the line from another core -> L2",
                    today.threads(), shared, target.threads()), Move.HIGH);
        }
        if (today.evidence().containsKey("sharedLineChecks") && today.count("handoffChecks") >= SpreadLinesRule.MIN_CHECKS) {
            return new Move(1, "confined", String.format(Locale.ROOT,
                    "confined: %d threads ran this line but %.1f%% of %d sampled ops met a line another thread had touched: each works on state of its own -> stays L1",
                    today.threads(), 100 * today.ratio("sharedLineChecks", "handoffChecks"), today.count("handoffChecks")),
                    Move.HIGH);
        }
        return null;
    }

    /** The first measured sign of sharing, in words, or null. */
    static String sharingSeen(SitePoint p) {
        if (p.ratio("sharedLineChecks", "handoffChecks") >= MIN_SHARED_RATIO) {
            return String.format(Locale.ROOT, "%.0f%% of sampled ops on a line another thread touched",
                    100 * p.ratio("sharedLineChecks", "handoffChecks"));
        }
        if (p.ratio("handoffs", "handoffChecks") >= MIN_SHARED_RATIO) {
            return String.format(Locale.ROOT, "%.0f%% of sampled ops took the line from another thread",
                    100 * p.ratio("handoffs", "handoffChecks"));
        }
        if (p.ratio("casFailures", "casAttempts") >= MIN_CAS_FAILURE_RATIO) {
            return String.format(Locale.ROOT, "%.1f%% of CAS failed", 100 * p.ratio("casFailures", "casAttempts"));
        }
        if (p.ratio("contended", "ops") >= MIN_CONTENDED_PER_OP) {
            return String.format(Locale.ROOT, "%.1f%% of acquisitions contended", 100 * p.ratio("contended", "ops"));
        }
        return null;
    }

    private static Move fromOneThread(SitePoint today, Target target) {
        if (today.count("handoffChecks") < SpreadLinesRule.MIN_CHECKS) {
            return null;
        }
        if (!today.evidence().containsKey("sameLineChecks")) {
            return new Move(2, "shared-if-reachable", String.format(Locale.ROOT,
                    "written by 1 thread today: if the %d threads reach the same object it is shared -> L2 (this agent data does not say whether the line is one object)",
                    target.threads()), Move.LOW);
        }
        double oneLine = today.ratio("sameLineChecks", "handoffChecks");
        if (oneLine < MIN_ONE_LINE_RATIO) {
            return null;
        }
        return new Move(2, "shared-if-reachable", String.format(Locale.ROOT,
                "one line written by 1 thread today (%.0f%% of sampled ops on the line the previous one touched): reachable by the %d threads, it is shared at %d -> L2",
                100 * oneLine, target.threads(), target.threads()), Move.MEDIUM);
    }
}
