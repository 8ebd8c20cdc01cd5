package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentCaller;
import io.costlevel.analyzer.input.AgentRun;
import io.costlevel.analyzer.input.AgentSite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charges one JVM's agent counters to application lines. A site in the application stays at its line. A site in a
 * library (outside {@code include}) that the agent found called from application lines ({@code callers}) is shared
 * out among those lines by how often each was found, each part keeping the site's ratios, with the chain from the
 * line to the mechanism:
 * {@code com.acme.OrderService.price:88 -> org.lib.Meter.mark -> org.lib.Meter.mark:120 -> java.util.concurrent.atomic.LongAdder.add}.
 * A library site without callers (no walk found an application frame: a library's own thread) stays at its line.
 *
 * <p>One application call usually goes through several library sites (a meter's mark updates four adders). The
 * parts charged to one line are read as that call: its ops are the busiest part's ops (each call passes each site
 * at most about once), its cost per op the sum of the parts' measured time over those ops; the mechanism counters
 * add up. A call that passes one site several times (Dropwizard's {@code Meter.mark} updates three EWMAs at one
 * line of {@code EWMA.update}) is then counted as several ops: the report says whose ops they are
 * ({@link SiteTable#addLibraryCall}).
 */
public final class AgentCharges {
    private AgentCharges() {}

    public static void charge(AgentRun run, ApplicationCode application, SiteTable table) {
        Map<SiteKey, List<AgentSite>> parts = new LinkedHashMap<>();
        for (AgentSite site : run.sites()) {
            List<AgentCaller> callers = chargedCallers(site, run.callersOf(site), application);
            if (application.contains(site.className()) || callers.isEmpty()) {
                SiteKey own = new SiteKey(site.className(), site.methodName(), site.line());
                table.addAgentSite(own, site);
                if ("call".equals(site.kind())) {
                    table.addChain(own, List.of(own.toString(), mechanism(site)), site);
                }
                continue;
            }
            long walks = callers.stream().mapToLong(AgentCaller::walks).sum();
            for (AgentCaller caller : callers) {
                SiteKey line = new SiteKey(caller.className(), caller.methodName(), caller.line());
                AgentSite part = site.scaled((double) caller.walks() / walks);
                parts.computeIfAbsent(line, k -> new ArrayList<>()).add(part);
                table.addChain(line, chain(line, caller, site), part);
            }
        }
        parts.forEach((line, sites) -> table.addLibraryCall(line, asOneCall(sites), busiest(sites), sites));
    }

    /** The parts of one application call: counters added up, ops of the busiest part, time of all parts. */
    static AgentSite asOneCall(List<AgentSite> parts) {
        AgentSite sum = parts.get(0);
        for (AgentSite part : parts.subList(1, parts.size())) {
            sum = sum.plus(part);
        }
        long ops = busiest(parts).ops();
        double nanos = 0;
        for (AgentSite part : parts) {
            if (part.latencySamples() > 0) {
                nanos += part.meanLatencyNanos() * part.ops();
            }
        }
        long samples = sum.latencySamples();
        long latencyNanos = samples == 0 || ops == 0 ? 0 : Math.round(nanos / ops * samples);
        return sum.withOpsAndLatency(ops, samples, latencyNanos);
    }

    /** The part whose ops stand for the call's: the most ops, as {@link #asOneCall} reads them. */
    static AgentSite busiest(List<AgentSite> parts) {
        AgentSite busiest = parts.get(0);
        for (AgentSite part : parts) {
            if (part.ops() > busiest.ops()) {
                busiest = part;
            }
        }
        return busiest;
    }

    /**
     * The callers a site's counters go to: its application callers; at a site in the JDK (the synchronized
     * collections, the only JDK classes the agent instruments), every caller the agent found, since where no
     * application frame was on the stack it names the code that called the collection (the JDK's HTTP server's
     * connection sets are the server's, not {@code Collections$SynchronizedCollection.remove:2107}'s).
     */
    private static List<AgentCaller> chargedCallers(AgentSite site, List<AgentCaller> callers, ApplicationCode application) {
        boolean inTheJdk = ApplicationCode.isRuntime(site.className());
        return callers.stream().filter(c -> inTheJdk || application.contains(c.className())).toList();
    }

    /** The line, the library method it called, the site inside the library, the mechanism there. */
    static List<String> chain(SiteKey line, AgentCaller caller, AgentSite site) {
        List<String> chain = new ArrayList<>();
        chain.add(line.toString());
        String siteMethod = site.className() + "." + site.methodName();
        if (!caller.via().isBlank() && !caller.via().equals(siteMethod)) {
            chain.add(caller.via());
        }
        chain.add(siteMethod + ":" + site.line());
        chain.add(mechanism(site));
        return chain;
    }

    /** The primitive and, where counted, what happened there: {@code ...compareAndSet: 31% CAS failed}. */
    static String mechanism(AgentSite s) {
        String primitive = s.primitive() == null ? s.kind() : s.primitive();
        List<String> seen = new ArrayList<>();
        if (s.casAttempts() > 0) {
            seen.add(percent(s.casFailures(), s.casAttempts()) + " CAS failed");
        }
        if (s.contended() > 0) {
            seen.add(percent(s.contended(), s.ops()) + " contended");
        }
        if (s.handoffChecks() > 0) {
            String across = s.lineHandoffs() > s.handoffs()
                    ? " (" + percent(s.lineHandoffs(), s.handoffChecks()) + " across sites)" : "";
            seen.add(percent(s.handoffs(), s.handoffChecks()) + " handoffs" + across);
        }
        if (s.parks() > 0) {
            seen.add(percent(s.parks(), s.ops()) + " parked");
        }
        return seen.isEmpty() ? primitive : primitive + ": " + String.join(", ", seen);
    }

    private static String percent(long part, long whole) {
        double p = 100.0 * part / Math.max(1, whole);
        return p > 0 && p < 1 ? String.format("%.1f%%", p) : String.format("%.0f%%", p);
    }
}
