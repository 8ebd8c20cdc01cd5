package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.input.jfr.Progress;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 5: the real-library workloads of {@code io.costlevel.workloads} (JDK concurrent classes,
 * HdrHistogram, Dropwizard metrics, Caffeine, HikariCP, java.util.logging), each run twice in a forked JVM at two threads:
 * without the agent, for its native cost, and with it ({@code include=io.costlevel.workloads.}, so the libraries
 * are not the application). The workload's application line must get the tier its mechanism and native cost give
 * (docs/tiers.md, "Real libraries"), and its measured ns/op must lie within 2x of the native one (issue 12; issue
 * 11 asked for 3x; see
 * {@link NativeCost}).
 *
 * <p>True sharing needs the two threads on two cores at once: a case expecting Level 2 that missed while the
 * machine's load was above its core count is reported as aborted (machine too busy), as in {@link SampleLadderIT};
 * so is a case whose tier was right but whose ns/op was not, on such a machine: a timed operation preempted
 * carries a share of a time slice in its latency.
 */
class LibraryWorkloadsIT {
    static final int THREADS = 2;
    static final double SECONDS = 1.5;
    static final int ATTEMPTS = 2;
    static final long TIMEOUT_SECONDS = 60;
    static final String PACKAGE = "io.costlevel.workloads.";
    private static final Pattern CALLS = Pattern.compile("\\bops=([0-9]+)");
    static final Pattern NATIVE = Pattern.compile("nsPerOp=([0-9.]+) cpuNsPerOp=([0-9.]+) blockedNsPerOp=([0-9.]+)");

    @TempDir
    Path work;

