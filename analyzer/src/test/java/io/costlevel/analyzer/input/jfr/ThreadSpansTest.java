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
}
