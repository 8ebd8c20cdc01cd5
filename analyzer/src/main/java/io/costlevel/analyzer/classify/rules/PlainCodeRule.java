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
            long monitor = UncountedSynchronization.contendedMonitorSamples(f.tally());
            if (monitor * 2 >= f.tally().syncCpuSamples()) {
                // Threads spinning to enter a monitor another thread holds: its word moves between the cores.
                return Optional.of(new Verdict(Tiers.L2_TRUE_SHARING, Mechanism.UNCOUNTED_SYNC, Verdict.LOW, String.format(
                        "%d of %d CPU samples were entering a monitor another thread held, in %s%s: HotSpot's slow "
                                + "path spins on the monitor's word, which moves between the cores, then parks (see the "
                                + "blind spots)", monitor, f.cpuSamples(), UncountedSynchronization.frames(f.tally()),
                        f.run().agentPresent() ? ", which the agent did not count" : "")));
            }
            // At least an atomic instruction runs there; whether its line moves or threads wait, nothing measured.
            return Optional.of(new Verdict(Tiers.L1_UNCONTENDED_ATOMIC, Mechanism.UNCOUNTED_SYNC, Verdict.LOW,
                    String.format("%d of %d CPU samples ran inside %s, which the agent did not count: at least an "
                                    + "atomic operation, possibly more (see the blind spots)", f.tally().syncCpuSamples(),
                            f.cpuSamples(), UncountedSynchronization.frames(f.tally()))));
        }
        java.util.Set<String> confined = f.tally().confinedClasses();
        if (f.run().agentPresent() && !confined.isEmpty() && !f.counted()) {
            // The agent left these calls as they are: their object never leaves the method, so no other thread can
            // lock it and C2 removes its locks (a local StringBuffer's append and length: 0.5 ns natively).
            return Optional.of(new Verdict(Tiers.L0_VANILLA, Mechanism.PLAIN_CPU, Verdict.HIGH, String.format(
                    "%d CPU samples; its calls on %s are on an object this method made and keeps to itself: no other "
                            + "thread can reach it, and the JIT removes its locks (left uncounted)", f.cpuSamples(),
                    String.join(", ", confined))));
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
