package io.costlevel.agent.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.costlevel.agent.instrument.SiteTable;
import org.junit.jupiter.api.Test;

/** Issue 12: the probes' cost is measured on the agent's own sites, in bounded time, and only with room for them. */
class ProbeCostTest {
    @Test
    void measuresEachKindOnTheAgentsOwnSites() throws InterruptedException {
        SiteTable sites = new SiteTable(16);
        ProbeCost cost = ProbeCost.start(sites);
        long start = System.nanoTime();
        ProbeCost.Figures figures = cost.measure();
        // The warm-up and the measurement each wait at most the budget; a figure is a difference of two loops' cheapest
        // rounds, never negative (its size depends on the machine: docs/tiers.md has this host's).
        assertThat(System.nanoTime() - start).isLessThan(3 * ProbeCost.BUDGET_NANOS);
        assertThat(figures).isNotNull();
        for (double nanos : new double[] {figures.atomic(), figures.monitor(), figures.call(), figures.lock()}) {
            assertThat(nanos).isFinite().isGreaterThanOrEqualTo(0);
        }
        assertThat(sites.snapshot()).filteredOn(s -> s.isAgents()).extracting(s -> s.kind())
                .containsExactly("atomic", "monitor", "call", "lock");
    }

    @Test
    void aFullSiteTableLeavesItUnmeasured() {
        SiteTable full = new SiteTable(0);
        assertThat(ProbeCost.start(full)).isNull();
    }
}
