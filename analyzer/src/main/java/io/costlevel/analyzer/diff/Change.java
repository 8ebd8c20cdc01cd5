package io.costlevel.analyzer.diff;

/** What happened to a site between BASE and NEW, in the order the text lists them (costliest news first). */
public enum Change {
    TIER_UP("tier-up", "Moved up a tier"),
    NEW("new", "New sites"),
    COSTLIER("costlier", "Costlier beyond the noise"),
    IMPROVED("improved", "Improved"),
    GONE("gone", "Gone"),
    UNCHANGED("unchanged", "Unchanged");

    private final String id;
    private final String heading;

    Change(String id, String heading) {
        this.id = id;
        this.heading = heading;
    }

    /** Its name in the diff JSON. */
    public String id() {
        return id;
    }

    public String heading() {
        return heading;
    }
}
