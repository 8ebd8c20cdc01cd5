package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.attribution.UncountedSynchronization;
import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Level 0, vanilla: hot code (CPU samples) where nothing synchronizes. With the agent running, its
 * silence at this line is evidence: it counts every atomic, lock and spin of application code. Without
 * the agent an atomic or a spin loop would look the same in the samples, so confidence is low. Where the samples
 * ran inside JDK synchronization the agent did not count, silence is no evidence: Level 1 at least, low confidence.
 */
public final class PlainCodeRule implements TierRule {
    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (f.cpuSamples() == 0) {
            return Optional.empty();
        }
        // Before the blocking test: a line whose samples run in uncounted synchronization and which blocks too (a
        // copy-on-write list's writers queue on its lock) runs L1 at least beside its blocks, not plain code.
        if (f.uncountedSync()) {
            // At least an atomic instruction runs there; whether its line moves or threads wait, nothing measured.
            return Optional.of(new Verdict(Tiers.L1_UNCONTENDED_ATOMIC, Mechanism.UNCOUNTED_SYNC, Verdict.LOW,
                    String.format("%d of %d CPU samples ran inside %s, which the agent did not count: at least an "
                                    + "atomic operation, possibly more (see the blind spots)", f.tally().syncCpuSamples(),
                            f.cpuSamples(), UncountedSynchronization.frames(f.tally()))));
        }
        if (f.synchronizes()) {
            return Optional.empty();
        }
        if (f.run().agentPresent() && !f.run().instrumented(f.tally().site().className())) {
            return Optional.of(new Verdict(Tiers.L0_VANILLA, Mechanism.UNSEEN_CPU, Verdict.LOW, String.format(
                    "%d CPU samples; the agent left this class uninstrumented, so an atomic or spin here would be invisible",
                    f.cpuSamples())));
        }
        if (f.run().agentPresent()) {
            return Optional.of(new Verdict(Tiers.L0_VANILLA, Mechanism.PLAIN_CPU, Verdict.HIGH,
                    String.format("%d CPU samples and no synchronization counted by the agent", f.cpuSamples())));
        }
        return Optional.of(new Verdict(Tiers.L0_VANILLA, Mechanism.UNSEEN_CPU, Verdict.LOW,
                String.format("%d CPU samples; without the agent an atomic or spin here would be invisible", f.cpuSamples())));
    }
}
