package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.classify.RunContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line the agent did not count gets its kind from the recording: its commonest blocking event where blocking holds
 * most of its time, else cpu. Seen in CI (LibraryForecastIT, JDK 25): one park charged to a line of ThreadLocalRandom
 * draws, which runs all the time, made it a "park" site, and the forecast read it as a line that blocks.
 */
class RecordedSiteKindTest {
    private static final SiteKey LINE = new SiteKey("com.acme.Draws", "op", 95);

    /** {@code samples} CPU samples of 10 ms at the line, and {@code parks} parks of {@code parkNanos}, one thread. */
    private static Site line(int samples, int parks, long parkNanos) {
        SiteTable table = new SiteTable();
        var charge = table.charge(new Attribution(LINE, "", false));
        for (int i = 0; i < samples; i++) {
            charge.cpuSample(1, 1);
        }
        table.cpuTime(LINE, samples, 10e6, true);
        for (int i = 0; i < parks; i++) {
            charge.park(1, parkNanos);
        }
        table.endJvm();
        RunInfo info = new RunInfo("jvm", "25", 2, 3.0, List.of("in"), List.of("agent", "async-profiler"), "t", "now", 3.0, 1,
                "one JVM");
        Report report = new ReportBuilder().build(table.all(), new RunContext(2, true, 3.0), info, new ArrayList<>());
        return report.sites().stream().filter(s -> s.line() == LINE.line()).findFirst().orElseThrow();
    }

    @Test
    void aParkAmongMostlyRunningTimeLeavesTheLineACpuSite() {
        Site draws = line(290, 1, 61_000);
        assertThat(draws.kind()).isEqualTo("cpu");
        assertThat(draws.tier()).isZero();
        assertThat(draws.evidence()).containsEntry("jfrParkEvents", 1L); // the event is kept, as evidence
    }

    @Test
    void aLineWhoseTimeGoesToParksIsAParkSite() {
        Site waits = line(5, 40, 50_000_000);
        assertThat(waits.kind()).isEqualTo("park");
    }
}