    /** The workload, the class whose lines are its application code, and the tier expected there (docs/tiers.md). */
    static Stream<Arguments> workloads() {
        return Stream.of(
                Arguments.of("shared-random", "SharedRandom", 2, "one Random's seed CASed by both cores"),
                Arguments.of("thread-local-random", "ThreadLocalRandomDraw", 0, "the seed is the thread's own field"),
                Arguments.of("chm-hot-key", "HotKeyMap", 2, "one bin's node written by both cores"),
                Arguments.of("chm-per-thread", "PerThreadMap", 1, "a map per thread: atomics on lines one core owns"),
                Arguments.of("legacy-formatter", "LegacyFormatter", 0, "a StringBuffer made and read in one call: no "
                        + "other thread can reach it, C2 removes its locks, and the agent leaves its calls as they are"),
                Arguments.of("status-counts", "StatusCounts", 2, "a map of 8 status counters: no key is hot, each "
                        + "key's node is written by both cores"),
                Arguments.of("synchronized-map", "SynchronizedMapWrites", 2,
                        "one monitor for every key of a Collections.synchronizedMap: its line moves between the cores"),
                Arguments.of("hdr-histogram", "SharedHistogram", 2, "the phaser's epoch counter and the counts array shared"),
                Arguments.of("metrics-meter", "SharedMeter", 1, "striped LongAdders: each thread updates its own cell"),
                Arguments.of("request-timer", "RequestTimer", 1, "Micrometer's Timer.record: adders each thread "
                        + "adds to in its own cell, and a maximum it only reads once set: as cheap at two threads as at one"),
                Arguments.of("shared-queue", "SharedQueue", 2, "the queue's locks and count move between the cores"
                        + " (L4 too where the threads park more than they run, by the native split)"),
                Arguments.of("jul-logging", "SharedLogger", 4, "threads park on the handler's lock (or L3, by the native split)"),
                Arguments.of("executor-round-trip", "ExecutorRoundTrip", 4, "the caller parks until a pool thread wakes it"),
                Arguments.of("inline-round-trip", "InlineRoundTrip", 4, "the same round trip as submit(task).get() on one "
                        + "line: two counted calls there, the get's waits judged on its own ops"),
                Arguments.of("scheduled-round-trip", "ScheduledRoundTrip", 4, "schedule(task, 0).get() on one line: "
                        + "the caller parks until the scheduler's thread, woken by the schedule, has run the task"),
                Arguments.of("virtual-round-trip", "VirtualRoundTrip", 4, "platform callers start a virtual thread per task "
                        + "and park until it wakes them, on one line (JDK 21+; L3 too by the native split: the start "
                        + "wakes a carrier)"),
                Arguments.of("phase-steps", "PhaseSteps", 2, "a Phaser rendezvous per op: each arrival CASes the "
                        + "phaser's state, and the first to arrive spins on it until the other's arrival moves it"),
                Arguments.of("pooled-buffers", "PooledBuffers", 4, "a pool of one buffer: a take waits while the other "
                        + "thread holds it (L2 too by the native split: the queue's lock and count move between the cores)"),
                Arguments.of("connection-pool", "ConnectionPool", 4, "HikariCP with one connection for two threads: "
                        + "a borrow parks until the other thread gives the connection back (L3 too by the native split: "
                        + "the pool hands it over with a yield per request)"),
                Arguments.of("async-supply", "AsyncSupply", 4, "the caller parks until the task's thread wakes it; on "
                        + "JDK 17 with a common pool of parallelism 1 that thread is started per task"),
                Arguments.of("request-ids", "RequestIds", 2, "UUID.randomUUID(): the JDK's one SecureRandom mixes each "
                        + "draw under a monitor both threads queue for"),
                Arguments.of("in-flight-requests", "InFlightRequests", 2, "add and remove on one "
                        + "Collections.synchronizedSet, through Set: the wrapper's one monitor moves between the cores, "
                        + "counted inside the JDK's wrapper"),
                Arguments.of("request-listeners", "RequestListeners", 2, "add and remove on one CopyOnWriteArrayList, "
                        + "through List: each copies the array under the list's one lock, which moves between the cores"),
                Arguments.of("guava-cache-hot-key", "HotKeyLoadingCache", 2, "Guava's cache records every read: the "
                        + "segment's recency queue and read count written by both cores, the queue drained by whichever "
                        + "thread wins the segment's lock"),
                Arguments.of("caffeine-hot-key", "HotKeyCache", 3, "one read in 760-3900 wakes the cache's maintenance "
                        + "thread (ForkJoinPool.execute, 1.3-8 us): 16-20 % of the readers' CPU, more than its atomics"));
    }

    /**
     * The tier of the running part of a workload whose threads block, where a native run can spend more time running
     * than blocked: the expected tier then comes from the native split ({@link MixedServiceIT#expectedTiers}), not
     * from one JDK's. java.util.logging's handler lock is a monitor on JDK 17 and a ReentrantLock on JDK 25; natively
     * (2 threads, 1.5 s, 2026-12-05) JDK 17 ran 23-32 us of CPU and 19-26 us blocked per call, JDK 25 9-12 us and
     * 6-9 us: every call waits once for the other's formatting, so one of them wakes the other per call (a futex wake,
     * L3) and the blocked share is 40-45 %, within 2x of the running one: L3 and L4 are both expected. The executor
     * round trip blocks 14-18 us per op against 5-6 us of CPU (both JDKs): L4 alone; written on one line 11.6-13.5
     * against 4.7-5.2 (2026-12-06, both JDKs); scheduled on a ScheduledThreadPoolExecutor and waited for through its
     * ScheduledFuture, 10.9-13.1 against 4.3-4.8 (JDK 25: 10.7-17.3 against 4.2-6.0). Handed to a virtual thread per task (JDK 25) it blocks 7.7-8.4 us per op
     * against 5.1-5.2 of CPU: within 2x, L3 (starting the virtual thread wakes a carrier) and L4. The shared queue's offer and poll
     * ran 224-270 ns of CPU and 15-21 ns blocked per op (2026-12-05, both JDKs; 22 ns of CPU at one thread), and in the
     * host's other mode 61-77 and 24-31: its running part, L2, in either. CompletableFuture.supplyAsync joined blocks
     * 159-163 us per op against 48-50 of CPU on JDK 17 (a thread started per task), 21-25 against 7 on JDK 25: L4.
     * The pooled buffers block 48-51 ns per op against 84-85 of CPU on JDK 17, 34-37 against 72-103 on JDK 25 (one
     * thread: 42.5 ns of CPU): within 2x, L2 (the pool's queue moving between the cores) and L4 (its takes). HikariCP's
     * pool of one connection for two threads runs 804-1131 ns of CPU and blocks 736-952 per request on JDK 17,
     * 1108-1863 and 961-1679 on JDK 25 (one thread: 260 ns of CPU): within 2x, L3 (ConcurrentBag.requite yields once
     * per request to hand the connection over) and L4 (the borrow parks in SynchronousQueue.poll).
     */
    static final Map<String, Integer> RUNNING_TIER_OF_BLOCKING = Map.of(
            "shared-queue", Tiers.L2_TRUE_SHARING,
            "jul-logging", Tiers.L3_SYSCALL,
            "executor-round-trip", Tiers.L3_SYSCALL,
            "inline-round-trip", Tiers.L3_SYSCALL,
            "scheduled-round-trip", Tiers.L3_SYSCALL,
            "virtual-round-trip", Tiers.L3_SYSCALL,
            "async-supply", Tiers.L3_SYSCALL,
            "pooled-buffers", Tiers.L2_TRUE_SHARING,
            "connection-pool", Tiers.L3_SYSCALL);

