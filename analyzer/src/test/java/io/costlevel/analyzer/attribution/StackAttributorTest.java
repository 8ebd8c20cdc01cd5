package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackAttributorTest {
    private static final List<Frame> QUEUE_PUT = List.of(
            new Frame("jdk.internal.misc.Unsafe", "park", -1),
            new Frame("java.util.concurrent.locks.LockSupport", "park", 341),
            new Frame("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode", "block", 506),
            new Frame("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", "await", 1623),
            new Frame("java.util.concurrent.ArrayBlockingQueue", "put", 367),
            new Frame("com.acme.Producer", "send", 42),
            new Frame("com.acme.Producer", "run", 20),
            new Frame("java.lang.Thread", "run", 840));

    @Test
    void chargesTheFirstApplicationFrameAndKeepsTheChainOutermostFirst() {
        Attribution at = new StackAttributor(ApplicationCode.everythingButRuntime()).attribute(QUEUE_PUT);
        assertThat(at.site()).isEqualTo(new SiteKey("com.acme.Producer", "send", 42));
        assertThat(at.primitives()).startsWith("java.util.concurrent.ArrayBlockingQueue.put -> ")
                .endsWith(" -> jdk.internal.misc.Unsafe.park");
        assertThat(at.parkFrame()).isTrue();
    }

    /**
     * CompletableFuture.supplyAsync without an executor on 2 cores (the common pool's parallelism is 1): a thread per
     * task. The start sits deep in the chain, past what the chain keeps, and is still seen.
     */
    @Test
    void aThreadStartAboveTheLineIsSeenWhereverItIsInTheChain() {
        List<Frame> stack = List.of(
                new Frame("", "clone3", 0), new Frame("", "os::create_thread", 0), new Frame("", "JVM_StartThread", 0),
                new Frame("java.lang.Thread", "start0", -1), new Frame("java.lang.Thread", "start", 798),
                new Frame("java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor", "execute", 2794),
                new Frame("java.util.concurrent.CompletableFuture", "asyncSupplyStage", 1768),
                new Frame("java.util.concurrent.CompletableFuture", "supplyAsync", 1921),
                new Frame("com.acme.Shop$CfJoin", "op", 30));
        StackAttributor attributor = new StackAttributor(ApplicationCode.fromPrefixes("com.acme."));
        assertThat(attributor.attribute(stack).startsThread()).isTrue();
        assertThat(attributor.attribute(QUEUE_PUT).startsThread()).isFalse();
        // A thread start below the line (the line runs in the started thread) is not the line's.
        assertThat(attributor.attribute(List.of(new Frame("com.acme.Task", "run", 7),
                new Frame("java.lang.Thread", "run", 833))).startsThread()).isFalse();
    }

    @Test
    void includePrefixesDecideWhatIsApplication() {
        Attribution at = new StackAttributor(ApplicationCode.fromPrefixes("com.other.;org.shop.")).attribute(QUEUE_PUT);
        assertThat(at.site()).isNull();
    }

    @Test
    void libraryCodeOutsideTheIncludesIsChargedToTheCaller() {
        List<Frame> stack = List.of(
                new Frame("org.lib.Pool", "borrow", 10),
                new Frame("com.acme.Service", "handle", 99));
        Attribution at = new StackAttributor(ApplicationCode.fromPrefixes("com.acme.")).attribute(stack);
        assertThat(at.site()).isEqualTo(new SiteKey("com.acme.Service", "handle", 99));
        assertThat(at.primitives()).isEqualTo("org.lib.Pool.borrow");
        assertThat(at.parkFrame()).isFalse();
    }

    @Test
    void nativeFramesWithoutAClassAreNeverApplication() {
        List<Frame> stack = List.of(new Frame("", "__futex_wait", 0), new Frame("com.acme.Service", "handle", 5));
        Attribution at = new StackAttributor(ApplicationCode.everythingButRuntime()).attribute(stack);
        assertThat(at.site()).isEqualTo(new SiteKey("com.acme.Service", "handle", 5));
    }

    /**
     * UUID.randomUUID() at two threads (2026-12-06): a sample spinning in HotSpot's slow path of a contended
     * monitorenter names the JDK method that entered the monitor; the same stack running the mixing itself does not.
     */
    @Test
    void aSampleEnteringAContendedMonitorNamesTheMethodThatEnteredIt() {
        List<Frame> above = List.of(
                new Frame("sun.security.provider.NativePRNG$RandomIO", "implNextBytes", 543),
                new Frame("sun.security.provider.NativePRNG", "engineNextBytes", 223),
                new Frame("java.security.SecureRandom", "nextBytes", 758),
                new Frame("java.util.UUID", "randomUUID", 151),
                new Frame("com.acme.Requests", "newId", 12));
        List<Frame> spinning = new java.util.ArrayList<>(List.of(new Frame("", "SpinPause", 0),
                new Frame("", "ObjectMonitor::enter(JavaThread*)", 0), new Frame("", "ObjectSynchronizer::enter", 0),
                new Frame("", "SharedRuntime::complete_monitor_locking_C", 0), new Frame("", "_complete_monitor_locking_Java", 0),
                new Frame("sun.security.provider.SecureRandom", "engineNextBytes", 223)));
        spinning.addAll(above);
        StackAttributor attributor = new StackAttributor(ApplicationCode.fromPrefixes("com.acme."));
        Attribution at = attributor.attribute(spinning);
        assertThat(at.site()).isEqualTo(new SiteKey("com.acme.Requests", "newId", 12));
        assertThat(at.syncFrame()).isEqualTo("sun.security.provider.SecureRandom.engineNextBytes (a contended monitor)");
        List<Frame> mixing = new java.util.ArrayList<>(List.of(new Frame("sun.security.provider.SHA", "implCompress", 130)));
        mixing.addAll(above);
        assertThat(attributor.attribute(mixing).syncFrame()).isNull();
    }

    @Test
    void longChainsKeepTheirEntryAndTheInnermostPrimitive() {
        List<Frame> deep = new java.util.ArrayList<>();
        deep.add(new Frame("jdk.internal.misc.Unsafe", "park", -1));
        for (int i = 0; i < 10; i++) {
            deep.add(new Frame("java.util.concurrent.C" + i, "m", i));
        }
        deep.add(new Frame("com.acme.A", "a", 1));
        String chain = new StackAttributor(ApplicationCode.everythingButRuntime()).attribute(deep).primitives();
        assertThat(chain.split(" -> ")).hasSize(StackAttributor.MAX_CHAIN);
        assertThat(chain).startsWith("java.util.concurrent.C9.m").endsWith("jdk.internal.misc.Unsafe.park");
    }
}
