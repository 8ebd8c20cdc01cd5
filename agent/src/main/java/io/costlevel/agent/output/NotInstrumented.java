package io.costlevel.agent.output;

import java.util.List;

/**
 * An application class the agent meant to instrument and did not, so its silence in the data is no evidence of
 * anything: {@code reason} is {@link #ON_STACK} or {@link #FAILED}; {@code methods} are the methods of the class
 * that were running when it was left out (empty when none were).
 */
public record NotInstrumented(String className, String reason, List<String> methods) {
    /**
     * A thread was inside one of its methods at every check while attaching: retransforming it would have left
     * that call on an old version of the method, which HotSpot never compiles again (interpreted until it returns).
     */
    public static final String ON_STACK = "onStack";
    /** The JVM refused to retransform it (the agent's stderr line says why). */
    public static final String FAILED = "retransformFailed";
}
