package io.costlevel.analyzer.diff;

import java.util.List;
import java.util.Map;

/**
 * One site of a report as the diff reads it back from the report JSON: only what comparing needs,
 * with the optional fields' defaults filled in (docs/report.md). Evidence keeps its numbers only,
 * by name; a name missing reads as not measured.
 *
 * @param chain      the frames from the line to the mechanism without the line itself (report field
 *                   {@code chain}), else the site's primitives: what the site does, whatever its line
 * @param idle       waiting for work (report field {@code idle}): shown, never ranked or gated
 */
public record SiteView(String className, String methodName, int line, String kind, int tier,
                       Double nsPerOp, Double opsPerSecond, double shareOfTime, int threads,
                       List<String> chain, boolean idle, Map<String, Double> evidence) {

    /** The measured figure, or 0 when the report does not have it (the report leaves out zero counts). */
    public double figure(String name) {
        Double v = evidence.get(name);
        return v == null ? 0 : v;
    }

    public boolean has(String name) {
        return evidence.containsKey(name);
    }

    /** Same class and method: where a moved line may still be the same site. */
    boolean sameMethod(SiteView other) {
        return className.equals(other.className) && methodName.equals(other.methodName);
    }

    /** What the site does, independent of its line: its kind and the chain to the mechanism. */
    String doing() {
        return kind + " " + (chain.isEmpty() ? "" : chain.get(0));
    }

    /** {@code Cache.put:42}, the simple class name: short enough for one line of text. */
    public String label() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + methodName + (line >= 0 ? ":" + line : "");
    }
}
