package io.costlevel.analyzer.diff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@code --fail-on} rule: a condition on the diff that makes the command exit 3. Rules look only
 * at sites the text shows (not idle, not below --min-share) and only at changes beyond the noise: a
 * gate that fires on noise gets switched off.
 */
public sealed interface FailRule {
    /** How many sites a firing line names before it only counts the rest. */
    int NAMED_SITES = 5;

    /** The rule as the user wrote it. */
    String spelling();

    /** The sites that make it fire. */
    List<SiteChange> firing(Diff diff);

    /** @return one line saying why the rule fired, or empty when it did not */
    default Optional<String> check(Diff diff) {
        List<SiteChange> sites = firing(diff);
        if (sites.isEmpty()) {
            return Optional.empty();
        }
        String named = sites.stream().limit(NAMED_SITES).map(this::describe).collect(Collectors.joining(", "));
        String more = sites.size() > NAMED_SITES ? " and " + (sites.size() - NAMED_SITES) + " more" : "";
        return Optional.of(String.format("--fail-on %s fired: %d site%s: %s%s", spelling(), sites.size(),
                sites.size() == 1 ? "" : "s", named, more));
    }

    default String describe(SiteChange c) {
        SiteView now = c.now();
        return now.label() + (c.base() != null ? " L" + c.base().tier() + "->L" + now.tier() : " L" + now.tier());
    }

    private static List<SiteChange> shown(Diff diff, Predicate<SiteChange> condition) {
        return diff.changes().stream().filter(c -> !c.hidden() && c.now() != null).filter(condition).toList();
    }

    /** A matched site moved up a tier, with evidence behind the move. */
    record TierIncrease() implements FailRule {
        public String spelling() {
            return "tier-increase";
        }

        public List<SiteChange> firing(Diff diff) {
            return shown(diff, c -> c.change() == Change.TIER_UP && c.certain());
        }
    }

    /** A site only NEW has, at this tier or above, with counts beyond the noise of none. */
    record NewTierAtLeast(int tier) implements FailRule {
        public String spelling() {
            return "new-tier>=" + tier;
        }

        public List<SiteChange> firing(Diff diff) {
            return shown(diff, c -> c.change() == Change.NEW && c.certain() && c.now().tier() >= tier);
        }
    }

    /** Any site of NEW at this tier or above, whatever it was before. */
    record TierAtLeast(int tier) implements FailRule {
        public String spelling() {
            return "tier>=" + tier;
        }

        public List<SiteChange> firing(Diff diff) {
            return shown(diff, c -> c.now().tier() >= tier);
        }

        @Override
        public String describe(SiteChange c) {
            return c.now().label() + " L" + c.now().tier();
        }
    }

    /** A matched site's ns/op grew by more than this many percent, the growth confirmed by its evidence. */
    record NsPerOpGrowth(double percent) implements FailRule {
        public String spelling() {
            return "nsPerOp+" + (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
        }

        public List<SiteChange> firing(Diff diff) {
            return shown(diff, c -> c.nsPerOpConfirmed() && c.nsPerOpGrowth() != null && c.nsPerOpGrowth() * 100 > percent);
        }

        @Override
        public String describe(SiteChange c) {
            return String.format(Locale.ROOT, "%s %.3g -> %.3g ns/op (%+.0f%%)", c.now().label(), c.base().nsPerOp(),
                    c.now().nsPerOp(), 100 * c.nsPerOpGrowth());
        }
    }
}
