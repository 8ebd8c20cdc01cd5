package io.costlevel.analyzer.report.html;

import io.costlevel.analyzer.report.Advice;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.RunInfo;
import io.costlevel.analyzer.report.Site;
import io.costlevel.analyzer.report.TierSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports built by hand for the HTML tests: one shaped like the seed's ladder (the samples' counters,
 * one site per tier and more, figures from ground-truth.md and the samples' headers), and one whose
 * every string is hostile markup.
 */
final class SampleReports {
    static final String HOSTILE_CLASS = "com.evil.<img src=x onerror=alert(1)>";
    static final String HOSTILE_METHOD = "</script><script>alert(1)</script>";
    static final String HOSTILE_EVIDENCE_KEY = "<b onmouseover=alert(2)>key</b>";
    static final String HOSTILE_EVIDENCE_VALUE = "\u2028</script><img src=x onerror=alert(3)><!--";
    static final String HOSTILE_REASON = "<script>alert(4)</script> & already-escaped &lt;b&gt;";
    static final String HOSTILE_JVM = "<img src=x onerror=alert(5)>";
    static final String HOSTILE_INPUT = "/tmp/\"><img src=x onerror=alert(6)>.jfr";
    static final String HOSTILE_VERSION = "\"><script>alert(7)</script>";
    static final String HOSTILE_THREAD = "worker-<svg onload=alert(8)>";

    private static final String SAMPLES = "io.costlevel.samples.";

    private SampleReports() {}

