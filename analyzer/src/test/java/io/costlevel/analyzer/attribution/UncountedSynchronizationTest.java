package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import io.costlevel.analyzer.classify.Classifier;
import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;
import io.costlevel.analyzer.classify.rules.PlainCodeRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, item 4: silence is evidence only where the agent looked. */
class UncountedSynchronizationTest {
    private static final List<Frame> MERGE = List.of(
            new Frame("java.util.concurrent.ConcurrentHashMap", "putVal", 1020),
            new Frame("java.util.concurrent.ConcurrentHashMap", "merge", 2040),
            new Frame("org.lib.Counters", "add", 31),
            new Frame("com.acme.Shop", "sell", 12));
    private static final List<Frame> TLR_DRAW = List.of(
            new Frame("java.util.concurrent.ThreadLocalRandom", "next", 200),
            new Frame("java.util.Random", "nextInt", 400),
            new Frame("com.acme.Shop", "draw", 20));

    private static SiteTally sampled(List<Frame> stack, long samples) {
        SiteTable table = new SiteTable();
        Charge charge = table.charge(new StackAttributor(ApplicationCode.fromPrefixes("com.acme.")).attribute(stack));
        charge.cpuSample(1, samples);
        return table.all().get(0);
    }

    private static Verdict classify(SiteTally t) {
        return new Classifier().classify(new SiteFacts(t, new RunContext(2, true, 1.0))).orElseThrow();
    }

