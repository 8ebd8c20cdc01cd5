package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteKey;

import java.util.ArrayList;
import java.util.List;

/**
 * A site's tier decided from where its time goes ({@link SiteTime}), with the rule verdict behind it (which picks
 * the advice) and the reasons in words: the deciding tier's first, then one line per other tier holding time
 * there, then what was waiting rather than cost, then why the cost per op lies outside the tier's range when it
 * does.
 *
 * @param tier        where most of the site's cost goes (0..5)
 * @param verdict     the rule verdict for that tier's mechanism
 * @param time        the site's time by tier
 * @param ops         the ops the time is divided by (spin waits for a spin site, the method's ops for a wait loop
 *                    the agent counts nothing at), 0 when there are none
 * @param nsPerOp     the site's time over its ops, or null
 * @param nsPerOpNote why there is no ns/op, or null
 * @param reasons     the decision in words
 * @param advised     the verdict whose advice the site gets: the deciding one, but a line that starts threads gets
 *                    that advice whatever its waits decide (the caller waits for the thread it started: the start is
 *                    what to change), in the site's tier at least (waiting for a pool's thread is still a switch)
 */
public record Assessment(int tier, Verdict verdict, SiteTime time, long ops, Double nsPerOp, String nsPerOpNote,
                         List<String> reasons, Verdict advised) {

    /** A tier holding less than this share of a split site's time gets no reason line of its own. */
    static final double MIN_SHARE_FOR_REASON = 0.001;

    /**
     * The verdicts of a site's mechanisms, one per bucket of its time.
     *
     * @param running   its non-blocking mechanism (the running time's tier)
     * @param blocking  platform threads' blocks (contention's tier)
     * @param unmounted virtual threads' blocks that unmounted, or null without any
     * @param pinned    virtual threads' blocks while pinned, or null without any
     * @param parts     the mechanisms the running time is shared among ({@link RunningPart}): {@code running} alone,
     *                  or the library sites a line's calls reach
     */
    public record Verdicts(Verdict running, Verdict blocking, Verdict unmounted, Verdict pinned, List<RunningPart> parts) {}

    /** One bucket of the site's time, with the verdict that explains it. */
    private record Bucket(int tier, double nanos, Verdict verdict) {}

    /** The buckets with time in them, in the order that wins a tie within a tier: pinned, blocking, unmounted, running. */
    private static List<Bucket> buckets(Verdicts v, SiteTime time) {
        List<Bucket> buckets = new ArrayList<>();
        if (v.pinned() != null) {
            buckets.add(new Bucket(Tiers.L4_CONTEXT_SWITCH, time.pinnedNanos(), v.pinned()));
        }
        buckets.add(new Bucket(time.blockedTier(), time.contentionNanos(), v.blocking()));
        if (v.unmounted() != null) {
            buckets.add(new Bucket(time.unmountedTier(), time.unmountedNanos(), v.unmounted()));
        }
        for (int tier = 0; tier < Tiers.count(); tier++) {
            Verdict part = RunningPart.inTier(v.parts(), tier);
            if (part != null) {
                buckets.add(new Bucket(tier, time.runningNanosIn(tier), part));
            }
        }
        return buckets;
    }

    /** The verdict of the bucket holding most of the time in that tier, or null when none holds any. */
    private static Verdict inTier(List<Bucket> buckets, int tier) {
        Bucket best = null;
        for (Bucket b : buckets) {
            if (b.tier() == tier && b.nanos() > 0 && (best == null || b.nanos() > best.nanos())) {
                best = b;
            }
        }
        return best == null ? null : best.verdict();
    }

    static Assessment of(SiteFacts f, Verdicts v, SiteTime time) {
        int dominant = time.dominantTier();
        List<Bucket> buckets = buckets(v, time);
        Verdict running = v.running();
        Verdict blocking = v.blocking();
        Verdict deciding;
        if (time.idle()) {
            deciding = idleVerdict(time, time.virtualWait() && v.unmounted() != null ? v.unmounted() : blocking);
        } else if (dominant < 0) {
            deciding = running != null ? running : blocking;
        } else {
            deciding = inTier(buckets, dominant);
        }
        int tier = deciding.tier();
        long ops = ops(f, running);
        Double ns = ops == 0 || time.totalNanos() == 0 ? null : time.totalNanos() / ops;
        List<String> reasons = new ArrayList<>();
        reasons.add(Tiers.name(tier) + (dominant < 0 || time.idle() ? "" : String.format(" (%s of the time)",
                percent(time.share(tier)))) + ": " + deciding.reason());
        for (int t = Tiers.count() - 1; t >= 0; t--) {
            Verdict other = inTier(buckets, t);
            if (t != tier && other != null && time.share(t) >= MIN_SHARE_FOR_REASON) {
                reasons.add(Tiers.name(t) + String.format(" (%s of the time): ", percent(time.share(t)))
                        + (other == blocking ? rareBlocks(f, time) : other.reason()));
            }
        }
        SiteKey pool = f.tally().poolGivenBackAt();
        if (pool != null && time.contentionNanos() > 0) {
            reasons.add("a pool: the threads that take here give the item back at " + pool + ", so a take waits for an "
                    + "item another thread holds: contention, not a worker waiting for work");
        }
        if (time.idleNanos() > 0 && !time.idle()) {
            reasons.add(String.format("idle: %.3f s waiting for work or for other threads to finish (a queue's take, "
                    + "join, a latch, sleep, a selector): not a cost, not in the tier shares", time.idleNanos() / 1e9));
        }
        if (time.ioNanos() > 0 && !time.idle()) {
            reasons.add(String.format("I/O wait: %.3f s waiting for a socket or a remote answer: not a cost, not in "
                    + "the tier shares", time.ioNanos() / 1e9));
        }
        TimedScales.Scale scale = f.run().timedScales().of(f.tally());
        boolean parksOffCores = time.blockedFromTiming() && scale.parksBoundOffCores();
        if (parksOffCores) {
            reasons.add(String.format("parks inferred from the timed calls scaled to %s: with the blocks measured beside "
                    + "them they came to more than the %.3f s %s were off their cores at most (their time less the CPU "
                    + "their samples measured); each slow timed call stands for hundreds of calls, a preempted one too",
                    percent(scale.parksFactor()), scale.offCoreNanos() / 1e9,
                    scale.ownThreads() ? "its threads" : "the run's threads"));
        }
        boolean parksByThreadTime = time.blockedFromTiming() && !parksOffCores;
        if ((time.runningFromTiming() || parksByThreadTime) && scale.scaled()) {
            // Printed to the ms: a probes' cost under half of one would read "less the 0.000 s".
            String probes = scale.probeNanos() >= 0.5e6
                    ? String.format(" less the %.3f s the agent's probes took of it", scale.probeNanos() / 1e9) : "";
            String what = !parksByThreadTime ? "running time"
                    : time.runningFromTiming() ? "running time and parks" : "parks";
            reasons.add(String.format("%s scaled to %s of what the agent's timed ops gave: %s added up to "
                    + "more than the %.3f s %s had%s (timed ops also count their clock reads, part of the probes around "
                    + "them and any preemption inside them)", what, percent(scale.factor()),
                    scale.ownThreads() ? "the sites its threads ran" : "the run's sites", scale.threadNanos() / 1e9,
                    scale.ownThreads() ? "those threads" : "its threads", probes));
        }
        String library = libraryOps(f);
        if (library != null && ns != null) {
            reasons.add(library);
        }
        String outside = outsideBand(tier, ns, time, deciding);
        if (outside != null) {
            reasons.add(outside);
        }
        String note = ns != null ? null : missingNsPerOp(f);
        Verdict advised = deciding;
        if (running != null && running.mechanism() == Mechanism.THREAD_START && !time.idle()) {
            // In the tier the site pays now at least: a caller that waits for the task still waits with a pool.
            advised = new Verdict(Math.max(running.tier(), tier), running.mechanism(), running.confidence(), running.reason());
        }
        return new Assessment(tier, deciding, time, ops, ns, note, List.copyOf(reasons), advised);
    }

    /**
     * A site whose time is mostly waiting for work or I/O: its wait keeps the tier of how it waited (a switch, L4;
     * a virtual thread's unmount, L2-L3), but it is shown apart.
     */
    private static Verdict idleVerdict(SiteTime time, Verdict blocking) {
        String what = time.waitKind() == WaitPurpose.IO
                ? String.format("I/O wait, not ranked: %.3f s waiting for a socket or a remote answer", time.ioNanos() / 1e9)
                : String.format("idle, not ranked: %.3f s waiting for work or for other threads to finish (a queue's "
                        + "take, join, a latch, sleep, a selector)", time.idleNanos() / 1e9);
        return new Verdict(blocking == null ? Tiers.L4_CONTEXT_SWITCH : blocking.tier(),
                blocking == null ? Mechanism.BLOCKING : blocking.mechanism(),
                blocking == null ? Verdict.MEDIUM : blocking.confidence(),
                what + "; not a concurrency cost, left out of the tier shares");
    }

    /**
     * The site's time (idle and I/O wait included: the op lasted that long) over its ops; for a wait loop the
     * agent counts nothing at, over the ops of its method (what it waits for).
     */
    private static long ops(SiteFacts f, Verdict running) {
        long ops = f.opsInUnit();
        if (ops == 0 && f.methodOps() != null && (running.mechanism() == Mechanism.SPIN_WHILE_DESCHEDULED
                || running.mechanism() == Mechanism.SPIN_SHARED)) {
            ops = f.methodOps().ops();
        }
        return ops;
    }

    /**
     * Whose ops a line's are when they were counted inside the library it calls: the agent counts no call of a
     * library method at the application's line (a probe on every such call would cost more than the library's own
     * sites), so each call is read as one op of the busiest site it reaches, and a call that passes that site
     * several times (Dropwizard's Meter.mark updates three EWMAs at one line) counts that many.
     */
    private static String libraryOps(SiteFacts f) {
        long library = f.tally().libraryOps();
        if (library == 0 || f.ops() == 0) {
            return null;
        }
        String whose = library >= f.ops() ? "its ops are" : String.format("%d of its %d ops are", library, f.ops());
        return String.format("ops: %s the operations counted at %s inside the library calls this line makes, not the "
                + "calls themselves: a call that passes that site more than once counts more than once, so ns/op and "
                + "ops/s are per library operation", whose, f.tally().libraryOpsSite());
    }

    private static String missingNsPerOp(SiteFacts f) {
        if (!f.run().agentPresent()) {
            return "no ns/op: without the agent the number of operations is unknown";
        }
        if (f.agent() == null) {
            return "no ns/op: the agent counted no synchronization on this line (plain code, or synchronization or "
                    + "blocking inside a JDK or library call it does not count), so it has no operations to divide by";
        }
        if (f.ops() == 0) {
            return "no ns/op: the agent saw the call site but no operation completed there";
        }
        return String.format("no ns/op: %d ops, none of them timed (the agent times about 1 op in 64) and no CPU "
                + "samples or blocking here", f.ops());
    }

    /** "0.002 % of ops blocked 5 ms": the blocking share of a site whose time goes mostly elsewhere. */
    private static String rareBlocks(SiteFacts f, SiteTime time) {
        long blocks = time.blockedFromAgent() ? f.platformBlocks() : f.jfrBlockingEvents();
        long ops = f.ops();
        String per = blocks == 0 ? "" : String.format(" %s each", duration(time.contentionNanos() / blocks));
        String cause = time.blockedTier() == Tiers.L3_SYSCALL ? "parks that returned at once (system calls)"
                : "the thread was switched out until a lock owner or the thread it waited for ran";
        if (ops > 0 && blocks > 0) {
            return String.format("%s of ops blocked%s: %s", percent((double) blocks / ops), per, cause);
        }
        return String.format("%d blocking events%s: %s", blocks, per, cause);
    }

    /** Why the dot of a site lies outside its tier's band on the ladder, when it does. */
    private static String outsideBand(int tier, Double ns, SiteTime time, Verdict deciding) {
        if (ns == null || (ns >= Tiers.floorNs(tier) && ns < Tiers.ceilingNs(tier))) {
            return null;
        }
        int band = 0;
        while (band + 1 < Tiers.count() && ns >= Tiers.floorNs(band + 1)) {
            band++;
        }
        String why;
        if (band < tier) {
            why = time.contentionNanos() + time.unmountedNanos() + time.pinnedNanos() > 0 && tier >= Tiers.L3_SYSCALL
                    ? "most ops are cheap, but the time goes to the few that block"
                    : "the tier comes from the mechanism counted (" + deciding.mechanism().name().toLowerCase().replace('_', ' ')
                    + "), and the average op is cheaper than the tier's typical cost";
        } else if (time.idleNanos() + time.ioNanos() > 0) {
            why = "the ops include idle or I/O waiting, which is not a cost and does not decide the tier";
        } else if (costlierExplains(tier, ns, time)) {
            why = String.format("the op's time includes the %s of it in costlier tiers (above)",
                    percent(costlierShare(tier, time)));
        } else if (plainWorkExplains(tier, ns, time)) {
            why = "the op's time is on a core and includes the plain code that runs with the counted mechanism (the "
                    + "line's own, or the rest of the library call its ops are counted in), which costs more than the "
                    + "mechanism here";
        } else {
            why = "something costlier than the counted mechanism happens in the op (a preemption, a wake-up) "
                    + "that no counter shows";
        }
        return String.format("ns/op %s lies in %s's range, not %s's: %s", duration(ns), Tiers.name(band),
                Tiers.name(tier), why);
    }

    /**
     * The site's time in costlier tiers is what lifts its ns/op out of its tier's band: a real share (5 % or more),
     * without which the op would cost at most about twice the band's ceiling.
     */
    private static boolean costlierExplains(int tier, double ns, SiteTime time) {
        double costlier = costlierShare(tier, time);
        return costlier >= 0.05 && ns * (1 - costlier) < 2 * Tiers.ceilingNs(tier);
    }

    /**
     * A site just above its band, with no real share of its time blocked, spends that time on a core: the code that
     * runs with the counted operations (a Micrometer Timer.record, 35 ns a call natively at one thread as at two, counts
     * in a LongAdder at 37-40 ns per op: L1 by its mechanism), not a preemption or a wake-up, which cost microseconds.
     * Within {@link #PLAIN_WORK_FACTOR}x of the band's ceiling, below L3 (where a kernel entry is the cost itself); at
     * any distance where CPU samples put at least half of the op on a core beyond the band ({@link AdviceCatalog#plainWork}).
     */
    private static boolean plainWorkExplains(int tier, double ns, SiteTime time) {
        return tier < Tiers.L3_SYSCALL && ns < PLAIN_WORK_FACTOR * Tiers.ceilingNs(tier) && costlierShare(tier, time) < 0.05
                || AdviceCatalog.plainWork(tier, ns, time) >= ns / 2;
    }

    private static final double PLAIN_WORK_FACTOR = 4;

    /** The share of a site's time in tiers above {@code tier}. */
    private static double costlierShare(int tier, SiteTime time) {
        double share = 0;
        for (int t = tier + 1; t < Tiers.count(); t++) {
            share += time.share(t);
        }
        return share;
    }

    /**
     * A share as a reader checks it: whole percents from 10 %, but never "100 %" for less than all of it (a split of
     * 99.6 % and 0.4 % would add up to 100.4 %): 99.5-99.99 % reads 99.5-99.9 %.
     */
    static String percent(double fraction) {
        double p = 100 * fraction;
        if (p >= 99.5 && p < 100) {
            return String.format("%.1f %%", Math.floor(p * 10) / 10);
        }
        return p >= 10 ? String.format("%.0f %%", p) : p >= 0.1 ? String.format("%.1f %%", p)
                : String.format("%.2g %%", p);
    }

    public static String duration(double ns) {
        if (ns >= 1e6) {
            return String.format("%.1f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format("%.1f us", ns / 1e3);
        }
        return String.format("%.1f ns", ns);
    }
}
