package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;
import io.costlevel.analyzer.input.AgentSite;

import java.util.Optional;

/**
 * Level 2, true sharing (~20-400 ns): the cache line with the atomic or lock word moves between cores
 * on most operations. Seen as failed CAS, contended acquisitions, spin waits on a line another core
 * writes, or handoffs (the line a sampled op worked on was last touched at this site by another
 * thread, or, across sites, at any site). The agent checks handoffs per line (an array's elements per 64-byte block) and never on
 * a striped adder, whose updates go to per-thread cells; the measured cost cross-checks the rest.
 */
public final class TrueSharingRule implements TierRule {
    /**
     * Failed CAS per attempt showing the line is fought over. A failure is direct proof that another
     * core wrote the line between this core's read and its CAS, and one thread alone never fails; with
     * more threads than cores, time slicing makes failures rare (0.3% measured at 8 threads on 2
     * cores) while each one still moved the line.
     */
    static final double MIN_CAS_FAILURE_RATIO = 0.001;
    /** Contended acquisitions per op. */
    static final double MIN_CONTENDED_PER_OP = 0.01;
    /**
     * Sampled ops that found their line last touched at this site by another thread. Two threads
     * hammering one AtomicLong on two cores measured 0.59-0.63 (0 at one thread); the sharded
     * counter, whose ops spread over 256 padded lines, 0.0025: it rarely meets the line it touched
     * last, so its lines are not fought over.
     */
    static final double MIN_HANDOFF_RATIO = 0.1;
    /**
     * Below this measured cost per op the line did not move, whatever the handoffs say. Lower than
     * the Level 2 floor because an AtomicLong shared by two cores measured 17 ns while a LongAdder
     * stayed at 5.4 ns (docs/tiers.md).
     */
    static final double MIN_SHARED_NS_PER_OP = 10;
    /**
     * Handoffs per check that still show a line moving, when every thread works on it and its running part costs what
     * a moving line does ({@link #takingTurns}). Two threads offering to and polling one LinkedBlockingQueue on two
     * cores (2026-12-05, {@code io.costlevel.workloads.SharedQueue}) settle in one of two modes per run: in the slow one
     * both run side by side (natively 232 ns of CPU per offer and poll, 19 blocked; under the agent 27-31 % handoffs),
     * in the fast one each parks a quarter of the time while the other runs alone (65 ns of CPU, 25 blocked, against 22
     * at one thread: the line still moves whenever both run), and the handoffs seen are 8 %.
     */
    static final double MIN_TURN_HANDOFF_RATIO = 0.02;
    /** Of the handoff checks, those on a line another thread had touched here too: the state is shared, not confined. */
    static final double MIN_SHARED_LINE_RATIO = 0.9;
    /**
     * Of one site's same-line checks (its sampled op met the line the previous sample there worked on), those where
     * another thread had touched it in between, at a site spread over a few lines ({@link #spreadOverSharedLines}).
     * Two threads merging into a ConcurrentHashMap of 16 keys on 2 cores (2026-12-05: 52-184 ns per op natively, 24 at
     * one thread) measured 35 % of the merge's same-line checks, 3 % of all its checks; a thread's own object 0.
     */
    static final double MIN_SAME_LINE_HANDOFF_RATIO = 0.2;
    /** Of that site's checks, those on lines another thread touched there too: the few lines are shared. */
    static final double MIN_SPREAD_SHARED_RATIO = 0.1;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (!f.counted()) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        if (f.threads() < 2) {
            // One thread here: only threads at other sites can move its line (a queue's producer and its consumer).
            return acrossSites(f, ns);
        }
        boolean costAgrees = ns == null || ns >= MIN_SHARED_NS_PER_OP;
        if (f.spinWaits() > 0 || f.spins() > 0) {
            return verdict(Mechanism.SPIN_SHARED, ns, String.format(
                    "spin waits on a line another core writes: %d waits, %.0f onSpinWait calls each", f.spinWaits(), f.spinsPerWait()));
        }
        if (costAgrees && MinimumEvidence.ratioAtLeast(f.agent().casFailures(), f.agent().casAttempts(), MIN_CAS_FAILURE_RATIO)) {
            return verdict(Mechanism.CAS_FAILURES, ns, String.format(
                    "%.1f%% of %d CAS attempts failed: another core changed the line", 100 * f.casFailureRatio(), f.agent().casAttempts()));
        }
        if (costAgrees && MinimumEvidence.ratioAtLeast(f.agent().contended(), f.ops(), MIN_CONTENDED_PER_OP)) {
            return verdict(Mechanism.CONTENDED_LOCK, ns, String.format(
                    "%.1f%% of acquisitions found the lock owned by another thread", 100 * f.contendedPerOp()));
        }
        if (costAgrees && MinimumEvidence.ratioAtLeast(f.agent().handoffs(), f.agent().handoffChecks(), MIN_HANDOFF_RATIO)) {
            return verdict(Mechanism.HANDOFFS, ns, String.format(
                    "%.0f%% of sampled ops found their line last touched here by another thread", 100 * f.handoffRatio()));
        }
        Optional<Verdict> across = acrossSites(f, ns);
        if (across.isPresent()) {
            return across;
        }
        if (costlyOnSharedLine(f)) {
            return mediumHandoffs(ns, String.format("its atomic costs %.0f ns per op (timed) on a line "
                    + "every thread works on (%.0f%% of the checks), what a moving line costs, though few samples caught "
                    + "it moving (%.1f%% handoffs): the threads keep to it in turns, or another object on its cache line "
                    + "is written by another core (false sharing)", f.latencyNs(), 100 * sharedLineRatio(f.agent()),
                    100 * f.handoffRatio()));
        }
        if (takingTurns(f, ns)) {
            return mediumHandoffs(ns, String.format("%.0f%% of sampled ops found their line last touched "
                    + "here by another thread, on a line every thread works on (%.0f%% of the checks), and its running part "
                    + "costs %.0f ns per op, what a moving line costs: the threads take turns (one parked while the other "
                    + "runs alone) and the line moves whenever both run", 100 * f.handoffRatio(),
                    100 * sharedLineRatio(f.agent()), runningNsPerOp(f, ns)));
        }
        AgentSite spread = spreadOverSharedLines(f, ns);
        if (spread != null) {
            return mediumHandoffs(ns, String.format("%s spreads over a few lines every thread works on "
                    + "(a few hot keys): %.0f%% of its sampled ops met the line its previous sample worked on, and there "
                    + "another thread had touched it in between %.0f%% of the time", spread.primitive(),
                    100 * ratio(spread.sameLineChecks(), spread.handoffChecks()),
                    100 * ratio(spread.handoffs(), spread.sameLineChecks())));
        }
        return Optional.empty();
    }

    /**
     * True sharing seen across sites ({@code lineHandoffs}): the line moved between threads that may each keep to a
     * site of their own, as a producer and its consumer do, so it is judged whatever the threads at this line.
     */
    private static Optional<Verdict> acrossSites(SiteFacts f, Double ns) {
        AgentSite across = sharedAcrossSites(f, ns);
        if (across != null) {
            return mediumHandoffs(ns, String.format("%.0f%% of the sampled ops of %s found that another "
                    + "thread had touched their line, at any site, since their thread's previous sample (%.0f%% at this "
                    + "site alone): the threads keep to "
                    + "one side each for a while (a queue's producer and its consumer, a cache's readers and the thread "
                    + "draining their buffer) and the line moves between their cores", 100 * lineHandoffRatio(across),
                    across.primitive(), 100 * ratio(across.handoffs(), across.handoffChecks())));
        }
        AgentSite turns = turnsAcrossSites(f, ns);
        if (turns != null) {
            return mediumHandoffs(ns, String.format("%.1f%% of the sampled ops of %s (%d) found that another thread "
                    + "had touched their line, at any site, since their thread's previous sample, and its running part "
                    + "costs %.0f ns per op, what a moving line costs: the threads take turns on it in stretches (a "
                    + "producer and its consumer, one parked or descheduled while the other runs alone) and it moves "
                    + "whenever both run", 100 * lineHandoffRatio(turns), turns.primitive(), turns.lineHandoffs(),
                    runningNsPerOp(f, ns)));
        }
        return Optional.empty();
    }

    /**
     * A site of this line whose ops spread over a few lines that every thread works on (a map's few hot keys), or null.
     * Its handoff ratio is low because a sample meets the line the previous sample touched only one time in as many as
     * there are lines (16 keys: 3 %), while each line moves between the cores whenever both threads write it: when a
     * sample does meet that line, another thread touched it in between a fifth of the time or more. Taken per site, as
     * a line's sum mixes in its other sites' checks (a thread's own Random beside the map: every one of its checks on
     * the same line, none a handoff). At least {@link MinimumEvidence#MIN_CHECKS} same-line checks, lines shared
     * ({@link #MIN_SPREAD_SHARED_RATIO}), and the line's running part at the Level 2 floor: many keys (4096: a sample
     * meets its previous line once in thousands) stay below the minimum, a thread's own objects show no handoffs.
     */
    static AgentSite spreadOverSharedLines(SiteFacts f, Double ns) {
        if (ns == null || runningNsPerOp(f, ns) < Tiers.L2_FLOOR_NS) {
            return null;
        }
        AgentSite best = null;
        for (AgentSite s : f.tally().sitesHere()) {
            if (MinimumEvidence.enoughChecks(s.sameLineChecks())
                    && ratio(s.handoffs(), s.sameLineChecks()) >= MIN_SAME_LINE_HANDOFF_RATIO
                    && sharedLineRatio(s) >= MIN_SPREAD_SHARED_RATIO
                    && (best == null || s.handoffs() > best.handoffs())) {
                best = s;
            }
        }
        return best;
    }

    /**
     * An atomic on one line (most of its samples meet the line the previous one there worked on: not a sharded counter
     * spread over many) that every thread works on, whose own timed cost is twice the Level 2 floor, from at least
     * {@link MinimumEvidence#MIN_CHECKS} timed ops and checks, with no more threads than cores (a preempted timed op
     * counts its time slice): an uncontended atomic costs 5-20 ns, so the line moved, whatever the samples caught. The
     * read count of a Guava cache's segment, incremented by whichever thread reads while the other drains the segment's
     * recency queue (2 threads on 2 cores, 2026-12-06), measured 99-148 ns per increment with 0.1-9 % handoffs by run.
     * The op's timed cost, not the line's: a line that adds a costly computation to a shared counter costs what the
     * computation does.
     */
    static boolean costlyOnSharedLine(SiteFacts f) {
        AgentSite a = f.agent();
        Double latency = f.latencyNs();
        return "atomic".equals(a.kind()) && latency != null && latency >= 2 * Tiers.L2_FLOOR_NS && !f.oversubscribed()
                && MinimumEvidence.enoughChecks(a.latencySamples()) && MinimumEvidence.enoughChecks(a.handoffChecks())
                && sharedLineRatio(a) >= MIN_SHARED_LINE_RATIO && ratio(a.sameLineChecks(), a.handoffChecks()) >= 0.5;
    }

    /**
     * A site of this line whose line other sites share with other threads: of its sampled ops, at least
     * {@link #MIN_HANDOFF_RATIO} found their line touched by another thread, at any site, since their thread's previous
     * sampled op (the agent's {@code lineHandoffs}), from {@link MinimumEvidence#MIN_CHECKS} checks or more, where the line's running part costs
     * at least {@link #MIN_SHARED_NS_PER_OP}; null otherwise. The per-site check misses such a line when each thread keeps to one
     * side: a Guava cache read by two threads on 2 cores (natively 132 ns per read, 35 at one thread, 2026-12-06),
     * whose readers add to the segment's recency queue at one site while the thread that won the segment's lock drains
     * it at another, measured 17 handoffs in 190,000 checks at each site with async-profiler running, and read L1.
     * The running part must cost what the per-site handoffs' does ({@link #MIN_SHARED_NS_PER_OP}): a one-slot mailbox
     * (an {@code AtomicReference} a producer fills by CAS and a consumer empties by {@code getAndSet}, 2 cores,
     * 2026-12-06) measured 56-69 % line handoffs at 17 and 24 ns per op under the agent, natively 18.7 ns per op
     * where an uncontended exchange costs 3-5.
     */
    static AgentSite sharedAcrossSites(SiteFacts f, Double ns) {
        if (ns == null || runningNsPerOp(f, ns) < MIN_SHARED_NS_PER_OP) {
            return null;
        }
        AgentSite best = null;
        for (AgentSite s : f.tally().sitesHere()) {
            if (MinimumEvidence.enoughChecks(s.handoffChecks()) && lineHandoffRatio(s) >= MIN_HANDOFF_RATIO
                    && (best == null || lineHandoffRatio(s) > lineHandoffRatio(best))) {
                best = s;
            }
        }
        return best;
    }

    /**
     * A site of this line on one line (most of its samples meet the line its previous sample there worked on) that
     * moved between threads, at any site, on at least {@link #MIN_TURN_HANDOFF_RATIO} of its samples and
     * {@link MinimumEvidence#MIN_CHECKS} times, where the line's running part costs at least the Level 2 floor; null
     * otherwise. The cross-site form of {@link #takingTurns}: a producer offering to an {@code ArrayBlockingQueue} and a
     * consumer polling it (2 cores, 2026-12-06) take its lock in stretches, one parked while the other runs, and saw
     * 3-4 % line handoffs at each site, 18,000 in all; natively the pair cost 41 ns of thread time per op, 28 of CPU,
     * against 7-8 for an uncontended offer or poll.
     */
    static AgentSite turnsAcrossSites(SiteFacts f, Double ns) {
        if (ns == null || runningNsPerOp(f, ns) < Tiers.L2_FLOOR_NS) {
            return null;
        }
        AgentSite best = null;
        for (AgentSite s : f.tally().sitesHere()) {
            if (lineHandoffRatio(s) >= MIN_TURN_HANDOFF_RATIO && MinimumEvidence.enoughChecks(s.lineHandoffs())
                    && ratio(s.sameLineChecks(), s.handoffChecks()) >= 0.5
                    && (best == null || s.lineHandoffs() > best.lineHandoffs())) {
                best = s;
            }
        }
        return best;
    }

    /** Of a site's handoff checks, those that found its line moved at any site; 0 where the agent did not count it. */
    static double lineHandoffRatio(AgentSite s) {
        return s.lineHandoffs() == AgentSite.NOT_COUNTED ? 0 : ratio(s.lineHandoffs(), s.handoffChecks());
    }

    private static double ratio(long part, long whole) {
        return part <= 0 || whole <= 0 ? 0 : (double) part / whole;
    }

    /**
     * Fewer handoffs than {@link #MIN_HANDOFF_RATIO}, but on a line all threads work on, whose running part (its cost
     * less its blocks) costs at least the Level 2 floor: threads that take turns on a line, one parked while the other
     * runs, see few handoffs in their samples, while each stretch where both run moves it on every op. At least
     * {@link MinimumEvidence#MIN_CHECKS} handoffs (a 2 % ratio from 100 checks would be two). A site that spreads
     * over many lines (a sharded counter: 0.25 %) or costs what an uncontended op does stays L1.
     */
    static boolean takingTurns(SiteFacts f, Double ns) {
        var a = f.agent();
        return ns != null && f.handoffRatio() >= MIN_TURN_HANDOFF_RATIO && MinimumEvidence.enoughChecks(a.handoffs())
                && sharedLineRatio(a) >= MIN_SHARED_LINE_RATIO && runningNsPerOp(f, ns) >= Tiers.L2_FLOOR_NS;
    }

    private static double sharedLineRatio(AgentSite a) {
        return a.sharedLineChecks() <= 0 || a.handoffChecks() <= 0 ? 0 : (double) a.sharedLineChecks() / a.handoffChecks();
    }

    private static double runningNsPerOp(SiteFacts f, double ns) {
        return ns - f.blockedNsPerOp();
    }

    /**
     * High confidence only when the measured cost lies in this tier's range. Below it (10-20 ns) the line
     * moved on part of the ops only (threads > cores: a role's threads often take turns), so the average op
     * costs what an uncontended one does and the site is a close call between L1 and L2. Above it (from the
     * Level 3 floor up) the mechanism is real but something costlier happens at the site too, which the
     * agent does not count: an unlock that wakes a parked thread (a futex call) or a thread preempted inside
     * the op. The reason says so, so the reader knows the tier is a floor.
     */
    /** {@link #verdict} of handoffs at medium confidence whatever the cost: read from fewer handoffs than the rule's. */
    private static Optional<Verdict> mediumHandoffs(Double ns, String reason) {
        Verdict v = verdict(Mechanism.HANDOFFS, ns, reason).orElseThrow();
        return Optional.of(new Verdict(v.tier(), v.mechanism(), Verdict.MEDIUM, v.reason()));
    }

    private static Optional<Verdict> verdict(Mechanism m, Double ns, String reason) {
        boolean aboveTier = ns != null && ns >= Tiers.L3_FLOOR_NS;
        boolean inTier = ns != null && ns >= Tiers.L2_FLOOR_NS && !aboveTier;
        String confidence = inTier ? Verdict.HIGH : Verdict.MEDIUM;
        String note = aboveTier ? "; the cost is above this tier's range: something costlier (a wake-up, a preemption)"
                + " happens here too that no counter shows" : "";
        return Optional.of(new Verdict(Tiers.L2_TRUE_SHARING, m, confidence, reason + YieldRule.costNote(ns) + note));
    }
}
