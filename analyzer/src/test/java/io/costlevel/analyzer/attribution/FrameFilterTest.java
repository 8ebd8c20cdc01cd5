package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 7: lambda and hidden-class frames never name a site (their line is 0), the agent's own frames
 * never reach a chain, and a CPU sample taken inside the agent's probe is its own cost, charged to no site.
 */
class FrameFilterTest {
    private final StackAttributor attributor = new StackAttributor(ApplicationCode.everythingButRuntime());

    @Test
    void aLambdaFramePassedToAJdkMethodIsSkippedForTheLineThatCalledIt() {
        // map.computeIfAbsent(key, k -> new Lock()): the lambda's class has no line; the caller's line is the site.
        List<Frame> stack = List.of(
                new Frame("java.util.concurrent.locks.ReentrantLock", "<init>", 200),
                new Frame("com.acme.App$$Lambda$150.0x00007f8ae80c9af8", "apply", 0),
                new Frame("java.util.concurrent.ConcurrentHashMap", "computeIfAbsent", 1708),
                new Frame("com.acme.App", "lockFor", 31),
                new Frame("com.acme.App", "main", 12));
        Attribution at = attributor.attribute(stack);
        assertThat(at.site()).isEqualTo(new SiteKey("com.acme.App", "lockFor", 31));
        assertThat(at.primitives()).isEqualTo(
                "java.util.concurrent.ConcurrentHashMap.computeIfAbsent -> java.util.concurrent.locks.ReentrantLock.<init>");
    }

    @Test
    void aLambdaBodyIsItsOwnSiteAtTheLineThatWroteIt() {
        List<Frame> stack = List.of(
                new Frame("java.util.concurrent.atomic.AtomicLong", "incrementAndGet", 10),
                new Frame("com.acme.App", "lambda$main$0", 17),
                new Frame("com.acme.App$$Lambda/0x0000000800c03000", "run", 0),
                new Frame("java.lang.Thread", "run", 840));
        assertThat(attributor.attribute(stack).site()).isEqualTo(new SiteKey("com.acme.App", "lambda$main$0", 17));
    }

    @Test
    void hiddenClassNamesAreRecognisedInEveryForm() {
        assertThat(StackAttributor.isHidden("App$$Lambda$150.0x00007f8ae80c9af8")).isTrue();
        assertThat(StackAttributor.isHidden("App$$Lambda/0x0000000800c03000")).isTrue();
        assertThat(StackAttributor.isHidden("com.acme.Proxy.0x00000008000a1234")).isTrue();
        assertThat(StackAttributor.isHidden("com.acme.App$Inner")).isFalse();
        assertThat(StackAttributor.isHidden("com.acme.v0x.Thing")).isFalse();
    }

    @Test
    void theAgentsFramesNeverReachTheChain() {
        List<Frame> stack = List.of(
                new Frame("jdk.internal.misc.Unsafe", "park", -1),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322),
                new Frame("io.costlevel.agent.bootstrap.Probes", "lock", 88),
                new Frame("com.acme.Cache", "put", 42));
        Attribution at = attributor.attribute(stack);
        assertThat(at.site()).isEqualTo(new SiteKey("com.acme.Cache", "put", 42));
        assertThat(at.primitives()).doesNotContain("io.costlevel.agent").startsWith("java.util.concurrent.locks.ReentrantLock.lock");
        assertThat(at.probe()).isFalse();
    }

    @Test
    void aSampleInsideTheProbeIsTheAgentsCostAndChargedNowhere() {
        List<Frame> stack = List.of(
                new Frame("", "__clock_gettime", 0),
                new Frame("io.costlevel.agent.bootstrap.ThreadCounters", "started", 71),
                new Frame("io.costlevel.agent.bootstrap.Probes", "synchronizedMethod", 134),
                new Frame("com.acme.Cache", "get", 40));
        Attribution at = attributor.attribute(stack);
        assertThat(at.probe()).isTrue();
        SiteTable table = new SiteTable();
        table.charge(at).cpuSample(1, 5);
        assertThat(table.all()).allMatch(t -> t.cpuSamples() == 0);
        assertThat(table.probeSamples()).isEqualTo(5);
    }
}
