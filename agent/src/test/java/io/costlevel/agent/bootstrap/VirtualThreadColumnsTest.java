package io.costlevel.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/**
 * The virtual-thread columns are filled in at the merge from each thread's kind (the hot path never looks at it):
 * a site used by a platform and a virtual thread reports both threads, and only the virtual one's ops and blocks in
 * the virtual columns. On JDK 17 the kind is always platform.
 */
class VirtualThreadColumnsTest {
    /** Far above the sites other tests of this JVM use, so their counts do not mix in. */
    private static final int SITE = 4000;

    @Test
    void platformThreadsAreNeverVirtual() {
        assertThat(ThreadCounters.current().virtual).isFalse();
    }

    @Test
    void aVirtualThreadsOpsAndBlocksGoToTheVirtualColumns() throws Throwable {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
        Runnable twoSleeps = () -> {
            for (int i = 0; i < 2; i++) {
                ThreadCounters counters = Probes.beforeBlocking(null, SITE);
                sleep();
                Probes.afterBlocking(counters, SITE, Evidence.SLEEPS);
            }
        };
        Thread platform = new Thread(twoSleeps);
        platform.start();
        platform.join(10_000);
        Thread virtual = virtualFactory().newThread(twoSleeps);
        virtual.start();
        virtual.join(10_000);
        assertThat(platform.isAlive() || virtual.isAlive()).isFalse();

        long[] merged = CounterRegistry.merge();
        int base = SITE * Evidence.WIDTH;
        assertThat(merged[base + Evidence.OPS]).isEqualTo(4);
        assertThat(merged[base + Evidence.SLEEPS]).isEqualTo(4);
        assertThat(merged[base + Evidence.THREADS]).isEqualTo(2);
        assertThat(merged[base + Evidence.VIRTUAL_THREADS]).isEqualTo(1);
        assertThat(merged[base + Evidence.VIRTUAL_OPS]).isEqualTo(2);
        assertThat(merged[base + Evidence.VIRTUAL_BLOCKS]).isEqualTo(2);
        assertThat(merged[base + Evidence.VIRTUAL_BLOCKED_NANOS])
                .isPositive().isLessThanOrEqualTo(merged[base + Evidence.SLEPT_NANOS]);
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thread.ofVirtual().factory(), through method handles: this test compiles for Java 17. */
    private static ThreadFactory virtualFactory() throws Throwable {
        Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Object ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder)).invoke();
        return (ThreadFactory) lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
                .invoke(ofVirtual);
    }
}
