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
 * A line the agent did not count, whose time goes to blocking the recording saw inside the JDK, gets the chain
 * from the line to the frame that blocked (issue 11, item 1): the shape of HttpServiceIT's response close, whose
 * time went to a monitor inside the JDK's HTTP server.
 */
class RecordedChainTest {
    private static final SiteKey LINE = new SiteKey("com.acme.Handler", "handle", 95);
    private static final String ADD_EVENT = "sun.net.httpserver.PlaceholderOutputStream.close -> "
            + "sun.net.httpserver.FixedLengthOutputStream.close -> sun.net.httpserver.ServerImpl.addEvent";
    private static final String LEFT_OVER = "sun.net.httpserver.PlaceholderOutputStream.close -> "
            + "sun.net.httpserver.LeftOverInputStream.close";

    private final SiteTable table = new SiteTable();

    private void cpu(int samples) {
        cpu("", samples);
    }

    private void cpu(String chain, int samples) {
        var charge = table.charge(new Attribution(LINE, chain, false));
        for (int i = 0; i < samples; i++) {
            charge.cpuSample(1, 1);
        }
        table.cpuTime(LINE, samples, 10e6, true);
    }

    private void monitorBlocks(String chain, int events, long nanos) {
        var charge = table.charge(new Attribution(LINE, chain, false));
        for (int i = 0; i < events; i++) {
            charge.monitorEnter(1 + i % 4, nanos);
        }
    }

    private Site line() {
        table.endJvm();
        RunInfo info = new RunInfo("jvm", "17", 2, 3.0, List.of("in"), List.of("jfr"), "t", "now", 3.0, 1, "one JVM");
        Report report = new ReportBuilder().build(table.all(), new RunContext(2, true, 3.0), info, new ArrayList<>());
        return report.sites().stream().filter(s -> s.line() == LINE.line()).findFirst().orElseThrow();
    }

    @Test
    void aLineThatMostlyBlocksInsideTheJdkChainsToTheFrameThatBlocked() {
        cpu(7);
        monitorBlocks(ADD_EVENT, 400, 750_000);
        monitorBlocks(LEFT_OVER, 22, 100_000);

        Site close = line();
        assertThat(close.tier()).isEqualTo(4);
        assertThat(close.chain()).containsExactly("com.acme.Handler.handle:95",
                "sun.net.httpserver.PlaceholderOutputStream.close", "sun.net.httpserver.FixedLengthOutputStream.close",
                "sun.net.httpserver.ServerImpl.addEvent: 400 blocking events, 750.0 us each");
    }

    /** CPU samples taken in the frames that then blocked are not blocking events: they change neither count nor mean. */
    @Test
    void samplesOnTheBlockingChainAreNotCountedAsItsEvents() {
        cpu(ADD_EVENT, 20);
        monitorBlocks(ADD_EVENT, 400, 750_000);

        assertThat(line().chain()).last().isEqualTo("sun.net.httpserver.ServerImpl.addEvent: 400 blocking events, 750.0 us each");
    }

    /** 290 samples and one 61 us block: the line runs, its block is in the evidence, not its chain. */
    @Test
    void aLineThatMostlyRunsGetsNoChainFromABlock() {
        cpu(290);
        monitorBlocks(ADD_EVENT, 1, 61_000);

        Site runs = line();
        assertThat(runs.evidence()).containsEntry("jfrMonitorEnterEvents", 1L);
        assertThat(runs.chain()).isNull();
    }
}