    /**
     * Workloads whose line with the most time holds all of the op's blocking but only part of its running time: the
     * pooled buffers block in the take, and run in the take, the formatting and the give-back. The op's native split
     * (JDK 25: 72-103 ns of CPU, 34-37 blocked) cannot tell the take line's, so both tiers are expected there: L4 where
     * it blocks more than it runs (the run under the agent on JDK 25 in CI, 2026-12-05: 0.95 s blocked, 0.70 s running
     * at the take line), L2 otherwise.
     */
    static final Set<String> BLOCKING_LINE_OF_SEVERAL = Set.of("pooled-buffers");

    /** The tiers expected of {@code workload} given its native cost. */
    static Set<Integer> expectedTiers(String workload, int tier, NativeCost cost) {
        Integer running = RUNNING_TIER_OF_BLOCKING.get(workload);
        if (running == null) {
            return Set.of(tier);
        }
        return BLOCKING_LINE_OF_SEVERAL.contains(workload) ? Set.of(running, Tiers.L4_CONTEXT_SWITCH)
                : MixedServiceIT.expectedTiers(Set.of(running), cost.cpuNsPerOp(), cost.blockedNsPerOp());
    }

    /**
     * Seconds each JVM runs the workload: Caffeine's read path is still being compiled after 1.5 s, more slowly
     * under the agent (its probes make the methods larger), which measured 2-5x the native CPU per read then and
     * 1.2-2x over 6 s (docs/tiers.md).
     */
    static double seconds(String workload) {
        return workload.equals("caffeine-hot-key") ? 4 : SECONDS;
    }

