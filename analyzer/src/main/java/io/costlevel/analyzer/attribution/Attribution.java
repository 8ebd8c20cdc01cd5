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
 * @param uncharged  why there is no site, {@link Uncharged#NOT} when there is one; {@link Uncharged#PROBE} when the
 *                   innermost Java frame is the agent's probe: a CPU sample there is the agent's own cost, which is
 *                   never charged to the application, even when the stack names a site
 * @param startsThread a frame above the site starts a thread ({@code java.lang.Thread.start}): the JVM creates it
 *                     (a clone, its stack mapped) and waits until it runs
 */
public record Attribution(SiteKey site, String primitives, boolean parkFrame, String syncFrame, Uncharged uncharged,
                          boolean startsThread) {
    public Attribution(SiteKey site, String primitives, boolean parkFrame, String syncFrame, Uncharged uncharged) {
        this(site, primitives, parkFrame, syncFrame, uncharged, false);
    }

    public Attribution(SiteKey site, String primitives, boolean parkFrame) {
        this(site, primitives, parkFrame, null, site == null ? Uncharged.NO_JAVA : Uncharged.NOT);
    }

    public Attribution(SiteKey site, String primitives, boolean parkFrame, Uncharged uncharged) {
        this(site, primitives, parkFrame, null, uncharged);
    }

    /** The innermost Java frame is the agent's probe. */
    public boolean probe() {
        return uncharged == Uncharged.PROBE;
    }
}
