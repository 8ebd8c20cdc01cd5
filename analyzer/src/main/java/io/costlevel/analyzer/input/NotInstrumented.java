package io.costlevel.analyzer.input;

import java.util.List;

/**
 * An application class the agent left without instrumentation (agent data {@code agent.notInstrumented}): its
 * atomics, locks and waits are not counted, so the absence of counts there is no evidence.
 *
 * @param className the class, binary name ({@code com.acme.Worker$Loop})
 * @param reason    {@code onStack}: a thread stayed inside it while attaching; {@code retransformFailed}: the JVM
 *                  refused
 * @param methods   its methods that were running when it was left out
 */
public record NotInstrumented(String className, String reason, List<String> methods) {
    public String why() {
        return switch (reason) {
            case "onStack" -> "a thread stayed inside it (" + String.join(", ", methods) + ") through every check while"
                    + " attaching, and instrumenting it would have left that call interpreted until it returns";
            case "retransformFailed" -> "the JVM refused to retransform it";
            default -> reason;
        };
    }
}
