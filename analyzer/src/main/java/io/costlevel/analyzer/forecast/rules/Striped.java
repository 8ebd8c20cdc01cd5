package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.SitePoint;

import java.util.List;

/** Striped state: a counter each thread adds to a cell of its own, which the agent does not check for handoffs. */
final class Striped {
    private static final List<String> STRIPED_CLASSES = List.of(
            "java.util.concurrent.atomic.LongAdder", "java.util.concurrent.atomic.DoubleAdder",
            "java.util.concurrent.atomic.LongAccumulator", "java.util.concurrent.atomic.DoubleAccumulator",
            "java.util.concurrent.atomic.Striped64");

    private Striped() {}

    static boolean is(SitePoint point) {
        return point.site().primitives() != null && point.site().primitives().stream()
                .anyMatch(p -> STRIPED_CLASSES.stream().anyMatch(p::startsWith));
    }
}
