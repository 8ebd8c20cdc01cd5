package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * The comparison of two reports: one model, three views (text, JSON, HTML).
 *
 * @param changes  every site of either run, the reported changes first, costliest first
 * @param minShare sites below this share in both runs are hidden
 * @param notes    what makes the two runs less comparable (other core counts, other evidence), in words
 */
public record Diff(ReportSide base, ReportSide now, List<SiteChange> changes, double minShare, List<String> notes) {
    /** Nothing reported: every shown site unchanged beyond the noise and no new or gone site at L2 and above that is beyond it. */
    public boolean noChange() {
        return reported().isEmpty();
    }

    /** The changes beyond the noise the text lists: shown sites, new or gone sites only from L2 up. */
    public List<SiteChange> reported() {
        return changes.stream().filter(Diff::isReported).toList();
    }

    /** Changes the text lists apart, as too thinly backed to tell: they make no verdict and fire no rule. */
    public List<SiteChange> uncertain() {
        return changes.stream().filter(Diff::isUncertain).toList();
    }

    static boolean isReported(SiteChange c) {
        return listed(c) && c.certain();
    }

    static boolean isUncertain(SiteChange c) {
        return listed(c) && !c.certain();
    }

    private static boolean listed(SiteChange c) {
        if (c.hidden() || c.change() == Change.UNCHANGED) {
            return false;
        }
        return switch (c.change()) {
            case NEW, GONE -> c.pair().current().tier() >= Differ.NEW_SITE_MIN_TIER;
            default -> true;
        };
    }

    public String test() {
        return String.format(java.util.Locale.ROOT, "a figure changed when |z| >= %.2f (two-sided p < 0.0001): "
                + "two-proportion z-test for CAS failures per attempt, handoffs per sampled op and a site's share of the CPU "
                + "samples of the sites both runs have; Poisson rate test for events per op, per spin wait and per second "
                + "of run; a change of tier or ns/op counts only with a figure of the op's cost behind it, a share only "
                + "with its CPU share and its CPU samples per second, a new or gone site only with a count beyond the noise of none", Noise.Z_CRITICAL);
    }
}
