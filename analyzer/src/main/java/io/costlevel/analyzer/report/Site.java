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
 * @param tier         0..5, the concurrency cost level
 * @param confidence   "high", "medium" or "low": how directly the evidence shows the mechanism
 * @param nsPerOp      estimated cost of one operation at this site, or null when it cannot be estimated
 * @param opsPerSecond operations per second of wall time, or null when ops were not counted
 * @param shareOfTime  fraction (0..1) of the run's attributed time spent here
 * @param threads      distinct threads seen at the site
 * @param primitives   the primitives the time was spent in, outermost first
 *                     (e.g. "java.util.concurrent.ArrayBlockingQueue.put", "java.util.concurrent.locks.LockSupport.park")
 * @param evidence     the measured figures the tier was decided from (names documented in docs/report.md)
 * @param reasons      the rule decisions, in words, that gave the tier
 * @param advice       how to move this site down a tier, or null when it is already L0
 * @param pinning      virtual threads blocked here while pinned to their carrier (JDK 21+), or null
 */
public record Site(String className, String methodName, int line, String kind, int tier, String confidence,
                   Double nsPerOp, Double opsPerSecond, double shareOfTime, int threads,
                   List<String> primitives, Map<String, Object> evidence, List<String> reasons, Advice advice,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CarrierPinning pinning) {
    /** A site where no virtual thread was pinned. */
    public Site(String className, String methodName, int line, String kind, int tier, String confidence,
                Double nsPerOp, Double opsPerSecond, double shareOfTime, int threads,
                List<String> primitives, Map<String, Object> evidence, List<String> reasons, Advice advice) {
        this(className, methodName, line, kind, tier, confidence, nsPerOp, opsPerSecond, shareOfTime, threads,
                primitives, evidence, reasons, advice, null);
    }
}
