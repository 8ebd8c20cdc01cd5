package io.costlevel.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Site ids, given out at transform time and bound into the instrumented code as constants. Id 0 is the overflow
 * site: once {@code maxSites} sites exist, new ones are counted there and reported as {@code droppedSites}.
 */
public final class SiteTable {
    static final int OVERFLOW_ID = 0;

    private final int maxSites;
    private final ConcurrentHashMap<Site, Integer> ids = new ConcurrentHashMap<>();
    /** Index = id; appended under the lock, read by the dumper through {@link #snapshot()}. */
    private final List<Site> sites = new ArrayList<>();
    private int dropped;

    public SiteTable(int maxSites) {
        this.maxSites = maxSites;
        sites.add(Site.OVERFLOW);
    }

    /** The id of a site, the same for the same site every time (retransformation keeps ids stable). */
    int idOf(Site site) {
        Integer id = ids.get(site);
        return id != null ? id : register(site);
    }

    private synchronized int register(Site site) {
        Integer id = ids.get(site);
        if (id != null) {
            return id;
        }
        int newId;
        if (sites.size() > maxSites) {
            newId = OVERFLOW_ID;
            dropped++;
        } else {
            newId = sites.size();
            sites.add(site);
        }
        ids.put(site, newId);
        return newId;
    }

    /**
     * A site of the agent's own code, of this kind (the probe-cost measurement's): counted like any other, left out
     * of the data file. Id 0 (the overflow site) when the table is full.
     */
    public int agentSite(String kind) {
        return idOf(new Site(Site.AGENT_CLASS, "measure", "()V", 0, kind, kind));
    }

    /** The sites by id, as they are now. */
    public synchronized List<Site> snapshot() {
        return new ArrayList<>(sites);
    }

    public synchronized int droppedSites() {
        return dropped;
    }
}
