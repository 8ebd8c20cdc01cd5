package io.costlevel.agent;

import java.lang.instrument.Instrumentation;

import io.costlevel.agent.options.AgentOptions;
import io.costlevel.agent.options.BadOptionException;

/**
 * Validates the options and puts the probes into the boot class loader. Deliberately does not mention any
 * {@code io.costlevel.agent.bootstrap} class: none may be loaded (by the system loader) before the boot loader
 * can find them, or the application and the agent would count into two different copies.
 */
final class AgentStartup {
    private AgentStartup() {}

    static void start(String text, Instrumentation inst, boolean attached) throws Exception {
        AgentOptions options;
        try {
            options = AgentOptions.parse(text);
        } catch (BadOptionException bad) {
            System.err.println(bad.getMessage());
            return;
        }
        BootstrapClasses.install(inst);
        AgentRuntime.start(options, inst, attached);
    }
}
