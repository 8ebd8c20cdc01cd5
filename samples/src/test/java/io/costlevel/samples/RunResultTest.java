package io.costlevel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void nsPerOpIsThreadTimePerOp() {
        RunResult result = new RunResult(Sample.ATOMIC, 2, 1_000, 1_000, 8_000, true, 1_000, 8_000);

        assertThat(result.nsPerOp()).isEqualTo(16.0);
        assertThat(result.line())
                .isEqualTo("sample=atomic threads=2 ops=1000 count=1000 seconds=0.000 nsPerOp=16.0 cpuNsPerOp=NaN ok=true");
    }

    @Test
    void cpuTimePerOpLeavesOutTheWaitForACore() {
        RunResult result = new RunResult(Sample.ATOMIC, 8, 1_000, 1_000, 8_000, true, 1_000, 8_000, 16_000);

        assertThat(result.nsPerOp()).as("8 threads, 8 us: thread time").isEqualTo(64.0);
        assertThat(result.cpuNsPerOp()).as("16 us of CPU on the cores").isEqualTo(16.0);
        assertThat(result.line()).contains(" nsPerOp=64.0 cpuNsPerOp=16.0 ok=true");
    }

    @Test
    void costPerOpLeavesOutTheOpsBeforeEveryThreadTookPart() {
        RunResult result = new RunResult(Sample.SPINNING_TICKET, 8, 1_000_100, 1_000_100, 2_000_000_000L, true,
                100, 1_000_000_000L);

        assertThat(result.nsPerOp()).isEqualTo(80_000_000.0);
        assertThat(result.line()).contains(" ops=1000100 count=1000100 seconds=2.000 nsPerOp=80000000.0 ");
    }

    @Test
    void keepsTwoDecimalsBelowTenNanoseconds() {
        assertThat(new RunResult(Sample.THREAD_LOCAL, 1, 3, 3, 1, true, 3, 1).line()).contains(" nsPerOp=0.33 ");
    }

    @Test
    void noOpsMeansNoCostFigure() {
        RunResult result = new RunResult(Sample.SPINNING_TICKET, 8, 0, 0, 1_000_000_000L, true, 0, 1_000_000_000L);

        assertThat(result.line()).contains(" nsPerOp=NaN cpuNsPerOp=NaN ok=true");
    }

    @Test
    void notOkWhenTheCountDiffersOrAThreadDidNotEnd() {
        assertThat(new RunResult(Sample.CAS, 2, 10, 9, 1, true, 10, 1).ok()).isFalse();
        assertThat(new RunResult(Sample.CAS, 2, 10, 10, 1, false, 10, 1).ok()).isFalse();
    }
}
