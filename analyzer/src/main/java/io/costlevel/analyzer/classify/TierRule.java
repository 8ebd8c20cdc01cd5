package io.costlevel.analyzer.classify;

import java.util.Optional;

/**
 * One tier decision: stateless, reads only the site's facts, names its thresholds as constants and
 * says in its comment which level of the hierarchy it stands for and why.
 */
public interface TierRule {
    Optional<Verdict> judge(SiteFacts facts);
}
