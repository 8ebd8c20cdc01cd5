package io.costlevel.agent;

import java.lang.instrument.Instrumentation;

/** Entry point of the javaagent (placeholder until the agent issue lands). */
public final class CostlevelAgent {
    private CostlevelAgent() {}

    public static void premain(String options, Instrumentation inst) {}

    public static void agentmain(String options, Instrumentation inst) {}
}
