package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.classify.Tiers;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed ladder (issue 5, item 7; docs/tiers.md), reproduced from evidence: each sample runs under
 * the agent in a forked JVM for one second and the analyzer must put the sample's costliest site in
 * the expected tier. Every site of every run must also have evidence consistent with its tier; the
 * combinations the issue names no tier for (every other sample at threads = cores and at 4x cores)
 * run too, for that check alone.
 *
 * <p>"threads = cores" only holds when the cores are free: on a shared machine another process can
 * take one, the two threads then take turns, and nothing moves between caches. A case that misses its
 * tier is therefore run again, up to {@link #ATTEMPTS} times, and fails only if no run shows it. A case
 * whose tier needs the threads to run at the same time (true sharing at threads = cores) and that
 * missed in every attempt while the machine's load was above its core count is reported as aborted
 * (machine too busy), not passed; so is one whose every attempt the sample, run beside it without the agent, cost
 * less than L2's floor per op ({@link #sharesCheaply}: the cores share their caches, and L1 is what they show).
 */
class SampleLadderIT {
    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int ATTEMPTS = 3;
    static final double SECONDS = 1.0;
    /** A sample's site below this share of the run's time is setup, not the sample's operation. */
    static final double MIN_SHARE_OF_TIME = 0.001;

    @TempDir
    Path work;

    record Case(String sample, String sampleClass, int threads, int minTier, int maxTier) {
        /** True sharing needs the threads on cores at the same time. */
        boolean needsFreeCores() {
            return minTier == 2 && threads <= CORES;
        }

        @Override
        public String toString() {
            return sample + " x" + threads + " -> L" + minTier + (maxTier == minTier ? "" : "..L" + maxTier);
        }
    }

    static Case exactly(String sample, String cls, int threads, int tier) {
        return new Case(sample, cls, threads, tier, tier);
    }

    static Case atLeast(String sample, String cls, int threads, int tier) {
        return new Case(sample, cls, threads, tier, 5);
    }

    static Case atMost(String sample, String cls, int threads, int tier) {
        return new Case(sample, cls, threads, 0, tier);
    }

    /** A combination the issue names no tier for: any tier, as long as its evidence is consistent with it. */
    static Case anyTier(String sample, String cls, int threads) {
        return new Case(sample, cls, threads, 0, 5);
    }

    /** JDK 17: the whole ladder the issue lists. */
    static Stream<Case> jdk17() {
        int cores = CORES;
        int oversubscribed = 4 * CORES;
        List<Case> cases = new ArrayList<>();
        for (String[] s : SAMPLES) {
            cases.add(s[0].equals("thread-local") ? exactly(s[0], s[1], 1, 0) : atMost(s[0], s[1], 1, 1));
        }
        cases.add(exactly("thread-local", "S11_ThreadLocalCounter", cores, 0));
        cases.add(exactly("long-adder", "S10_LongAdderCounter", cores, 1));
        cases.add(exactly("sharded", "S09_ShardedCounter", cores, 1));
        cases.add(exactly("atomic", "S03_AtomicCounter", cores, 2));
        cases.add(exactly("cas", "S04_CasCounter", cores, 2));
        cases.add(atLeast("yielding-ticket", "S05_YieldingTicketLockCounter", cores, 3));
        cases.add(exactly("blocking-ticket", "S06_BlockingTicketLockCounter", cores, 4));
        cases.add(exactly("spinning-ticket", "S07_SpinningTicketLockCounter", oversubscribed, 5));
        cases.add(exactly("blocking-ticket", "S06_BlockingTicketLockCounter", oversubscribed, 4));
        cases.add(exactly("cooperative-ticket", "S08_CooperativeSpinningTicketLockCounter", oversubscribed, 4));
        cases.add(exactly("thread-local", "S11_ThreadLocalCounter", oversubscribed, 0));
        // Issue 12, item 5: the spinning ticket lock without onSpinWait, found by its CPU time per op.
        cases.add(exactly("polling-ticket", "S12_PollingTicketLockCounter", cores, 2));
        cases.add(exactly("polling-ticket", "S12_PollingTicketLockCounter", oversubscribed, 5));
        for (String[] s : SAMPLES) {
            for (int threads : new int[] {cores, oversubscribed}) {
                boolean named = cases.stream().anyMatch(c -> c.sample().equals(s[0]) && c.threads() == threads);
                if (!named) {
                    cases.add(anyTier(s[0], s[1], threads));
                }
            }
        }
        return cases.stream();
    }

    /** JDK 25: one case per mechanism family, to show the agent and analyzer work there too. */
    static Stream<Case> jdk25() {
        return Stream.of(
                atMost("atomic", "S03_AtomicCounter", 1, 1),
                exactly("blocking-ticket", "S06_BlockingTicketLockCounter", CORES, 4),
                exactly("spinning-ticket", "S07_SpinningTicketLockCounter", 4 * CORES, 5),
                exactly("thread-local", "S11_ThreadLocalCounter", CORES, 0));
    }

    private static final String[][] SAMPLES = {
            {"synchronized", "S01_SynchronizedCounter"}, {"reentrant-lock", "S02_ReentrantLockCounter"},
            {"atomic", "S03_AtomicCounter"}, {"cas", "S04_CasCounter"},
            {"yielding-ticket", "S05_YieldingTicketLockCounter"}, {"blocking-ticket", "S06_BlockingTicketLockCounter"},
            {"spinning-ticket", "S07_SpinningTicketLockCounter"},
            {"cooperative-ticket", "S08_CooperativeSpinningTicketLockCounter"},
            {"sharded", "S09_ShardedCounter"}, {"long-adder", "S10_LongAdderCounter"},
            {"thread-local", "S11_ThreadLocalCounter"}, {"polling-ticket", "S12_PollingTicketLockCounter"}};

    @ParameterizedTest(name = "JDK 17: {0}")
    @MethodSource("jdk17")
    void jdk17(Case c) throws Exception {
        check(Path.of(System.getProperty("java.home"), "bin", "java"), c);
    }

    @ParameterizedTest(name = "JDK 25: {0}")
    @MethodSource("jdk25")
    void jdk25(Case c) throws Exception {
        String home = System.getProperty("costlevel.jdk25", "");
        Assumptions.assumeTrue(!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "java")),
                "no JDK 25 configured (costlevel.jdk25)");
        check(Path.of(home, "bin", "java"), c);
    }

    private void check(Path java, Case c) throws Exception {
        List<String> misses = new ArrayList<>();
        boolean cheapEveryTime = true;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Report report = SampleUnderAgent.run(java, c.sample(), c.threads(), SECONDS,
                    work.resolve(c.sample() + "-" + c.threads() + "-" + attempt));
            report.sites().forEach(EvidenceConsistency::assertConsistent);
            int tier = sampleTier(report, c);
            if (tier >= c.minTier() && tier <= c.maxTier()) {
                return;
            }
            misses.add("attempt " + attempt + ": L" + tier + " from " + describe(report, c));
            if (c.needsFreeCores()) {
                cheapEveryTime &= sharesCheaply(java, c.sample(), c.threads(),
                        work.resolve(c.sample() + "-" + c.threads() + "-native-" + attempt + ".log"), misses);
            }
        }
        assumeTrueSharing(c.needsFreeCores() && cheapEveryTime, c.toString(), misses);
        double load = MachineLoad.oneMinute();
        Assumptions.assumeFalse(c.needsFreeCores() && load > CORES, String.format(
                "machine too busy for %s (load %.1f on %d cores: the threads could not run at the same time):%n%s",
                c, load, CORES, String.join("\n", misses)));
        throw new AssertionError(c + " missed in every attempt (load " + load + "):\n" + String.join("\n", misses));
    }

    /**
     * The tier of the sample: the costliest tier among the sites of its own class (the runner's
     * waits for its workers are not the sample's) that take a share of the run's time: a call made
     * once per thread while setting up (the thread-local counter registering its slot in a
     * ConcurrentLinkedQueue, counted since issue 11) is not what the sample measures. A sample with no
     * synchronization (thread-local) has no such site of its own when its increment is inlined into
     * the runner's loop: then the run's hottest site, which must be that loop's CPU samples.
     */
    static int sampleTier(Report report, Case c) {
        String cls = SampleUnderAgent.SAMPLES_PACKAGE + c.sampleClass();
        List<Site> own = report.sites().stream()
                .filter(s -> s.className().equals(cls) || s.className().startsWith(cls + "$"))
                .filter(s -> s.shareOfTime() >= MIN_SHARE_OF_TIME)
                .toList();
        if (!own.isEmpty()) {
            return own.stream().mapToInt(Site::tier).max().orElseThrow();
        }
        return report.sites().stream()
                .filter(s -> s.kind().equals("cpu"))
                .findFirst()
                .map(Site::tier)
                .orElse(-1);
    }

    /**
     * Whether the sample at {@code threads} costs natively (no agent, its own thread time per op) less than L2's floor
     * on this machine, noted in {@code notes}. Two threads on an atomic only reach L2 when the line really crosses
     * between cores: vCPUs that share one core's caches (SMT siblings, as a host may place a 2-vCPU guest) hand it
     * over in a few ns (2026-12-04, the 2-vCPU CI host: the atomic sample natively 13.7-19.7 ns per op at two
     * threads, under the agent 8.1-8.6 ns with a handoff ratio of 57 %, L1), and L1 is then what the machine shows.
     */
    static boolean sharesCheaply(Path java, String sample, int threads, Path log, List<String> notes) throws Exception {
        NativeRun.Printed measured = NativeRun.run(java, sample, threads, SECONDS, log);
        double nanos = measured.threadNanosPerOp();
        notes.add(String.format("  natively: %.1f ns per op at %d threads (%d ops in %.2f s)", nanos, threads,
                measured.ops(), measured.seconds()));
        return nanos < Tiers.L2_FLOOR_NS;
    }

    /** Aborts (not passes) a true-sharing case whose every attempt ran, natively, below L2's floor. */
    static void assumeTrueSharing(boolean cheapEveryTime, String what, List<String> misses) {
        Assumptions.assumeFalse(cheapEveryTime, String.format("no true sharing on this machine for %s: natively below "
                + "L2's %.0f ns per op in every attempt (the threads' cores share their caches):%n%s", what,
                Tiers.L2_FLOOR_NS, String.join("\n", misses)));
    }

    static String describe(Report report, Case c) {
        StringBuilder b = new StringBuilder();
        report.sites().stream().limit(6).forEach(s -> b.append("\n    L").append(s.tier()).append(' ').append(s.kind())
                .append(' ').append(s.className()).append('.').append(s.methodName()).append(':').append(s.line())
                .append(' ').append(s.evidence()));
        return b.toString();
    }
}
