package io.costlevel.analyzer;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.attribution.Uncharged;
import io.costlevel.analyzer.input.NotInstrumented;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, items 3 and 4: what the report cannot speak for is named, with its share of the CPU samples. */
class CoverageTest {
    private final SiteTable table = new SiteTable();

    private void samples(String className, int line, long samples) {
        table.charge(new Attribution(new SiteKey(className, "run", line), "", false)).cpuSample(1, samples);
    }

    private void uncharged(Uncharged why, long samples) {
        table.charge(new Attribution(null, "", false, why)).cpuSample(2, samples);
    }

    @Test
    void aClassTheAgentLeftOutIsNamedWithItsShareOfTheChargedSamples() {
        samples("com.acme.Loop", 12, 300);
        samples("com.acme.Other", 5, 100);
        Coverage coverage = new Coverage(table,
                List.of(new NotInstrumented("com.acme.Loop", "onStack", List.of("run", "main"))), true, "com.acme.");
        assertThat(coverage.blindSpots()).singleElement().asString()
                .startsWith("com.acme.Loop was not instrumented: a thread stayed inside it (run, main)")
                .contains("75.0% of the CPU samples charged to application lines (300)");
        assertThat(coverage.warnings()).isEmpty();
    }

    @Test
    void mostlyCutStacksAreSaidOnStderrWithTheShareAndTheCause() {
        samples("com.acme.Loop", 12, 30);
        uncharged(Uncharged.CUT, 60);
        uncharged(Uncharged.NO_APPLICATION_FRAME, 10);
        uncharged(Uncharged.NO_JAVA, 500); // compiler and GC threads: not in the share either way
        Coverage coverage = new Coverage(table, List.of(), true, "com.acme.");
        assertThat(coverage.warnings()).singleElement().asString()
                .startsWith("70.0% of the Java threads' CPU samples (70 of 100) are charged to no application line")
                .contains("60.0% end in a marker such as [break_interpreted]");
        assertThat(coverage.blindSpots()).isEqualTo(coverage.warnings());
    }

    @Test
    void anIncludeThatMatchesNothingIsNamed() {
        uncharged(Uncharged.NO_APPLICATION_FRAME, 80);
        Coverage coverage = new Coverage(table, List.of(), true, "com.acmee.");
        assertThat(coverage.warnings()).singleElement().asString()
                .startsWith("100.0% of the Java threads' CPU samples (80 of 80)")
                .contains("the include (com.acmee.) matches no class on these stacks");
    }

    @Test
    void aRecordingWithoutSamplesOrSitesIsNotAnEmptyReportInSilence() {
        uncharged(Uncharged.NO_JAVA, 40);
        Coverage coverage = new Coverage(table, List.of(), true, "");
        assertThat(coverage.warnings()).singleElement().asString().startsWith("The recording holds no CPU sample of a Java thread");
    }

    @Test
    void aMostlyChargedRunSaysNothing() {
        samples("com.acme.Loop", 12, 60);
        uncharged(Uncharged.NO_APPLICATION_FRAME, 40);
        assertThat(new Coverage(table, List.of(), true, "").blindSpots()).isEmpty();
    }
}
