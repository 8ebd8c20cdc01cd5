package io.costlevel.analyzer.classify;

/**
 * A rule's decision for one site.
 *
 * @param tier       0..5
 * @param mechanism  what was seen
 * @param confidence "high" (mechanism counted and cost agrees), "medium" (one of the two), "low" (sampled, no agent)
 * @param reason     the decision in words, with the figures it rests on
 */
public record Verdict(int tier, Mechanism mechanism, String confidence, String reason) {
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";
}
