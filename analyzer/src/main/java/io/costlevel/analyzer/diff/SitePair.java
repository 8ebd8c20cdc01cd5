package io.costlevel.analyzer.diff;

/**
 * A site of BASE and its counterpart in NEW; either is null for a site only one run has.
 *
 * @param lineMoved matched by what the site does, not by its line (an edit above it moved it)
 */
public record SitePair(SiteView base, SiteView now, boolean lineMoved) {
    /** The NEW side when there is one: what the site is now. */
    public SiteView current() {
        return now != null ? now : base;
    }

    public boolean matched() {
        return base != null && now != null;
    }

    /** The larger of its two shares: a site that was hot in either run is not cold. */
    public double share() {
        return Math.max(base == null ? 0 : base.shareOfTime(), now == null ? 0 : now.shareOfTime());
    }

    public int tier() {
        return Math.max(base == null ? 0 : base.tier(), now == null ? 0 : now.tier());
    }
}