    /** Sites across all six tiers, costliest share first, like a run of the samples at 4x cores. */
    static Report ladder() {
        List<Site> sites = List.of(
                site("S07_SpinningTicketLockCounter", "increment", 41, "spin", 5, 50_462_492.0, 40.0, 0.41, 8,
                        List.of("java.lang.Thread.onSpinWait"),
                        evidence("spinsPerOp", 1_930_000, "runnableThreads", 8, "cores", 2, "cpuShareWhileWaiting", 0.99),
                        List.of("waiters spin while 8 runnable threads share 2 cores: the owner is often descheduled",
                                "50.5 ms per op is beyond the L5 floor of 1 ms while the waiters stay on CPU"),
                        new Advice(4, "spinning ticket lock -> spin briefly, then park", "Bound the spin (about 100 checks), "
                                + "then park until the holder signals, as S08 does, or use ReentrantLock.", 30_000.0, 2.0e9)),
                site("S06_BlockingTicketLockCounter", "increment", 46, "wait", 4, 36_500.0, 27_000.0, 0.19, 8,
                        List.of("java.util.concurrent.locks.Condition.awaitUninterruptibly", "java.util.concurrent.locks.LockSupport.park"),
                        evidence("parksPerOp", 0.97, "contextSwitchesPerOp", 1.1, "meanParkNs", 33_800),
                        List.of("almost every op parks: one context switch per op", "36.5 µs per op is within L4 (2-100 µs)"),
                        new Advice(2, "hand-off ticket lock -> one shared lock held briefly",
                                "A plain ReentrantLock lets the running thread take the lock again without a switch.", 98.0, 9.8e8)),
                site("S05_YieldingTicketLockCounter", "increment", 39, "yield", 4, 16_269.0, 61_000.0, 0.14, 8,
                        List.of("java.lang.Thread.yield"),
                        evidence("yieldsPerOp", 14.2, "contextSwitchesPerOp", 0.8),
                        List.of("yield hands the core to another runnable thread: a context switch per op"),
                        new Advice(2, "yielding wait -> blocking lock", "Let waiters park instead of yielding in a loop.", 98.0, 9.9e8)),
                site("S08_CooperativeSpinningTicketLockCounter", "increment", 44, "yield", 3, 880.0, 230_000.0, 0.07, 2,
                        List.of("java.lang.Thread.yield"),
                        evidence("yieldsPerOp", 0.6, "contextSwitchesPerOp", 0.01),
                        List.of("yields are system calls that return at once: no context switch"),
                        new Advice(2, "bounded spin -> lock", "At threads = cores a ReentrantLock keeps this under 100 ns.", 60.0, 1.9e8)),
                site("S01_SynchronizedCounter", "increment", 32, "monitor", 2, 146.2, 1_200_000.0, 0.09, 8,
                        List.of("java.lang.Object (monitor enter)"),
                        evidence("monitorEntersPerSecond", 1_200_000, "contendedEnters", 0.34, "ownerThreads", 8),
                        List.of("the monitor is entered from 8 threads: its cache line moves between cores"),
                        new Advice(1, "one shared counter -> per-thread counters summed on read",
                                "Give each thread its own padded counter (LongAdder) so increments stay in the core's cache.", 5.4, 1.6e8)),
                site("S04_CasCounter", "increment", 33, "atomic", 2, 129.0, 1_400_000.0, 0.05, 8,
                        List.of("java.util.concurrent.atomic.AtomicLong.compareAndSet"),
                        evidence("casFailuresPerOp", 1.7, "threads", 8),
                        List.of("1.7 failed CAS per op: true sharing between cores"),
                        new Advice(1, "CAS loop on a shared AtomicLong -> LongAdder", "LongAdder spreads contended adds over cells.", 5.4, 1.7e8)),
                site("S03_AtomicCounter", "increment", 32, "atomic", 2, 69.0, 2_900_000.0, 0.03, 8,
                        List.of("java.util.concurrent.atomic.AtomicLong.incrementAndGet"),
                        evidence("atomicOpsPerSecond", 2_900_000, "threads", 8),
                        List.of("one AtomicLong written from 8 threads"),
                        new Advice(1, "contended AtomicLong counter -> LongAdder", "Replace incrementAndGet with LongAdder.increment "
                                + "when the value is read rarely.", 5.4, 1.8e8)),
                site("S10_LongAdderCounter", "increment", 36, "atomic", 1, 5.4, 9_000_000.0, 0.01, 8,
                        List.of("java.util.concurrent.atomic.LongAdder.increment"),
                        evidence("atomicOpsPerSecond", 9_000_000, "casFailuresPerOp", 0.0),
                        List.of("atomic adds that never fail: each thread has its own cell"),
                        new Advice(0, "shared adder -> thread-confined counter", "Count in a field only this thread writes; publish at the end.", 0.4, 4.5e7)),
                site("S11_ThreadLocalCounter", "increment", 52, "cpu", 0, 0.33, 95_000_000.0, 0.01, 8,
                        List.of(), evidence("plainWritesPerOp", 1), List.of("no atomic, lock or wait seen at this line"), null),
                new Site("com.acme.shop.OrderService", "checkout", -1, "park", 4, "low", null, null, 0.0, 3,
                        List.of("java.util.concurrent.ArrayBlockingQueue.put"), evidence("parks", 12),
                        List.of("parks seen in JFR samples only; ops were not counted"), null,
                        Map.of("4", 1.0), false, null, "no ns/op: without the agent the number of operations is unknown"));
        List<TierSummary> tiers = List.of(
                new TierSummary(0, "L0 vanilla", 1, 0.01),
                new TierSummary(1, "L1 uncontended atomic", 1, 0.01),
                new TierSummary(2, "L2 true sharing", 3, 0.17),
                new TierSummary(3, "L3 system call", 1, 0.07),
                new TierSummary(4, "L4 context switch", 3, 0.33),
                new TierSummary(5, "L5 catastrophe", 1, 0.41));
        RunInfo run = new RunInfo("OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1", "17.0.15", 2, 60.4,
                List.of("costlevel-out/"), List.of("agent", "jfr"), "0.1.0-SNAPSHOT", "2026-11-23T19:30:00Z",
                60.4, 1, "one JVM");
        return new Report(Report.SCHEMA_VERSION, run, tiers, sites,
                List.of("async-profiler was not attached: native spin time is estimated from JFR samples"));
    }

