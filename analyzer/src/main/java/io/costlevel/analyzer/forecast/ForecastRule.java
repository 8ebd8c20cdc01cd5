package io.costlevel.analyzer.forecast;

/** One mechanism and how it moves a site's tier with threads and cores; null when the mechanism is not at the site. */
public interface ForecastRule {
    Move forecast(SiteHistory site, Target target);

    /** high when today's run was in the target's regime (both past threads = cores or both within it), else medium. */
    static String sameRegime(SitePoint today, Target target) {
        if (!today.hasAgent()) {
            return Move.LOW;
        }
        return today.oversubscribed() == target.oversubscribed() ? Move.HIGH : Move.MEDIUM;
    }
}
