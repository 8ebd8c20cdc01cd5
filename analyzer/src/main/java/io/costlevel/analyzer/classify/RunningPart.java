package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.input.AgentSite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One mechanism's part of a site's running time, with the weight it gets. A site's own counters are one mechanism:
 * its running time is in that mechanism's tier. An application line whose counters come from the library sites its
 * calls reach (a cache read: a CAS on the thread's stripe of the read buffer, a try-lock, now and then waking the
 * cache's maintenance thread) reaches several mechanisms, each with its own ratios and cost: each library site is
 * judged alone, on its own counters, and the line's running time is shared among their tiers by the time each
 * site's ops took (its timed latency x its ops, less what it counted blocked). Judged as one sum, one site's ratio
 * would be read over another's ops (a try-lock's failures over a thousand times more buffer CASes), and the whole
 * call's time would go to the costliest mechanism however rarely it ran.
 *
 * @param verdict the mechanism's verdict (for a library site, its reason names the site)
 * @param nanos   its weight: the time its ops took (or 1 for a site's single mechanism)
 */
public record RunningPart(Verdict verdict, double nanos) {

    /**
     * The parts of {@code line}'s running time: its library sites' that the agent timed, when it reaches at least two
     * library sites, else (or when none was timed) {@code whole} alone.
     *
     * @param judge the running verdict of a site's facts (the classifier's non-blocking rules)
     */
    static List<RunningPart> of(SiteFacts line, Verdict whole, Function<SiteFacts, Verdict> judge) {
        List<AgentSite> sites = line.tally().libraryParts();
        List<RunningPart> parts = new ArrayList<>();
        if (sites.size() >= 2) {
            double all = sites.stream().mapToDouble(RunningPart::timeOf).sum();
            for (AgentSite site : sites) {
                double nanos = timeOf(site);
                if (nanos <= 0) {
                    continue;
                }
                SiteTally alone = line.tally().part(site);
                Verdict v = judge.apply(new SiteFacts(alone, line.run()));
                if (v != null) {
                    parts.add(new RunningPart(new Verdict(v.tier(), v.mechanism(), v.confidence(),
                            "at " + site.className() + "." + site.methodName() + ":" + site.line() + " ("
                                    + (site.primitive() == null ? site.kind() : site.primitive()) + "), "
                                    + Assessment.percent(nanos / all) + " of the library's timed work: " + v.reason()), nanos));
                }
            }
        }
        return parts.isEmpty() ? List.of(new RunningPart(whole, 1)) : List.copyOf(parts);
    }

    /** The time a site's ops took by its own timing, less the blocks it counted inside them; 0 when none was timed. */
    static double timeOf(AgentSite s) {
        return Math.max(0, s.meanLatencyNanos() * s.ops() - s.blockedNanos());
    }

    /** The verdict of the part with the most weight in {@code tier}, or null when none is there. */
    static Verdict inTier(List<RunningPart> parts, int tier) {
        RunningPart best = null;
        for (RunningPart p : parts) {
            if (p.verdict().tier() == tier && (best == null || p.nanos() > best.nanos())) {
                best = p;
            }
        }
        return best == null ? null : best.verdict();
    }
}