    /**
     * JDK 25: one workload per mechanism family the suite covers (plain, library atomics, JDK calls, blocking, the JDK's
     * own instrumented wrappers).
     */
    static Stream<Arguments> jdk25() {
        return workloads().filter(a -> List.of("thread-local-random", "legacy-formatter", "chm-per-thread", "metrics-meter",
                "executor-round-trip", "async-supply", "virtual-round-trip", "in-flight-requests").contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "JDK 17: {0} -> L{2}: {3}")
    @MethodSource("workloads")
    void classifiedAtTheApplicationLine(String workload, String appClass, int tier, String mechanism) throws Exception {
        Assumptions.assumeFalse(workload.equals("caffeine-hot-key") && Runtime.version().feature() > 17,
                "caffeine-hot-key's expected tier was measured on JDK 17 (ForkJoinPool.execute 1.3-8 us, L3); on JDK 25 "
                        + "the pool hands the drain over in 200-440 ns (CaffeineDrains, 8-12 % of the readers' CPU), at the "
                        + "L2/L3 boundary, so no tier follows from the mechanism there");
        Assumptions.assumeFalse(workload.equals("virtual-round-trip") && Runtime.version().feature() < 21,
                "virtual threads need JDK 21 or later: run on JDK 25 below");
        check(Path.of(System.getProperty("java.home"), "bin", "java"), workload, appClass, tier, mechanism);
    }

    @ParameterizedTest(name = "JDK 25: {0} -> L{2}: {3}")
    @MethodSource("jdk25")
    void classifiedOnJdk25(String workload, String appClass, int tier, String mechanism) throws Exception {
        String home = System.getProperty("costlevel.jdk25", "");
        Assumptions.assumeTrue(!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "java")),
                "no JDK 25 configured (costlevel.jdk25)");
        check(Path.of(home, "bin", "java"), workload, appClass, tier, mechanism);
    }

    private void check(Path java, String workload, String appClass, int tier, String mechanism) throws Exception {
        List<String> misses = new ArrayList<>();
        boolean tierRight = false;
        NativeCost previous = null;
        Set<Integer> expected = new TreeSet<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // The native range over every native run so far: two threads on this VM's two vCPUs settle in a fast or a
            // slow mode per run (synchronized-map: 91 or 189-204 ns per write), so a second attempt widens it.
            NativeCost measured = nativeCost(java, workload);
            NativeCost cost = previous == null ? measured : previous.widenedBy(measured);
            previous = cost;
            expected.addAll(expectedTiers(workload, tier, measured));
            Path out = work.resolve(workload + "-" + attempt + "-" + System.nanoTime());
            String underAgent = run(java, workload, List.of("-javaagent:" + SampleUnderAgent.jar("costlevel.agentJar")
                    + "=out=" + out + ",include=" + PACKAGE));
            long calls = calls(underAgent);
            NativeCost own = cost(underAgent);
            Report report = new Analysis(null, Progress.silent()).run(List.of(out));
            report.sites().forEach(EvidenceConsistency::assertConsistent);
            Site site = applicationSite(report, PACKAGE + appClass);
            String seen = "expected L" + expected + ", " + describe(report, site, cost, calls) + "\n    the run under the agent "
                    + "timed itself at " + own;
            // An idle line keeps the tier of how it waited: only a ranked one is classified right.
            if (site != null && !site.idle() && expected.contains(site.tier())) {
                tierRight = true;
                if (site.tier() > 0) {
                    assertThat(site.chain()).as("the chain from the line to the mechanism: %s", seen).isNotNull();
                }
                assertLibraryOpsSaid(site);
                assertThreadStartsSeen(java, workload, site);
                assertPoolSeen(workload, report);
                assertConfinedSeen(workload, report);
                assertRoundTripAdvised(workload, site);
                if (cost.agrees(site, calls)) {
                    System.out.printf("LibraryWorkloadsIT %s %s: %s%n", java, workload, seen.lines().findFirst().orElse(""));
                    return;
                }
                if (cost.inAnotherModeThan(own) && own.agrees(site, calls)) {
                    // The run itself took more than twice (or less than half) the native time per op, so no report of
                    // it could match the native figure: the report is held to the run's own timing instead, and the
                    // ratio is printed.
                    System.out.printf("LibraryWorkloadsIT %s %s: judged against its own run, whose %.1f ns of CPU per op "
                                    + "were %.1fx the native thread time (the run under the agent was in another mode): %s%n", java,
                            workload, own.cpuNsPerOp(), own.cpuNsPerOp() / cost.nsPerOp(), seen.lines().findFirst().orElse(""));
                    return;
                }
            }
            misses.add("attempt " + attempt + ": " + seen);
        }
        double load = MachineLoad.oneMinute();
        boolean busy = load > SampleLadderIT.CORES;
        Assumptions.assumeFalse(busy && tier == 2 && !tierRight, String.format(
                "machine too busy for %s (load %.1f on %d cores: the threads could not share a line at the same time):%n%s",
                workload, load, SampleLadderIT.CORES, String.join("\n", misses)));
        Assumptions.assumeFalse(busy && tierRight, String.format(
                "machine too busy for %s's ns/op (load %.1f on %d cores: timed operations were preempted), its tier was right:%n%s",
                workload, load, SampleLadderIT.CORES, String.join("\n", misses)));
        throw new AssertionError(workload + " expected L" + expected + " (" + mechanism + ") within " + NativeCost.FACTOR + "x of its native cost, load "
                + load + ":\n" + String.join("\n", misses));
    }

    /**
     * A workload's cost as a run printed it (natively, unless said). Its true cost per op lies between the threads'
     * CPU time per op and their thread time per op (which, on a shared machine, includes waiting for a core): the
     * reported ns/op must lie within {@link #FACTOR}x of that range. Level 0 sites have no ns/op (nothing counted).
     *
     * <p>Where the run under the agent timed itself at more than {@link #FACTOR}x the native thread time per op, the
     * report is held to that run's own figures instead: {@code chm-per-thread} is bimodal natively (12 or 20-25 ns of
     * CPU per merge, 3 of 16 runs slow, 2026-12-05; its hot node's header and value are written by every merge, and
     * likely where the two threads' nodes land after the collector copies them decides whether they share a cache
     * line: with Epsilon, which copies nothing, 10 of 10 runs under the agent were fast) and under the agent 17-22 or
     * 32-50 ns in 2-5 of 10 runs, also with no probe in the workload ({@code instrument=com.nothing.}): a different
     * run, not an error of the report.
     */
    record NativeCost(double nsPerOp, double cpuNsPerOp, double blockedNsPerOp) {
        /** 33 cases with ns/op in 3 runs of the suite (2026-12-03): 0.65-1.45x of the native thread time per op, once 2.27x. */
        static final double FACTOR = 2;

        boolean agrees(Site site, long calls) {
            Double perCall = perCall(site, calls);
            if (perCall == null) {
                return site.tier() == 0;
            }
            return perCall >= cpuNsPerOp / FACTOR && perCall <= FACTOR * nsPerOp;
        }

        /**
         * Whether a run timed itself at more than {@link #FACTOR}x this cost per op, or less than 1/{@link #FACTOR}:
         * two threads settle in a fast or a slow mode per run on this host (hdr-histogram natively 233 ns per op in one
         * run, 76-110 in others, and 103 under the agent beside the 233, 2026-12-06), so no report of that run could
         * match this figure, and it is held to the run's own.
         */
        boolean inAnotherModeThan(NativeCost run) {
            return run.cpuNsPerOp() > FACTOR * nsPerOp || run.nsPerOp() * FACTOR < cpuNsPerOp;
        }

        /** The range of both: the higher thread time, the lower CPU time. */
        NativeCost widenedBy(NativeCost other) {
            return new NativeCost(Math.max(nsPerOp, other.nsPerOp), Math.min(cpuNsPerOp, other.cpuNsPerOp),
                    Math.max(blockedNsPerOp, other.blockedNsPerOp));
        }

        @Override
        public String toString() {
            return String.format("%.1f ns/op (CPU %.1f)", nsPerOp, cpuNsPerOp);
        }
    }

    /**
     * The report's time per call of the workload's op: the line's time, ns/op x ops, over the calls the workload made
     * under the agent. A line's ops are not always its calls: a line whose ops were counted inside the library it
     * calls (evidence {@code libraryOps}) has the library's operations as ops, several per call where a call passes a
     * site several times (Dropwizard's Meter.mark: three EWMA updates at one line), and a line of two counted calls
     * (a queue's offer and poll) has two ops per call.
     */
    static Double perCall(Site site, long calls) {
        if (site.nsPerOp() == null) {
            return null;
        }
        Number ops = (Number) site.evidence().get("ops");
        if (ops == null || calls <= 0) {
            return site.nsPerOp();
        }
        return site.nsPerOp() * ops.doubleValue() / calls;
    }

    /** A line whose ops are a library's operations says so, naming the site, beside its ns/op. */
    private static void assertLibraryOpsSaid(Site site) {
        if (site.evidence().get("libraryOps") != null && site.nsPerOp() != null) {
            assertThat(site.reasons()).as("the reasons say whose ops they are").anyMatch(r -> r.startsWith("ops: ")
                    && r.contains("per library operation"));
        }
    }

    /**
     * JDK 17's CompletableFuture runs async tasks on the common pool only where its parallelism is above 1 (else a
     * thread per task, {@code ThreadPerTaskExecutor}); JDK 25's used a pool on the same 2 cores (natively 28-33 us per
     * op against 206-212 on JDK 17, 2026-12-05). Where threads are started per task, the line must say so and advise a
     * pool.
     */
    private static void assertThreadStartsSeen(Path java, String workload, Site site) throws Exception {
        boolean threadPerTask = workload.equals("async-supply") && java.startsWith(System.getProperty("java.home"))
                && Runtime.version().feature() == 17 && ForkJoinPool.getCommonPoolParallelism() <= 1;
        if (threadPerTask) {
            assertThat(site.evidence().get("threadStartSamples")).as("samples in Thread.start: %s", site.evidence()).isNotNull();
            assertThat(site.advice().summary()).isEqualTo("a thread started per task -> hand tasks to a pool");
        }
    }

    /**
     * A task handed over and waited for on every op is a round trip, advised as one (run it in the caller's thread, or
     * hand over batches), also where the submit and the get share a line: the advice reads the call that waits.
     */
    private static void assertRoundTripAdvised(String workload, Site site) {
        if (workload.endsWith("round-trip")) {
            assertThat(site.advice()).as("advice at %s", site.chain()).isNotNull();
            assertThat(site.advice().summary()).startsWith("work handed to another thread and waited for on every op");
        }
    }

    /**
     * A take from a queue its own threads give back to waits for an item another thread holds (PoolQueues): contention
     * at the take line, never idle, and the line says so.
     */
    private static void assertPoolSeen(String workload, Report report) {
        if (workload.equals("pooled-buffers")) {
            assertPoolTake(report, "PooledBuffers", "take");
        } else if (workload.equals("connection-pool")) {
            // The pool is HikariCP's: its borrow polls a SynchronousQueue that its close offers the connection back to.
            assertPoolTake(report, "ConnectionPool", "op");
        }
    }

    private static void assertPoolTake(Report report, String appClass, String method) {
        Site take = report.sites().stream().filter(s -> s.className().equals(PACKAGE + appClass)
                && s.methodName().equals(method) && s.reasons().stream().anyMatch(r -> r.startsWith("a pool: ")))
                .findFirst().orElse(null);
        assertThat(take).as("a line that says it takes from a pool, among %s", report.sites()).isNotNull();
        assertThat(take.idle()).as("a pool's take is contention: %s", take.reasons()).isFalse();
        assertThat(take.evidence().get("idleNanos")).as("no idle time at the take: %s", take.evidence()).isNull();
        assertThat(take.reasons()).anyMatch(r -> r.contains("a pool: the threads that take here give the item back at "
                + PACKAGE + appClass + ".op:"));
    }

    /**
     * A StringBuffer its method makes and keeps is left uninstrumented (agent: ConfinedReceivers), so the JIT still removes
     * its locks, and the line says why it counted nothing: natively 13-16 ns per op, 82-89 under the agent that counted
     * its four appends and toString (2026-12-05).
     */
    private static void assertConfinedSeen(String workload, Report report) {
        if (!workload.equals("legacy-formatter")) {
            return;
        }
        List<Site> lines = report.sites().stream().filter(s -> s.className().equals(PACKAGE + "LegacyFormatter")).toList();
        assertThat(lines).as("every line of the formatter is plain code").allMatch(s -> s.tier() == 0);
        assertThat(lines).flatMap(Site::reasons).anyMatch(r -> r.contains("its calls on java.lang.StringBuffer are on "
                + "an object this method made and keeps to itself"));
    }

    static long calls(String output) {
        Matcher m = CALLS.matcher(output);
        assertThat(m.find()).as("the workload prints its ops: %s", output).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * The site of the workload's class where its op spends most time (ns/op x ops), the highest tier among sites
     * without a time: its application line. The executor round trip has two lines, the submit (a wake-up, ~1.7 us) and
     * the get (the wait, ~17 us): the op's cost is the get's. Its initializers set the workload up (HotKeyCache fills
     * its cache in its static initializer, once), they are not its operation.
     */
    static Site applicationSite(Report report, String className) {
        return report.sites().stream()
                .filter(s -> s.className().equals(className) || s.className().startsWith(className + "$"))
                .filter(s -> !s.methodName().startsWith("<"))
                .max(Comparator.comparingDouble(LibraryWorkloadsIT::timeOf).thenComparingInt(Site::tier))
                .orElse(null);
    }

    private static double timeOf(Site site) {
        Number ops = (Number) site.evidence().get("ops");
        return site.nsPerOp() == null || ops == null ? 0 : site.nsPerOp() * ops.doubleValue();
    }

    /** The same workload without the agent, same threads and seconds. */
    private NativeCost nativeCost(Path java, String workload) throws Exception {
        return cost(run(java, workload, List.of()));
    }

    /** The cost a run of a workload printed of itself. */
    private static NativeCost cost(String output) {
        Matcher m = NATIVE.matcher(output);
        assertThat(m.find()).as("the workload prints its cost: %s", output).isTrue();
        return new NativeCost(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private String run(Path java, String workload, List<String> jvmOptions) throws Exception {
        return runWorkload(java, work, workload, THREADS, seconds(workload), jvmOptions);
    }

    /** Runs a workload in a forked JVM (the agent, if any, among {@code jvmOptions}) and returns what it printed. */
    static String runWorkload(Path java, Path work, String workload, int threads, double seconds, List<String> jvmOptions)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), "io.costlevel.workloads.Workloads", workload,
                Integer.toString(threads), Double.toString(seconds)));
        Path log = work.resolve(workload + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(workload + " did not end within " + TIMEOUT_SECONDS + " s: " + command);
        }
        String output = SampleUnderAgent.read(log);
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", workload, output).isZero();
        return output;
    }

    private static String classpath() {
        String cp = System.getProperty("costlevel.workloadsClasspath");
        if (cp == null || cp.isBlank()) {
            throw new IllegalStateException("system property costlevel.workloadsClasspath is not set (see analyzer/pom.xml)");
        }
        return cp;
    }

    private static String oneDecimal(Double value) {
        return value == null ? "no" : String.format("%.1f", value);
    }

    private static String describe(Report report, Site site, NativeCost cost, long calls) {
        StringBuilder b = new StringBuilder("native " + cost + "; ");
        b.append(site == null ? "no site of the workload's class" : String.format("L%d %s %s ns/op (%s per call of %d) chain=%s %s",
                site.tier(), site.confidence(), oneDecimal(site.nsPerOp()), oneDecimal(perCall(site, calls)), calls,
                site.chain(), site.reasons()));
        report.sites().stream().limit(5).forEach(s -> b.append("\n    L").append(s.tier()).append(' ').append(s.kind())
                .append(' ').append(s.className()).append('.').append(s.methodName()).append(':').append(s.line())
                .append(' ').append(s.evidence()));
        return b.toString();
    }
}
