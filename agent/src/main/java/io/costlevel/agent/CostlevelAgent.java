package io.costlevel.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of the javaagent: hands off and swallows everything, so a failing agent never stops the application.
 */
public final class CostlevelAgent {
    private CostlevelAgent() {}

    public static void premain(String options, Instrumentation inst) {
        start(options, inst, false);
    }

    public static void agentmain(String options, Instrumentation inst) {
        start(options, inst, true);
    }

    private static void start(String options, Instrumentation inst, boolean attached) {
        try {
            AgentStartup.start(options, inst, attached);
        } catch (Throwable t) {
            System.err.println("costlevel: agent failed to start, application continues without it: " + t);
        }
    }
}
