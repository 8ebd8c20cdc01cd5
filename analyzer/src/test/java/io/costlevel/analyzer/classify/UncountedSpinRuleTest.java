package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.ReportBuilder;
import io.costlevel.analyzer.report.RunInfo;
import io.costlevel.analyzer.report.Site;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 5: a wait loop without onSpinWait ({@code while (turn.get() != mine) {}}) has no ops of its own;
 * its CPU time per op of its method, far beyond the method's counted atomics, with more threads than cores and
 * no blocking, is a spin: L5; with a core for every thread, L2. Figures shaped like sample 12 on 2 cores.
 */
class UncountedSpinRuleTest {
    private static final String CLASS = "io.costlevel.samples.S12_PollingTicketLockCounter";

    /** The method's two atomics (ticket draw and turn advance) and the polling line's CPU samples. */
    private static Site pollingLine(int threads, long ops, double cpuSeconds, boolean blocked) {
        return line(threads, ops, cpuSeconds, blocked, "");
    }

    /** The same line, its CPU samples inside the calls of {@code chain} ("" for the line's own code). */
    private static Site line(int threads, long ops, double cpuSeconds, boolean blocked, String chain) {
        SiteTable table = new SiteTable();
        for (int line : new int[] {29, 34}) {
            table.addAgentSite(new AgentSite(CLASS, "increment", line, "atomic", "java.util.concurrent.atomic.AtomicLong.getAndIncrement",
                    ops, threads, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ops / 64, ops / 100, ops / 64, ops / 64 * 40,
                    io.costlevel.analyzer.input.VirtualShare.NONE,
                    AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED));
        }
        SiteKey poll = new SiteKey(CLASS, "increment", 30);
        var charge = table.charge(new Attribution(poll, chain, false));
        long samples = Math.round(cpuSeconds * 1e9 / 20e6);
        for (int t = 0; t < threads; t++) {
            charge.cpuSample(t, samples / threads);
        }
        table.cpuTime(poll, samples, 20e6, false);
        if (blocked) {
            table.charge(new Attribution(poll, "java.util.concurrent.locks.LockSupport.park", true)).park(1, 5_000_000);
        }
        RunContext run = new RunContext(2, true, 3.0);
        RunInfo info = new RunInfo("jvm", "17", 2, 3.0, List.of("in"), List.of("agent", "jfr"), "t", "now", 3.0, 1, "one JVM");
        Report report = new ReportBuilder().build(table.all(), run, info, new ArrayList<>());
        return report.sites().stream().filter(s -> s.line() == 30).findFirst().orElseThrow();
    }

    @Test
    void pollingWithMoreThreadsThanCoresIsACatastrophe() {
        // 8 threads on 2 cores: ~300 turns per second, the polling line takes nearly all of 2 cores for 3 s.
        Site site = pollingLine(8, 900, 5.5, false);
        assertThat(site.tier()).isEqualTo(Tiers.L5_CATASTROPHE);
        assertThat(site.reasons().get(0)).contains("inferred from CPU time");
        assertThat(site.nsPerOp()).as("CPU per op of the method: 5.5 s / 900 ops").isBetween(5e6, 7e6);
        assertThat(site.evidence()).containsEntry("methodOps", 900L);
    }

    @Test
    void pollingWithACoreForEveryThreadMovesTheLine() {
        // 2 threads on 2 cores, 1 M turns in 3 s, 2 us of polling per turn against 40 ns at each atomic: the
        // owner runs, the waiter polls a line it writes.
        Site site = pollingLine(2, 1_000_000, 2.0, false);
        assertThat(site.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        // Sample 12 itself at 2 threads: ~150 ns of polling per turn, comparable to its atomics' 80 ns: nothing
        // to tell it from work by CPU alone; its atomics are L2 by their handoffs.
        assertThat(pollingLine(2, 10_000_000, 1.6, false).tier()).isEqualTo(Tiers.L0_VANILLA);
    }

    @Test
    void aLineWhoseSamplesRunInACallThatIsNotAnAtomicsReadIsNotASpin() {
        assertThat(line(8, 900, 5.5, false, "java.util.concurrent.atomic.AtomicLong.get").tier())
                .as("polling through the atomic's get").isEqualTo(Tiers.L5_CATASTROPHE);
        // A handler's response write (JDK HttpServer, 2026-12-06): 3.6 us of CPU per request in a socket write, in a
        // method whose other lines the agent counted.
        assertThat(line(8, 900, 5.5, false, "sun.net.httpserver.FixedLengthOutputStream.write -> "
                + "sun.nio.ch.SocketChannelImpl.write").tier()).isEqualTo(Tiers.L0_VANILLA);
    }

    @Test
    void aLineThatBlocksOrThatTheAtomicsExplainIsNotASpin() {
        assertThat(pollingLine(8, 900, 5.5, true).tier()).isNotEqualTo(Tiers.L5_CATASTROPHE);
        // 10 M turns and 0.2 s of CPU on the line: 20 ns per op, what the atomics beside it cost.
        assertThat(pollingLine(2, 10_000_000, 0.2, false).tier()).isEqualTo(Tiers.L0_VANILLA);
    }
}
