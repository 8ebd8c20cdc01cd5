package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * A --fail-on rule checked against a diff.
 *
 * @param rule    as the user wrote it
 * @param message the line printed when it fired, null when it did not
 */
public record RuleOutcome(String rule, String message) {
    public boolean fired() {
        return message != null;
    }

    public static List<RuleOutcome> check(List<FailRule> rules, Diff diff) {
        return rules.stream().map(r -> new RuleOutcome(r.spelling(), r.check(diff).orElse(null))).toList();
    }
}
