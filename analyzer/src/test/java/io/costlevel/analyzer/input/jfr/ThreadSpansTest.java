package io.costlevel.analyzer.input.jfr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadSpansTest {
    /** The spans of the threads seen at an application site, added up. */
    private static double total(ThreadSpans spans, long ticksPerSec) {
        return spans.spansByThreadKey(0, ticksPerSec).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void onlyThreadsSeenAtASiteCountEachFromItsFirstEventToTheEndOfItsLast() {
        ThreadSpans spans = new ThreadSpans();
        int worker = spans.slotOf(7);
        spans.extend(worker, 100, 100);
        spans.extend(spans.slotOf(9), 0, 5_000); // a compiler thread: no application frame
        spans.extend(spans.slotOf(7), 400, 900); // a park from 400 to 900
        spans.markAtSite(spans.slotOf(7));
        assertThat(spans.atSite(spans.slotOf(9))).isFalse();
        assertThat(total(spans, 1_000_000_000L)).as("800 ticks of 1 ns").isEqualTo(800);
        assertThat(total(spans, 0)).isZero();
    }

    @Test
    void thousandsOfThreadsKeepTheirSpansAcrossTheTableGrowing() {
        ThreadSpans spans = new ThreadSpans();
        for (int tid = 1; tid <= 5_000; tid++) {
            int slot = spans.slotOf(tid * 31);
            spans.extend(slot, tid, tid + 10);
            spans.markAtSite(slot);
        }
        for (int tid = 1; tid <= 5_000; tid++) {
            spans.extend(spans.slotOf(tid * 31), tid + 20, tid + 20);
        }
        assertThat(total(spans, 1_000_000_000L)).as("5,000 threads, 20 ticks each").isEqualTo(100_000);
    }

    /**
     * A recording merged from the JDK's chunks and async-profiler's names each worker twice, by its JFR id and by its
     * OS id, both with its Java thread id (CI, JDK 25: two workers of a one-second run had 3.8 s added up).
     */
    @Test
    void aThreadNamedByTwoIdsIsOneThread() {
        ThreadSpans spans = new ThreadSpans();
        long[][] seen = {{32, 32}, {33, 33}, {40_001, 32}, {40_002, 33}, {50, 0}}; // {id in the recording, Java thread id}
        for (long[] thread : seen) {
            int slot = spans.slotOf((int) thread[0]);
            spans.extend(slot, 0, 1_000);
            spans.markAtSite(slot);
            if (thread[1] != 0) {
                spans.javaThread(slot, thread[1]);
            }
        }
        java.util.Map<Long, Long> same = spans.sameThreadByKey(1L << 32);
        assertThat(same).hasSize(2);
        long jfrId = (1L << 32) | 32;
        long osId = (1L << 32) | 40_001;
        assertThat(Long.valueOf(osId).equals(same.get(jfrId)) || Long.valueOf(jfrId).equals(same.get(osId))).as("%s", same).isTrue();
        java.util.Map<Long, Double> byKey = spans.spansByThreadKey(1L << 32, 1_000_000_000L);
        assertThat(new io.costlevel.analyzer.classify.ThreadTime(byKey, same, java.util.Map.of()).nanos())
                .as("three threads of 1,000 ns, not five").isEqualTo(3_000);
    }
}
