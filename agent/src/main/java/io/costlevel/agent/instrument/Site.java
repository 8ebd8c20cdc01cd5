package io.costlevel.agent.instrument;

/**
 * An application source location where a primitive is called: the unit everything is counted per.
 * Two calls of the same primitive on one line are one site.
 */
public record Site(String className, String methodName, String descriptor, int line, String primitive, String kind) {
    /** Where operations go once {@code maxSites} sites exist (site id 0). */
    public static final Site OVERFLOW = new Site("(overflow)", "(overflow)", "", -1, "(overflow)", "overflow");
}
