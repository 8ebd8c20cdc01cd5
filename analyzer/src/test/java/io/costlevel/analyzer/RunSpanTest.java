package io.costlevel.analyzer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 12, item 6: rates are over the union of the JVMs' wall time; side by side they add, one after another they average. */
class RunSpanTest {
    @Test
    void oneJvm() {
        RunSpan span = new RunSpan();
        span.addJvm(1_000, 3);
        assertThat(span.wallSeconds()).isEqualTo(3, within(1e-9));
        assertThat(span.arrangement()).isEqualTo(RunSpan.ONE_JVM);
    }

    @Test
    void jvmsSideBySideCoverTheWallTimeOnce() {
        RunSpan span = new RunSpan();
        span.addJvm(1_000, 3);
        span.addJvm(1_000.1, 3);
        assertThat(span.wallSeconds()).isEqualTo(3.1, within(1e-9));
        assertThat(span.arrangement()).isEqualTo(RunSpan.SIDE_BY_SIDE);
    }

    @Test
    void jvmsOneAfterAnotherCoverTheSumOfTheirTimes() {
        RunSpan span = new RunSpan();
        span.addJvm(1_000, 1);
        span.addJvm(1_002, 1);
        span.addJvm(1_004, 2);
        assertThat(span.wallSeconds()).isEqualTo(4, within(1e-9));
        assertThat(span.arrangement()).isEqualTo(RunSpan.ONE_AFTER_ANOTHER);
    }

    @Test
    void aSubsetOfJvmsCoversOnlyItsOwnTime() {
        RunSpan span = new RunSpan();
        span.addJvm(1_000, 1);
        span.addJvm(1_002, 1);
        span.addJvm(0, 3);
        java.util.BitSet second = new java.util.BitSet();
        second.set(1);
        assertThat(span.wallSeconds(second)).isEqualTo(1, within(1e-9));
        second.set(2);
        assertThat(span.wallSeconds(second)).isEqualTo(4, within(1e-9));
    }

    @Test
    void jvmsWithoutAStartAreLaidEndToEnd() {
        RunSpan span = new RunSpan();
        span.addJvm(0, 2);
        span.addJvm(0, 3);
        assertThat(span.wallSeconds()).isEqualTo(5, within(1e-9));
        assertThat(span.arrangement()).isEqualTo(RunSpan.ONE_AFTER_ANOTHER);
    }

    @Test
    void partlyOverlapping() {
        RunSpan span = new RunSpan();
        span.addJvm(1_000, 4);
        span.addJvm(1_002, 4);
        assertThat(span.wallSeconds()).isEqualTo(6, within(1e-9));
        assertThat(span.arrangement()).isEqualTo(RunSpan.PARTLY_OVERLAPPING);
    }
}
