package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.input.AgentSite;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the agent counted in one method, for the lines of that method it counted nothing at: a wait loop that
 * polls with a plain read (an atomic's {@code get}) has no ops of its own, but the method's atomics say how many
 * times the method ran and whether its state is shared.
 *
 * @param ops               the most ops of any counted line of the method: how many times it ran
 * @param threadsInOneJvm   the most threads of one JVM at any of its counted lines
 * @param shared            a counted line of the method moves its line between cores (handoffs, failed CAS,
 *                          contended acquisitions, at their minimum evidence)
 * @param countedNsPerOp    what the counted lines cost per op of the method, summed (their measured latency)
 */
public record MethodOps(long ops, int threadsInOneJvm, boolean shared, double countedNsPerOp) {

    static String key(String className, String methodName) {
        return className + '#' + methodName;
    }

    /** Per method of the tallies, from its lines the agent counted. */
    public static Map<String, MethodOps> of(Collection<SiteTally> tallies) {
        Map<String, MethodOps> methods = new HashMap<>();
        for (SiteTally t : tallies) {
            AgentSite a = t.agent();
            if (a == null || a.ops() == 0) {
                continue;
            }
            boolean shared = MinimumEvidence.enoughChecks(a.handoffChecks()) && a.handoffs() * 10 >= a.handoffChecks()
                    || MinimumEvidence.enoughChecks(a.casAttempts()) && a.casFailures() * 1000 >= a.casAttempts()
                    || MinimumEvidence.enoughChecks(a.ops()) && a.contended() * 100 >= a.ops();
            double latency = Math.max(0, a.meanLatencyNanos());
            MethodOps line = new MethodOps(a.ops(), t.threadsInOneJvm(), shared, latency);
            methods.merge(key(t.site().className(), t.site().methodName()), line, MethodOps::plus);
        }
        return methods;
    }

    private MethodOps plus(MethodOps o) {
        return new MethodOps(Math.max(ops, o.ops), Math.max(threadsInOneJvm, o.threadsInOneJvm), shared || o.shared,
                countedNsPerOp + o.countedNsPerOp);
    }
}
