package io.costlevel.agent.instrument;

/**
 * An application source location where a primitive is called: the unit everything is counted per.
 * Two calls of the same primitive on one line are one site.
 */
public record Site(String className, String methodName, String descriptor, int line, String primitive, String kind) {
    /** Where operations go once {@code maxSites} sites exist (site id 0). */
    public static final Site OVERFLOW = new Site("(overflow)", "(overflow)", "", -1, "(overflow)", "overflow");
    /** The class of the agent's own sites (its probe-cost measurement), which the data file leaves out. */
    public static final String AGENT_CLASS = "io.costlevel.agent.calibrate.ProbeCost";

    /** The kind of a call on an object its method made and keeps to itself: not instrumented, written out all the same. */
    public static final String CONFINED = "confined";

    public boolean isConfined() {
        return kind.equals(CONFINED);
    }

    /** A site of the agent's own, counted but never written out. */
    public boolean isAgents() {
        return className.equals(AGENT_CLASS);
    }
}
