package io.costlevel.analyzer.fuzz;

/** One damaged copy of a seed input, and what was done to it (printed when the analyzer mishandles it). */
record Mutation(String description, byte[] bytes) {
}
