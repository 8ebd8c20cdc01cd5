package io.costlevel.analyzer.forecast;

import java.util.Comparator;
import java.util.List;

/**
 * One application line across the inputs, fewest threads first: the last point is "today", the one
 * with the most threads, whose mechanisms the rules read; all of them feed the scalability fit.
 */
public record SiteHistory(String className, String methodName, int line, List<SitePoint> points) {
    public SiteHistory {
        points = points.stream().sorted(Comparator.comparingInt(SitePoint::runThreads)).toList();
    }

    public SitePoint today() {
        return points.get(points.size() - 1);
    }

    public String kind() {
        return today().site().kind();
    }

    public String name() {
        return className + "." + methodName + ":" + line;
    }
}