    /**
     * Issue 12, item 8: sites the page has to explain. A lock whose time is split between L1 and L4 (rare long
     * blocks), an unlock whose 22 us per op lies in L4's band while its mechanism is L2, a plain line without
     * ns/op, and a main thread's join, idle.
     */
    static Report explained() {
        List<Site> sites = List.of(
                new Site(SAMPLES + "S02_ReentrantLockCounter", "increment", 30, "lock", 1, "high", 58.0, 2.0e7, 0.6, 8,
                        List.of("java.util.concurrent.locks.ReentrantLock.lock"), evidence("ops", 20_000_000),
                        List.of("L1 uncontended atomic (71 % of the time): synchronization without sharing",
                                "L4 context switch (29 % of the time): 0.002 % of ops blocked 5.1 ms each"),
                        null, Map.of("1", 0.71, "4", 0.29), false, null, null),
                new Site(SAMPLES + "S06_BlockingTicketLockCounter", "increment", 57, "lock", 2, "medium", 22_350.0, 5_000.0,
                        0.3, 8, List.of("java.util.concurrent.locks.ReentrantLock.unlock"), evidence("ops", 21_541),
                        List.of("L2 true sharing (100 % of the time): 89% of sampled ops found their line last touched here",
                                "ns/op 22.3 us lies in L4 context switch's range, not L2 true sharing's: something costlier "
                                        + "than the counted mechanism happens in the op"),
                        null, Map.of("2", 1.0), false, null, null),
                new Site(SAMPLES + "CounterRun$Worker", "run", 120, "cpu", 0, "high", null, null, 0.1, 2,
                        List.of(), evidence("jfrCpuSamples", 40),
                        List.of("L0 vanilla (100 % of the time): 40 CPU samples and no synchronization counted by the agent"),
                        null, Map.of("0", 1.0), false, null,
                        "no ns/op: the agent counted no synchronization on this line (plain code), so it has no operations to divide by"),
                new Site(SAMPLES + "CounterRun", "run", 51, "join", 4, "high", 1.0e9, 1.0, 0.0, 1,
                        List.of("java.lang.Thread.join"), evidence("ops", 8),
                        List.of("L4 context switch: idle, not ranked: 1.014 s waiting for work or for other threads to finish"),
                        null, Map.of(), true, "idle", null));
        List<TierSummary> tiers = List.of(
                new TierSummary(0, "L0 vanilla", 1, 0.1), new TierSummary(1, "L1 uncontended atomic", 1, 0.426),
                new TierSummary(2, "L2 true sharing", 1, 0.3), new TierSummary(3, "L3 system call", 0, 0),
                new TierSummary(4, "L4 context switch", 0, 0.174), new TierSummary(5, "L5 catastrophe", 0, 0));
        RunInfo run = new RunInfo("OpenJDK 64-Bit Server VM", "17.0.15", 2, 3.0, List.of("costlevel-out/"),
                List.of("agent", "jfr"), "0.1.0-SNAPSHOT", "2026-12-02T19:00:00Z", 3.0, 1, "one JVM");
        return new Report(Report.SCHEMA_VERSION, run, tiers, sites, List.of());
    }

    /** Every string a recording can carry is markup trying to run or render. */
    static Report hostile() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(HOSTILE_EVIDENCE_KEY, HOSTILE_EVIDENCE_VALUE);
        evidence.put("thread", HOSTILE_THREAD);
        Site site = new Site(HOSTILE_CLASS, HOSTILE_METHOD, 7, "<i>spin</i>", 5, "high", 1.5e6, 10.0, 1.0, 2,
                List.of(HOSTILE_THREAD), evidence, List.of(HOSTILE_REASON),
                new Advice(4, "<img src=x onerror=alert(9)>", "<a href=\"javascript:alert(10)\">click</a>", null, null),
                Map.of("5", 1.0), false, HOSTILE_REASON, HOSTILE_REASON);
        RunInfo run = new RunInfo(HOSTILE_JVM, "17<b>", 2, 1.0, List.of(HOSTILE_INPUT), List.of("<u>agent</u>"),
                HOSTILE_VERSION, "<script>alert(11)</script>", 1.0, 1, "<b>one</b>");
        return new Report(Report.SCHEMA_VERSION, run,
                List.of(new TierSummary(5, "L5 <img src=x onerror=alert(12)>", 1, 1.0)),
                List.of(site), List.of("<img src=x onerror=alert(13)>"));
    }

    private static Site site(String simpleName, String method, int line, String kind, int tier, double nsPerOp,
                             double opsPerSecond, double share, int threads, List<String> primitives,
                             Map<String, Object> evidence, List<String> reasons, Advice advice) {
        return new Site(SAMPLES + simpleName, method, line, kind, tier, "high", nsPerOp, opsPerSecond, share, threads,
                primitives, evidence, reasons, advice, Map.of(Integer.toString(tier), 1.0), false, null, null);
    }

    /** Key/value pairs in order, as the analyzer's evidence maps keep them. */
    private static Map<String, Object> evidence(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
