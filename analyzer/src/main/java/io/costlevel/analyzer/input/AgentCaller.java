package io.costlevel.analyzer.input;

/**
 * An application line the agent found calling one of a library's sites (the site's {@code callers} in
 * costlevel-sites.json): the first application frame of a sampled stack, the library method it called
 * ({@code via}, empty when unknown) and how many of the agent's stack walks found it.
 */
public record AgentCaller(String className, String methodName, int line, String via, long walks) {
}
