package io.costlevel.analyzer.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What someone else might plant where {@code attach} looks for its agent (PlantedAgentIT): if it ever runs inside
 * the target JVM it leaves {@link #MARKER} in that JVM's working directory.
 */
public final class PlantedAgent {
    static final String MARKER = "planted-agent-ran";

    private PlantedAgent() {}

    public static void agentmain(String options) throws IOException {
        Files.writeString(Path.of(MARKER), "loaded with " + options);
    }
}
