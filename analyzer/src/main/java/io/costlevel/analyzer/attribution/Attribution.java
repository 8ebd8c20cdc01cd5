package io.costlevel.analyzer.attribution;

/**
 * Where one stack is charged.
 *
 * @param site       the first application frame, or null when the stack holds no application code
 * @param primitives the runtime frames between that frame and the top of the stack, outermost first,
 *                   joined with " -> " (empty when the event happened in the application frame itself,
 *                   and when there is no site)
 * @param parkFrame  the top frame is the JVM's park primitive: tells a park event from a monitor
 *                   event, which the fast parser reports as one event class
 * @param syncFrame  the outermost frame above the site that synchronizes ({@link UncountedSynchronization}),
 *                   or null
 */
public record Attribution(SiteKey site, String primitives, boolean parkFrame, String syncFrame) {
    public Attribution(SiteKey site, String primitives, boolean parkFrame) {
        this(site, primitives, parkFrame, null);
    }
}
