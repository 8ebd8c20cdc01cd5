package io.costlevel.analyzer.input;

import java.nio.file.Path;
import java.util.List;

/**
 * What one JVM left behind: the agent's per-site counters (when the agent ran) and its recordings.
 *
 * @param label      the input as the user gave it
 * @param agentSites costlevel-sites.json, or null for a plain recording
 * @param recordings JFR files of this JVM (costlevel.jfr, async-profiler.jfr, or a single given .jfr)
 */
public record RunInput(String label, Path agentSites, List<Path> recordings) {
}
