package io.costlevel.analyzer.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --fail-on}: rules separated by commas (docs/user-guide.md lists them). */
public final class FailRules {
    private static final Pattern NEW_TIER = Pattern.compile("new-tier>=(\\d)");
    private static final Pattern TIER = Pattern.compile("tier>=(\\d)");
    private static final Pattern NS_PER_OP = Pattern.compile("(?i)nsPerOp\\+(\\d+(?:\\.\\d+)?)%");
    private static final String KNOWN = "tier-increase, new-tier>=N, tier>=N (N 0..5), nsPerOp+P%";

    private FailRules() {}

    /** @throws IllegalArgumentException naming the rule that is not one, and the rules there are */
    public static List<FailRule> parse(String spec) {
        List<FailRule> rules = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            rules.add(parseOne(part.strip()));
        }
        return List.copyOf(rules);
    }

    private static FailRule parseOne(String rule) {
        if (rule.equalsIgnoreCase("tier-increase")) {
            return new FailRule.TierIncrease();
        }
        Matcher m;
        if ((m = NEW_TIER.matcher(rule)).matches()) {
            return new FailRule.NewTierAtLeast(tier(m.group(1), rule));
        }
        if ((m = TIER.matcher(rule)).matches()) {
            return new FailRule.TierAtLeast(tier(m.group(1), rule));
        }
        if ((m = NS_PER_OP.matcher(rule)).matches()) {
            double percent = Double.parseDouble(m.group(1));
            if (percent <= 0) {
                throw new IllegalArgumentException("--fail-on " + rule + ": the growth must be above 0%");
            }
            return new FailRule.NsPerOpGrowth(percent);
        }
        throw new IllegalArgumentException("--fail-on: unknown rule '" + rule + "'; rules are " + KNOWN + ", separated by commas");
    }

    private static int tier(String digit, String rule) {
        int tier = Integer.parseInt(digit);
        if (tier > 5) {
            throw new IllegalArgumentException("--fail-on " + rule + ": tiers are 0..5");
        }
        return tier;
    }
}
