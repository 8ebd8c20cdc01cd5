package io.costlevel.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.costlevel.analyzer.classify.CarrierPinning;

import java.util.List;
import java.util.Map;

/**
 * One application source location and the tier it lives in.
 *
 * @param className    binary name of the application class
 * @param methodName   method name
 * @param line         source line, -1 when unknown
 * @param kind         what is done there: atomic, monitor, lock, park, wait, yield, sleep, spin, cpu, ...
 * @param tier         0..5, the concurrency cost level: where most of the site's time goes
 * @param confidence   "high", "medium" or "low": how directly the evidence shows the mechanism
 * @param nsPerOp      the site's thread time over its ops, or null when it has no ops ({@code nsPerOpNote} says why)
 * @param opsPerSecond operations per second of the run's wall time, or null when ops were not counted
 * @param shareOfTime  fraction (0..1) of all ranked sites' tiered thread time spent here (0 for an idle site)
 * @param threads      distinct threads that ran the site (summed over JVMs)
 * @param primitives   the primitives the time was spent in, outermost first
 *                     (e.g. "java.util.concurrent.ArrayBlockingQueue.put", "java.util.concurrent.locks.LockSupport.park")
 * @param evidence     the measured figures the tier was decided from (names documented in docs/report.md)
 * @param reasons      the rule decisions, in words, that gave the tier
 * @param advice       how to move this site down a tier, or null when it is already L0 or idle
 * @param timeByTier   the site's tiered time split by tier ("1" -> 0.71, "4" -> 0.29), fractions summing to 1;
 *                     empty when no time was measured
 * @param idle         most of the site's time is waiting for work or I/O: shown apart, not ranked
 * @param waitKind     "idle" or "I/O wait" when the site waited that way at all, else null
 * @param nsPerOpNote  why {@code nsPerOp} is null, else null
 * @param chain        from this line to the mechanism when it lies inside a library or the JDK
 *                     ("com.acme.Shop.price:88", "java.util.Random.nextInt: 62% handoffs"), or null
 * @param pinning      virtual threads blocked here while pinned to their carrier (JDK 21+), or null
 */
public record Site(String className, String methodName, int line, String kind, int tier, String confidence,
                   Double nsPerOp, Double opsPerSecond, double shareOfTime, int threads,
                   List<String> primitives, Map<String, Object> evidence, List<String> reasons, Advice advice,
                   Map<String, Double> timeByTier, boolean idle, String waitKind, String nsPerOpNote,
                   List<String> chain, @JsonInclude(JsonInclude.Include.NON_NULL) CarrierPinning pinning) {
    /** A site with no chain where no virtual thread was pinned. */
    public Site(String className, String methodName, int line, String kind, int tier, String confidence,
                Double nsPerOp, Double opsPerSecond, double shareOfTime, int threads,
                List<String> primitives, Map<String, Object> evidence, List<String> reasons, Advice advice,
                Map<String, Double> timeByTier, boolean idle, String waitKind, String nsPerOpNote) {
        this(className, methodName, line, kind, tier, confidence, nsPerOp, opsPerSecond, shareOfTime, threads,
                primitives, evidence, reasons, advice, timeByTier, idle, waitKind, nsPerOpNote, null, null);
    }
}
