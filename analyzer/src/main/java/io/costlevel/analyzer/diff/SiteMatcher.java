package io.costlevel.analyzer.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the sites of two reports. First by class, method and line; then, among what is left, a site
 * whose line moved: same class and method doing the same thing (same kind, same first frame towards
 * the mechanism), nearest lines first, so an edit above a site does not make it new. A site left
 * over on either side is new or gone.
 */
final class SiteMatcher {
    private SiteMatcher() {}

    static List<SitePair> match(List<SiteView> base, List<SiteView> now) {
        Map<String, SiteView> unmatchedBase = new LinkedHashMap<>();
        for (SiteView s : base) {
            unmatchedBase.putIfAbsent(exactKey(s), s);
        }
        List<SitePair> pairs = new ArrayList<>();
        List<SiteView> unmatchedNew = new ArrayList<>();
        for (SiteView s : now) {
            SiteView old = unmatchedBase.remove(exactKey(s));
            if (old != null) {
                pairs.add(new SitePair(old, s, false));
            } else {
                unmatchedNew.add(s);
            }
        }
        for (SitePair moved : movedLines(new ArrayList<>(unmatchedBase.values()), unmatchedNew)) {
            unmatchedBase.remove(exactKey(moved.base()));
            unmatchedNew.remove(moved.now());
            pairs.add(moved);
        }
        unmatchedNew.forEach(s -> pairs.add(new SitePair(null, s, false)));
        unmatchedBase.values().forEach(s -> pairs.add(new SitePair(s, null, false)));
        return pairs;
    }

    /** Candidate pairs of the same method doing the same thing, closest lines first; each site used once. */
    private static List<SitePair> movedLines(List<SiteView> base, List<SiteView> now) {
        record Candidate(SiteView base, SiteView now, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        for (SiteView b : base) {
            for (SiteView n : now) {
                if (b.sameMethod(n) && b.doing().equals(n.doing())) {
                    candidates.add(new Candidate(b, n, Math.abs(b.line() - n.line())));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance));
        List<SitePair> pairs = new ArrayList<>();
        List<SiteView> used = new ArrayList<>();
        for (Candidate c : candidates) {
            if (used.stream().noneMatch(u -> u == c.base() || u == c.now())) {
                used.add(c.base());
                used.add(c.now());
                pairs.add(new SitePair(c.base(), c.now(), true));
            }
        }
        return pairs;
    }

    private static String exactKey(SiteView s) {
        return s.className() + '\u0000' + s.methodName() + '\u0000' + s.line();
    }
}
