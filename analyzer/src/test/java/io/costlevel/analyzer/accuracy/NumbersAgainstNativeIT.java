package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, items 2 and 6, against what the samples print themselves. Each case runs a sample twice in forked
 * JVMs: without the agent (native: the sample's own thread time per op, wall x threads / ops, as JMH reports it)
 * and under the agent. The report must say what the sample said: the sample's own sites ran on exactly the
 * threads it started (not twice as many), the site that draws or increments once per op counted the ops the
 * sample printed, and the sample's time in the report (its sites' running and contention time) per printed op
 * lies within 2x of the native range: from the native CPU time per op (the report's running time is time on a
 * core, without the wait for one that thread time includes when threads outnumber cores) to the native thread
 * time per op (which includes blocking). The time comparison is rerun up to {@link #ATTEMPTS} times:
 * the machine is shared and two runs a few seconds apart can see different load. Where the run under the agent timed
 * itself (the sample prints its own figures there too) more than 2x away from the native run, the two runs did not do
 * the same thing (threads outnumbering cores: who holds the lock when the scheduler switches), and the report is held
 * to the run's own figures, within 2x likewise.
 */
class NumbersAgainstNativeIT {
    static final int CORES = SampleLadderIT.CORES;
    static final int ATTEMPTS = 3;
    static final double SECONDS = 1.0;

    @TempDir
    Path work;

    /**
     * @param opLine the sample's line that runs once per counted op (the increment, or the ticket draw), and
     *               whether it may count a few more (a waiter that gives up at the end has drawn a ticket)
     */
    record Case(String sample, String sampleClass, int threads, int opLine, boolean exactOps) {
        @Override
        public String toString() {
            return sample + " x" + threads;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("atomic", "S03_AtomicCounter", CORES, lineOf("S03_AtomicCounter", "count.incrementAndGet()"), true),
                new Case("long-adder", "S10_LongAdderCounter", CORES, lineOf("S10_LongAdderCounter", "count.increment()"), true),
                new Case("blocking-ticket", "S06_BlockingTicketLockCounter", CORES,
                        lineOf("S06_BlockingTicketLockCounter", "lock.lock()"), false),
                new Case("spinning-ticket", "S07_SpinningTicketLockCounter", 4 * CORES,
                        lineOf("S07_SpinningTicketLockCounter", "nextTicket.getAndIncrement"), false))
                .map(Arguments::of);
    }

    /** The source line of the sample that holds {@code text}, so the test follows edits of the sample. */
    static int lineOf(String sampleClass, String text) {
        try {
            List<String> lines = Files.readAllLines(Path.of("../samples/src/main/java/io/costlevel/samples/" + sampleClass + ".java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text) && !lines.get(i).trim().startsWith("*")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(text + " not in " + sampleClass);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReportSaysWhatTheSamplePrinted(Case c) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cls = SampleUnderAgent.SAMPLES_PACKAGE + c.sampleClass();
        List<String> misses = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            NativeRun.Printed nativeRun = NativeRun.run(java, c.sample(), c.threads(), SECONDS,
                    work.resolve("native-" + attempt + ".log"));
            Path out = work.resolve("agent-" + attempt);
            Report report = SampleUnderAgent.run(java, c.sample(), c.threads(), SECONDS, out);
            NativeRun.Printed underAgent =
                    NativeRun.Printed.parse(SampleUnderAgent.read(out.resolveSibling(out.getFileName() + ".log")));
            List<Site> own = report.sites().stream().filter(s -> s.className().equals(cls)).toList();
            assertThat(own).as("%s: the sample's sites", c).isNotEmpty();

            // Threads: every site of the sample ran on at most the threads it started; the op line on all of them.
            assertThat(own).allSatisfy(s -> assertThat(s.threads()).as("%s %s:%d", c, s.methodName(), s.line())
                    .isLessThanOrEqualTo(underAgent.threads()));
            Site opSite = own.stream().filter(s -> s.line() == c.opLine()).findFirst().orElseThrow(
                    () -> new AssertionError(c + ": no site at line " + c.opLine() + " in " + own));
            assertThat(opSite.threads()).as("%s: threads at the op line", c).isEqualTo(underAgent.threads());
            long ops = ((Number) opSite.evidence().get("ops")).longValue();
            if (c.exactOps()) {
                assertThat(ops).as("%s: ops counted at the op line", c).isEqualTo(underAgent.ops());
            } else {
                assertThat(ops).as("%s: tickets drawn (waiters that gave up drew one too)", c)
                        .isBetween(underAgent.ops(), underAgent.ops() + underAgent.threads());
            }
            double wall = report.run().wallSeconds();
            assertThat(opSite.opsPerSecond()).as("%s: ops per second of wall time", c)
                    .isCloseTo(ops / wall, org.assertj.core.data.Percentage.withPercentage(0.5));

            // The sites of the sample's workers add up to no more than the workers' own time (issue 12, item 6:
            // ThreadTimeBound's group of threads); the margin is the recording's sampling error and the workers' start.
            double allTime = own.stream().mapToDouble(s -> nanos(s.evidence(), "runningNanos") + nanos(s.evidence(), "contentionNanos")
                    + nanos(s.evidence(), "unmountedNanos") + nanos(s.evidence(), "pinnedCarrierNanos")
                    + nanos(s.evidence(), "idleNanos") + nanos(s.evidence(), "ioWaitNanos")).sum();
            double workersNanos = underAgent.seconds() * 1e9 * underAgent.threads();
            System.out.printf("%s attempt %d: the sample's sites %.3f s, its workers' time %.3f s (%.2fx)%n", c, attempt,
                    allTime / 1e9, workersNanos / 1e9, allTime / workersNanos);
            // 0.63-1.08x in twenty runs of the four cases (2026-12-05, 2 cores, JDK 17 and 25): measured parts (samples, park events)
            // are not scaled, and the printed seconds leave out the workers' start.
            assertThat(allTime).as("%s: the sample's sites within its workers' time", c).isLessThanOrEqualTo(1.25 * workersNanos);
            double sampleNanos = own.stream().mapToDouble(s -> nanos(s.evidence(), "runningNanos") + nanos(s.evidence(), "contentionNanos")).sum();
            double reported = sampleNanos / underAgent.ops();
            double low = Math.min(nativeRun.cpuNanosPerOp(), nativeRun.threadNanosPerOp());
            double high = Math.max(nativeRun.cpuNanosPerOp(), nativeRun.threadNanosPerOp());
            String figures = String.format("%s attempt %d: report %.1f ns per op (%d ops, %.3f s of the sample's thread time), "
                    + "native %.1f ns CPU and %.1f ns thread time per op (%d ops in %.3f s), the run under the agent %.1f "
                    + "thread time, %.1f CPU", c, attempt, reported, underAgent.ops(), sampleNanos / 1e9,
                    nativeRun.cpuNanosPerOp(), nativeRun.threadNanosPerOp(), nativeRun.ops(), nativeRun.seconds(),
                    underAgent.threadNanosPerOp(), underAgent.cpuNanosPerOp());
            System.out.println(figures);
            if (reported >= low / 2 && reported <= high * 2) {
                return;
            }
            // Where the run under the agent timed itself more than 2x away from the native run, it was a different
            // run (a spinning ticket lock at 8 threads on 2 cores: 47 us to 12.5 ms of thread time per op natively,
            // 57 us to 2.8 ms under the agent, from one run to the next, JDK 25, 2026-12-05), and the report is held
            // to that run's own figures instead.
            double ownLow = Math.min(underAgent.cpuNanosPerOp(), underAgent.threadNanosPerOp());
            double ownHigh = Math.max(underAgent.cpuNanosPerOp(), underAgent.threadNanosPerOp());
            boolean differentRun = ownHigh < low / 2 || ownLow > high * 2;
            if (differentRun && reported >= ownLow / 2 && reported <= ownHigh * 2) {
                System.out.printf("%s attempt %d: judged against its own run, %.1f-%.1f ns per op, more than 2x away "
                        + "from the native %.1f-%.1f%n", c, attempt, ownLow, ownHigh, low, high);
                return;
            }
            misses.add(figures);
        }
        // Native and agent runs are seconds apart: on a machine loaded beyond its cores they do not see the same
        // machine, and the comparison says nothing (as the ladder's true-sharing cases, reported aborted).
        double load = MachineLoad.oneMinute();
        Assumptions.assumeFalse(load > CORES, String.format("machine too busy to compare with native (load %.1f on %d cores):%n%s",
                load, CORES, String.join("\n", misses)));
        throw new AssertionError("time per op not within 2x of native in any attempt (load " + load + "):\n"
                + String.join("\n", misses));
    }

    private static double nanos(Map<String, Object> evidence, String name) {
        Object v = evidence.get(name);
        return v == null ? 0 : ((Number) v).doubleValue();
    }
}
