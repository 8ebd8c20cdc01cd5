package io.costlevel.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The merge sums every column the probes write, also the ones placed after the columns the merge fills in itself
 * (threads, the virtual share): a column range that stopped at {@link Evidence#THREADS} would drop them silently.
 */
class MergedColumnsTest {
    /** Far above the sites other tests of this JVM use (and apart from VirtualThreadColumnsTest's). */
    private static final int SITE = 4100;

    @Test
    void everyProbeColumnIsSummedOverTheThreads() throws Exception {
        Runnable countEveryColumn = () -> {
            ThreadCounters counters = ThreadCounters.current();
            for (int column = 0; column < Evidence.WIDTH; column++) {
                if (Evidence.writtenByProbes(column)) {
                    counters.add(SITE, column, column + 1);
                }
            }
        };
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(countEveryColumn);
            thread.start();
            thread.join(10_000);
        }

        long[] merged = CounterRegistry.merge();
        int base = SITE * Evidence.WIDTH;
        for (int column = 0; column < Evidence.WIDTH; column++) {
            if (Evidence.writtenByProbes(column)) {
                assertThat(merged[base + column]).as(Evidence.name(column)).isEqualTo(2L * (column + 1));
            }
        }
        assertThat(Evidence.writtenByProbes(Evidence.SAME_LINE_CHECKS)).isTrue();
        assertThat(Evidence.writtenByProbes(Evidence.SHARED_LINE_CHECKS)).isTrue();
        assertThat(merged[base + Evidence.THREADS]).isEqualTo(2);
        assertThat(merged[base + Evidence.VIRTUAL_THREADS]).isZero();
    }
}