    @Test
    void cpuInsideUncountedSynchronizationIsNeverL0High() {
        SiteTally t = sampled(MERGE, 40);
        Verdict v = classify(t);
        assertThat(v.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(v.confidence()).isEqualTo(Verdict.LOW);
        assertThat(v.mechanism()).isEqualTo(Mechanism.UNCOUNTED_SYNC);
        assertThat(v.reason()).contains("java.util.concurrent.ConcurrentHashMap.merge");
        assertThat(UncountedSynchronization.blindSpots(List.of(t))).singleElement().asString()
                .startsWith("com.acme.Shop.sell:12: 40 of its 40 CPU samples ran inside java.util.concurrent.ConcurrentHashMap.merge");
    }

    @Test
    void aThreadLocalRandomDrawIsPlainCode() {
        // Random.nextInt runs for a ThreadLocalRandom too; only Random.next CASes a shared seed.
        SiteTally t = sampled(TLR_DRAW, 40);
        assertThat(classify(t).tier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(UncountedSynchronization.blindSpots(List.of(t))).isEmpty();
    }

    @Test
    void readingAnAtomicOrValidatingAnOptimisticReadIsPlainCode() {
        // A volatile read is a plain load on x86: a line reading its configuration through an AtomicReference is L0.
        SiteTally read = sampled(List.of(new Frame("java.util.concurrent.atomic.AtomicReference", "get", 100),
                new Frame("com.acme.Shop", "config", 30)), 40);
        assertThat(classify(read).tier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(UncountedSynchronization.blindSpots(List.of(read))).isEmpty();
        SiteTally validate = sampled(List.of(new Frame("java.util.concurrent.locks.StampedLock", "validate", 700),
                new Frame("com.acme.Shop", "price", 40)), 40);
        assertThat(classify(validate).tier()).isEqualTo(Tiers.L0_VANILLA);
        // A constructor takes no lock: a new StringBuffer's samples allocate its array.
        assertThat(classify(sampled(List.of(new Frame("java.lang.StringBuffer", "<init>", 100),
                new Frame("com.acme.Shop", "label", 12)), 40)).tier()).isEqualTo(Tiers.L0_VANILLA);
        // The read inside an update is the update's: updateAndGet is the outermost frame, and it CASes.
        SiteTally update = sampled(List.of(new Frame("java.util.concurrent.atomic.AtomicReference", "get", 100),
                new Frame("java.util.concurrent.atomic.AtomicReference", "updateAndGet", 200),
                new Frame("com.acme.Shop", "swap", 50)), 40);
        assertThat(classify(update).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    @Test
    void aLineThatBlocksTooRunsInItsUncountedSynchronization() {
        // A copy-on-write list's writers: samples in its add (an array copy under a lock) and monitor blocks there.
        SiteTable table = new SiteTable();
        Charge charge = table.charge(new StackAttributor(ApplicationCode.fromPrefixes("com.acme.")).attribute(List.of(
                new Frame("java.util.concurrent.CopyOnWriteArrayList", "add", 410), new Frame("com.acme.Shop", "watch", 60))));
        charge.cpuSample(1, 40);
        for (int i = 0; i < 10; i++) {
            charge.monitorEnter(1, 100_000);
        }
        SiteTally t = table.all().get(0);
        Verdict running = new PlainCodeRule().judge(new SiteFacts(t, new RunContext(2, true, 1.0))).orElseThrow();
        assertThat(running.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(running.mechanism()).isEqualTo(Mechanism.UNCOUNTED_SYNC);
        assertThat(running.reason()).contains("java.util.concurrent.CopyOnWriteArrayList.add, which the agent did not count");
    }

    /**
     * UUID.randomUUID() at two threads on 2 cores (2026-12-06: 468-474 ns per call natively, 156 at one thread): a
     * share of its samples spin in HotSpot's slow path of the JDK's synchronized SecureRandom, the rest mix the draw.
     * The threads fight over the monitor: L2 at least, low confidence, the method named. Spinning samples that are
     * a minority of the synchronizing ones (a copy-on-write add mostly copying) keep the lower bound.
     */
    @Test
    void samplesEnteringAContendedMonitorAreTrueSharing() {
        List<Frame> spinning = List.of(new Frame("", "SpinPause", 0), new Frame("", "ObjectMonitor::enter(JavaThread*)", 0),
                new Frame("", "_complete_monitor_locking_Java", 0),
                new Frame("sun.security.provider.SecureRandom", "engineNextBytes", 223),
                new Frame("java.util.UUID", "randomUUID", 151), new Frame("com.acme.Shop", "requestId", 70));
        SiteTable table = new SiteTable();
        StackAttributor attributor = new StackAttributor(ApplicationCode.fromPrefixes("com.acme."));
        table.charge(attributor.attribute(spinning)).cpuSample(1, 40);
        table.charge(attributor.attribute(List.of(new Frame("sun.security.provider.SHA", "implCompress", 130),
                new Frame("java.util.UUID", "randomUUID", 151), new Frame("com.acme.Shop", "requestId", 70)))).cpuSample(2, 160);
        SiteTally t = table.all().get(0);
        Verdict v = classify(t);
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.LOW);
        assertThat(v.reason()).startsWith("40 of 200 CPU samples were entering a monitor another thread held, in "
                + "sun.security.provider.SecureRandom.engineNextBytes (a contended monitor)");
        assertThat(UncountedSynchronization.contendedMonitorSamples(t)).isEqualTo(40);

        table = new SiteTable();
        table.charge(attributor.attribute(List.of(new Frame("java.util.concurrent.CopyOnWriteArrayList", "add", 410),
                new Frame("com.acme.Shop", "watch", 60)))).cpuSample(1, 40);
        table.charge(attributor.attribute(List.of(new Frame("", "ObjectMonitor::enter(JavaThread*)", 0),
                new Frame("java.util.concurrent.CopyOnWriteArrayList", "add", 410), new Frame("com.acme.Shop", "watch", 60))))
                .cpuSample(1, 5);
        SiteTally copying = table.all().get(0);
        assertThat(UncountedSynchronization.contendedMonitorSamples(copying)).isEqualTo(5);
        assertThat(classify(copying).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    @Test
    void aBufferTheAgentFoundConfinedToItsMethodIsPlainCode() {
        // The agent left `new StringBuffer().append(..)` as it was (its object never leaves the method: the JIT removes
        // its locks) and wrote the call as a confined site: the samples in StringBuffer.append are no blind spot.
        SiteTable table = new SiteTable();
        table.addAgentSite(new io.costlevel.analyzer.input.AgentSite("com.acme.Shop", "label", 70, "confined",
                "java.lang.StringBuffer.append", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                io.costlevel.analyzer.input.VirtualShare.NONE, io.costlevel.analyzer.input.AgentSite.NOT_COUNTED,
                io.costlevel.analyzer.input.AgentSite.NOT_COUNTED));
        table.charge(new StackAttributor(ApplicationCode.fromPrefixes("com.acme.")).attribute(List.of(
                new Frame("java.lang.StringBuffer", "append", 300), new Frame("com.acme.Shop", "label", 70))))
                .cpuSample(1, 40);
        SiteTally t = table.all().get(0);
        Verdict v = classify(t);
        assertThat(v.tier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(v.confidence()).isEqualTo(Verdict.HIGH);
        assertThat(v.reason()).contains("its calls on java.lang.StringBuffer are on an object this method made and keeps");
        assertThat(UncountedSynchronization.blindSpots(List.of(t))).isEmpty();
    }
}
